/** `23 kB`, `1,7 MB`: a file's size in the UI language's number format (decimal units, as Windows Explorer's size column is read). */
export function formatFileSize(bytes: number, locale: string): string {
  const tag = locale === 'en' ? 'en-GB' : 'pl-PL';
  if (bytes < 1000 * 1000) {
    return new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1000)));
  }
  return new Intl.NumberFormat(tag, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1000 * 1000));
}
