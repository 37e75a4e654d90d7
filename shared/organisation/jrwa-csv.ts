import { checkJrwa, JrwaClassInput, type JrwaClassData, type JrwaProblem } from './jrwa.ts';

/**
 * Reads a JRWA list from CSV as spreadsheets export it: UTF-8 (BOM or not), `;` or `,`, quoted
 * fields, a header naming the columns symbol, hasło, kategoria, kategoria_inne, uwagi (Polish or
 * English names; case and accents ignored). Returns every problem with its line, or the classes.
 */
export function parseJrwaCsv(text: string): { classes: JrwaClassData[]; problems: JrwaProblem[] } {
  const rows = splitCsv(text.replace(/^\uFEFF/u, ''));
  const header = rows.shift();
  if (!header) return { classes: [], problems: [{ line: 0, message: 'jrwa.empty' }] };
  const column = (names: readonly string[]): number => header.cells.findIndex((h) => names.includes(fold(h)));
  const at = {
    symbol: column(['symbol']),
    heading: column(['haslo', 'heading', 'nazwa']),
    category: column(['kategoria', 'kategoria archiwalna', 'kat_macierzysta', 'category']),
    categoryOther: column(['kategoria_inne', 'kategoria inne', 'kat_inne', 'category_other']),
    notes: column(['uwagi', 'notes']),
  };
  if (at.symbol < 0 || at.heading < 0) return { classes: [], problems: [{ line: header.line, message: 'jrwa.badHeader' }] };
  const classes: JrwaClassData[] = [];
  const lines: number[] = [];
  const problems: JrwaProblem[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const cell = (i: number): string | null => (i < 0 ? null : (row.cells[i] ?? '').trim() || null);
    const parsed = JrwaClassInput.safeParse({
      symbol: cell(at.symbol) ?? '',
      heading: cell(at.heading) ?? '',
      category: cell(at.category),
      categoryOther: cell(at.categoryOther),
      notes: cell(at.notes),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line: row.line, message: issue.message });
      continue;
    }
    classes.push(parsed.data);
    lines.push(row.line);
  }
  problems.push(...checkJrwa(classes, lines));
  return problems.length > 0 ? { classes: [], problems } : { classes, problems };
}

function fold(value: string): string {
  return value.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/gu, 'l');
}

interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** RFC 4180 with the separator guessed from the header line (`;` is what Polish Excel writes). */
function splitCsv(text: string): CsvRow[] {
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  const separator = (firstLine.match(/;/gu)?.length ?? 0) >= (firstLine.match(/,/gu)?.length ?? 0) ? ';' : ',';
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
