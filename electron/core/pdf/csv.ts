/**
 * CSV for spreadsheets: UTF-8 with BOM and semicolons, which is what Excel with Polish regional
 * settings opens correctly; every field quoted (quotes doubled inside), CRLF line ends.
 */
export function renderCsv(head: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;
  const text = [head, ...rows].map((row) => row.map(quote).join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
