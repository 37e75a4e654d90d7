import { officeToday } from '../../../shared/dates.ts';
import type { GeneratedFile } from '../../../shared/documents.ts';
import type { PlaceholderName } from '../../../shared/replies/placeholders.ts';
import { checkTemplate, type LetterTemplate, type ParsedTemplateInput } from '../../../shared/replies/templates.ts';
import type { DbClient } from '../db/db-client.ts';
import { uuidv7 } from '../ids.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import { AppError } from '../rpc/app-error.ts';
import { addresseeLines, buildLetter, caseValues, type CaseForLetter } from './reply-values.ts';

type TemplateText = Pick<ParsedTemplateInput, 'name' | 'place' | 'letterhead' | 'body' | 'signature'>;

/** Refuses text with broken or unknown placeholders, each named by field, line and column. */
export function requireValidText(text: Pick<ParsedTemplateInput, 'letterhead' | 'body' | 'signature'>): void {
  const issues = checkTemplate(text);
  if (issues.length > 0) {
    throw new AppError('invalid_input', 'The template text has problems', issues.map((i) => ({ path: `${i.field}:${String(i.line)}:${String(i.column)}`, message: i.key })));
  }
}

/** Letter templates: saved only when their text holds together, and previewed filled from a case. */
export class TemplatesService {
  readonly #db: DbClient;
  readonly #documents: DocumentsClient;
  readonly #caseOf: (id: string) => Promise<CaseForLetter>;

  constructor(deps: { db: DbClient; documents: DocumentsClient; caseOf: (id: string) => Promise<CaseForLetter> }) {
    this.#db = deps.db;
    this.#documents = deps.documents;
    this.#caseOf = deps.caseOf;
  }

  /** A broken or unknown placeholder is refused here, with where it is, never found at printing. */
  async save(input: ParsedTemplateInput, savedBy: string): Promise<LetterTemplate> {
    requireValidText(input);
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
    requireValidText(template);
    const values = caseId === null ? {} : await caseValues(this.#db, await this.#caseOf(caseId));
    const { letter, missing } = buildLetter(template, template.body, values, {
      addressee: addresseeLines(values.adresat, values.adres_adresata), draft: true, tracking: null, today: officeToday(),
    });
    const bytes = await this.#documents.render({ kind: 'reply-letter', letter });
    return { file: { fileName: 'projekt-pisma.pdf', mediaType: 'application/pdf', base64: bytes.toString('base64') }, missing };
  }
}
