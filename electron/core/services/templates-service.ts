import type { CaseWithDeadline } from '../../../shared/cases.ts';
import { localIsoDate } from '../../../shared/dates.ts';
import type { GeneratedFile } from '../../../shared/documents.ts';
import { placeAndDateLine, polishLongDate } from '../../../shared/replies/letter-date.ts';
import { PLACEHOLDER_NAMES, type PlaceholderName, type PlaceholderValues } from '../../../shared/replies/placeholders.ts';
import { fillBlocks, parseTemplateText, type FilledRun } from '../../../shared/replies/template-text.ts';
import { checkTemplate, type LetterTemplate, type ParsedTemplateInput } from '../../../shared/replies/templates.ts';
import type { DbClient } from '../db/db-client.ts';
import { uuidv7 } from '../ids.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import { AppError } from '../rpc/app-error.ts';

type TemplateText = Pick<ParsedTemplateInput, 'name' | 'place' | 'letterhead' | 'body' | 'signature'>;

/** Letter templates: saved only when their text holds together, and previewed filled from a case. */
export class TemplatesService {
  readonly #db: DbClient;
  readonly #documents: DocumentsClient;
  readonly #caseOf: (id: string) => Promise<{ case: CaseWithDeadline; itemIds: string[] }>;

  constructor(deps: { db: DbClient; documents: DocumentsClient; caseOf: (id: string) => Promise<{ case: CaseWithDeadline; itemIds: string[] }> }) {
    this.#db = deps.db;
    this.#documents = deps.documents;
    this.#caseOf = deps.caseOf;
  }

  /** A broken or unknown placeholder is refused here, with where it is, never found at printing. */
  async save(input: ParsedTemplateInput, savedBy: string): Promise<LetterTemplate> {
    const issues = checkTemplate(input);
    if (issues.length > 0) {
      throw new AppError('invalid_input', 'The template text has problems', issues.map((i) => ({ path: `${i.field}:${String(i.line)}:${String(i.column)}`, message: i.key })));
    }
    if (!(await this.#db.call('organisation.units')).some((u) => u.code === input.unitCode)) {
      throw new AppError('invalid_input', 'No such unit', [{ path: 'unitCode', message: 'cases.unknownUnit' }]);
    }
    if (input.id !== null && (await this.#db.call('templates.get', input.id, null)) === null) throw new AppError('not_found', 'No such template');
    return this.#db.call('templates.save', { id: input.id ?? uuidv7(), input, at: new Date().toISOString(), by: savedBy });
  }

  /**
   * The template as a draft PDF ("PROJEKT" on every page), filled from the case when one is given;
   * placeholders without a value are printed as [nazwa] and listed, so the admin or clerk sees gaps.
   */
  async preview(template: TemplateText, caseId: string | null): Promise<{ file: GeneratedFile; missing: PlaceholderName[] }> {
    const issues = checkTemplate(template);
    if (issues.length > 0) {
      throw new AppError('invalid_input', 'The template text has problems', issues.map((i) => ({ path: `${i.field}:${String(i.line)}:${String(i.column)}`, message: i.key })));
    }
    const today = localIsoDate(new Date());
    const values: PlaceholderValues = { ...(caseId === null ? {} : await this.#valuesOf(caseId)), data: polishLongDate(today), miejscowosc: template.place };
    const letterhead = fillBlocks(parseTemplateText(template.letterhead).blocks, values);
    const body = fillBlocks(parseTemplateText(template.body).blocks, values);
    const signature = fillBlocks(parseTemplateText(template.signature).blocks, values);
    const addressee = [values.adresat, ...(values.adres_adresata ?? '').split(/\n|,\s*(?=\d{2}-\d{3})/u)].filter((l): l is string => l !== undefined && l.trim() !== '');
    const bytes = await this.#documents.render({
      kind: 'reply-letter',
      letter: {
        letterhead: linesOf(letterhead.blocks),
        placeAndDate: placeAndDateLine(template.place, today),
        caseSign: values.znak_sprawy ?? '[znak_sprawy]',
        addressee: addressee.length > 0 ? addressee : ['[adresat]'],
        body: body.blocks,
        signature: linesOf(signature.blocks),
        tracking: null,
        draft: true,
        title: `Projekt: ${template.name}`,
      },
    });
    const missing = [...new Set([...letterhead.missing, ...body.missing, ...signature.missing])];
    return { file: { fileName: 'projekt-pisma.pdf', mediaType: 'application/pdf', base64: bytes.toString('base64') }, missing };
  }

  /** What a case fills a letter with: its sign and term, the letter it answers, who handles and signs. */
  async #valuesOf(caseId: string): Promise<PlaceholderValues> {
    const { case: c, itemIds } = await this.#caseOf(caseId);
    const [firstItemId] = itemIds;
    const item = firstItemId === undefined ? null : (await this.#db.call('registry.get', firstItemId))?.item ?? null;
    const handler = c.handlerLogin === null ? null : await this.#db.call('organisation.person', c.handlerLogin);
    const [head] = await this.#db.call('organisation.people', { unitCode: c.unitCode, role: 'unit_head' });
    const unit = (await this.#db.call('organisation.units')).find((u) => u.code === c.unitCode);
    const due = c.deadline?.currentDueDate ?? null;
    return withoutEmpty({
      // A provisional sign fills a draft; a final letter will refuse it (DESIGN.md: nothing final with one).
      znak_sprawy: c.sign ?? c.displaySign,
      tytul_sprawy: c.title,
      termin_zalatwienia: due === null ? undefined : polishLongDate(due),
      adresat: item?.senderName ?? undefined,
      adres_adresata: item?.senderAddress ?? undefined,
      numer_rpw: item?.rpwNumber,
      data_wplywu: item ? polishLongDate(localIsoDate(new Date(item.receivedAt))) : undefined,
      data_pisma: item?.letterDate ? polishLongDate(item.letterDate) : undefined,
      znak_pisma: item?.senderReference ?? undefined,
      prowadzacy: handler?.displayName,
      stanowisko_prowadzacego: handler?.post,
      podpisujacy: head?.displayName,
      stanowisko_podpisujacego: head?.post,
      komorka: unit?.name,
    });
  }
}

/** A blank value is no value: the placeholder is reported as missing rather than printed empty. */
function withoutEmpty(values: PlaceholderValues): PlaceholderValues {
  const kept: PlaceholderValues = {};
  for (const name of PLACEHOLDER_NAMES) {
    const value = values[name];
    if (value !== undefined && value.trim() !== '') kept[name] = value;
  }
  return kept;
}

/** Letterheads and signatures are line lists: each paragraph line or list item is one line. */
function linesOf(blocks: ReturnType<typeof fillBlocks>['blocks']): (readonly FilledRun[])[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.items));
}
