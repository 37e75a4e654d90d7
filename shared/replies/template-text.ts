import { isPlaceholderName, type PlaceholderName, type PlaceholderValues } from './placeholders.ts';

/**
 * The small markup of letter templates, parsed and checked when a template is saved (so a broken
 * placeholder is found by the admin, not by a clerk printing a letter):
 * - paragraphs are separated by an empty line; a single line break stays a line break;
 * - `**pogrubienie**` makes bold text;
 * - lines starting with `- ` make a bulleted list, lines starting with `1. ` a numbered one;
 * - `{{nazwa}}` is a placeholder from PLACEHOLDERS.
 * Letterheads and signature blocks use the same rules, line by line.
 */

export type Run = { readonly kind: 'text'; readonly text: string; readonly bold: boolean } | { readonly kind: 'placeholder'; readonly name: PlaceholderName; readonly bold: boolean };

/** One line of a paragraph or one list item, as runs of text and placeholders. */
export type Line = readonly Run[];

export type Block =
  | { readonly kind: 'paragraph'; readonly lines: readonly Line[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly Line[] };

export type TemplateIssueKey =
  | 'templates.errors.unclosedPlaceholder'
  | 'templates.errors.unopenedPlaceholder'
  | 'templates.errors.emptyPlaceholder'
  | 'templates.errors.unknownPlaceholder'
  | 'templates.errors.unclosedBold';

export interface TemplateIssue {
  readonly key: TemplateIssueKey;
  /** 1-based, as an editor shows them. */
  readonly line: number;
  readonly column: number;
  /** The placeholder's name as written, for unknown ones. */
  readonly name?: string;
}

export interface ParsedText {
  readonly blocks: readonly Block[];
  readonly issues: readonly TemplateIssue[];
}

const BULLET = /^\s*[-*•]\s+/u;
const NUMBERED = /^\s*\d{1,3}[.)]\s+/u;

export function parseTemplateText(text: string): ParsedText {
  const issues: TemplateIssue[] = [];
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  let list: { ordered: boolean; items: Line[] } | null = null;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = null;
  };
  text.replace(/\r\n?/gu, '\n').split('\n').forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '') {
      flush();
      return;
    }
    const bullet = BULLET.exec(raw) ?? NUMBERED.exec(raw);
    if (bullet) {
      const ordered = NUMBERED.test(raw);
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseLine(raw.slice(bullet[0].length), lineNo, bullet[0].length, issues));
      return;
    }
    if (list) flush();
    paragraph.push(parseLine(raw, lineNo, 0, issues));
  });
  flush();
  return { blocks, issues };
}

/** Runs of one line; `offset` is where `text` starts in the source line (for columns). */
function parseLine(text: string, lineNo: number, offset: number, issues: TemplateIssue[]): Line {
  const runs: Run[] = [];
  let bold = false;
  let boldOpenedAt = 0;
  let buffer = '';
  const pushText = (): void => {
    if (buffer !== '') runs.push({ kind: 'text', text: buffer, bold });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const column = offset + i + 1;
    if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i + 2);
      const nextOpen = text.indexOf('{{', i + 2);
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        issues.push({ key: 'templates.errors.unclosedPlaceholder', line: lineNo, column });
        buffer += '{{';
        i += 2;
        continue;
      }
      const name = text.slice(i + 2, end).trim();
      if (name === '') issues.push({ key: 'templates.errors.emptyPlaceholder', line: lineNo, column });
      else if (!isPlaceholderName(name)) issues.push({ key: 'templates.errors.unknownPlaceholder', line: lineNo, column, name });
      else {
        pushText();
        runs.push({ kind: 'placeholder', name, bold });
      }
      i = end + 2;
      continue;
    }
    if (text.startsWith('}}', i)) {
      issues.push({ key: 'templates.errors.unopenedPlaceholder', line: lineNo, column });
      i += 2;
      continue;
    }
    if (text.startsWith('**', i)) {
      pushText();
      bold = !bold;
      boldOpenedAt = column;
      i += 2;
      continue;
    }
    buffer += text.charAt(i);
    i += 1;
  }
  pushText();
  // Bold never runs on into the next line: an admin who forgot to close it should hear so.
  if (bold) issues.push({ key: 'templates.errors.unclosedBold', line: lineNo, column: boldOpenedAt });
  return runs;
}

/** Every placeholder the text uses, once each, in order of first use. */
export function placeholdersOf(blocks: readonly Block[]): PlaceholderName[] {
  const seen = new Set<PlaceholderName>();
  for (const block of blocks) {
    for (const line of block.kind === 'paragraph' ? block.lines : block.items) {
      for (const run of line) if (run.kind === 'placeholder') seen.add(run.name);
    }
  }
  return [...seen];
}

export type FilledRun = { readonly text: string; readonly bold: boolean };
export type FilledBlock =
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly FilledRun[])[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly FilledRun[])[] };

/**
 * The blocks with their placeholders filled. A placeholder with no value is listed in `missing`
 * and shown as `[nazwa]` in a draft, so the clerk sees the gap; a final letter with gaps is refused.
 */
export function fillBlocks(blocks: readonly Block[], values: PlaceholderValues): { blocks: FilledBlock[]; missing: PlaceholderName[] } {
  const missing = new Set<PlaceholderName>();
  const fillLine = (line: Line): FilledRun[] => line.map((run) => {
    if (run.kind === 'text') return { text: run.text, bold: run.bold };
    const value = values[run.name]?.trim();
    if (value === undefined || value === '') {
      missing.add(run.name);
      return { text: `[${run.name}]`, bold: run.bold };
    }
    return { text: value, bold: run.bold };
  });
  const filled = blocks.map((block): FilledBlock => block.kind === 'paragraph'
    ? { kind: 'paragraph', lines: block.lines.map(fillLine) }
    : { kind: 'list', ordered: block.ordered, items: block.items.map(fillLine) });
  return { blocks: filled, missing: [...missing] };
}
