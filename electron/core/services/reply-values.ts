import type { CaseWithDeadline } from '../../../shared/cases.ts';
import { officeIsoDate } from '../../../shared/dates.ts';
import { placeAndDateLine, polishLongDate } from '../../../shared/replies/letter-date.ts';
import { PLACEHOLDER_NAMES, type PlaceholderName, type PlaceholderValues } from '../../../shared/replies/placeholders.ts';
import { fillBlocks, parseTemplateText, type FilledRun } from '../../../shared/replies/template-text.ts';
import type { LetterTemplate } from '../../../shared/replies/templates.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import type { DbClient } from '../db/db-client.ts';
import type { ReplyLetter } from '../pdf/reply-letter.ts';

/** A case as letters need it: its record and the letters it came from, first one first. */
export interface CaseForLetter {
  readonly case: CaseWithDeadline;
  readonly itemIds: readonly string[];
}

/** The letter the reply answers: the first one the case was opened from, if any. */
export async function answeredLetter(db: DbClient, found: CaseForLetter): Promise<IncomingItem | null> {
  const [firstItemId] = found.itemIds;
  return firstItemId === undefined ? null : (await db.call('registry.get', firstItemId))?.item ?? null;
}

/**
 * What a case fills a letter with: its sign and term, the letter it answers (pass it when the
 * caller has read it already), who handles and signs.
 */
export async function caseValues(db: DbClient, found: CaseForLetter, answered?: IncomingItem | null): Promise<PlaceholderValues> {
  const c = found.case;
  const item = answered === undefined ? await answeredLetter(db, found) : answered;
  const { handler, head, unitName } = await db.call('organisation.letterPeople', { unitCode: c.unitCode, handlerLogin: c.handlerLogin });
  const due = c.deadline?.currentDueDate ?? null;
  return withoutEmpty({
    // A provisional sign fills a draft; a final letter refuses it (DESIGN.md: nothing final with one).
    znak_sprawy: c.sign ?? c.displaySign,
    tytul_sprawy: c.title,
    termin_zalatwienia: due === null ? undefined : polishLongDate(due),
    adresat: item?.senderName ?? undefined,
    adres_adresata: item?.senderAddress ?? undefined,
    numer_rpw: item?.rpwNumber,
    data_wplywu: item ? polishLongDate(officeIsoDate(new Date(item.receivedAt))) : undefined,
    data_pisma: item?.letterDate ? polishLongDate(item.letterDate) : undefined,
    znak_pisma: item?.senderReference ?? undefined,
    prowadzacy: handler?.displayName,
    stanowisko_prowadzacego: handler?.post,
    podpisujacy: head?.displayName,
    stanowisko_podpisujacego: head?.post,
    komorka: unitName ?? undefined,
  });
}

/** The addressee block's lines from a name and an address ("ul. X 1, 45-001 Opole" splits before the postcode). */
export function addresseeLines(name: string | undefined, address: string | undefined): string[] {
  return [name, ...(address ?? '').split(/\n|,\s*(?=\d{2}-\d{3})/u)].filter((l): l is string => l !== undefined && l.trim() !== '').map((l) => l.trim());
}

/**
 * A letter ready for the PDF worker: the template's parts filled with `values` (today's date and
 * place added), and every placeholder left without a value.
 */
export function buildLetter(
  template: Pick<LetterTemplate, 'name' | 'place' | 'letterhead' | 'signature'>,
  body: string,
  values: PlaceholderValues,
  options: { addressee: readonly string[]; draft: boolean; tracking: ReplyLetter['tracking']; today: string },
): { letter: ReplyLetter; missing: PlaceholderName[] } {
  const filled: PlaceholderValues = { ...values, data: polishLongDate(options.today), miejscowosc: template.place };
  const letterhead = fillBlocks(parseTemplateText(template.letterhead).blocks, filled);
  const text = fillBlocks(parseTemplateText(body).blocks, filled);
  const signature = fillBlocks(parseTemplateText(template.signature).blocks, filled);
  const missing = [...new Set([...letterhead.missing, ...text.missing, ...signature.missing])];
  return {
    missing,
    letter: {
      letterhead: linesOf(letterhead.blocks),
      placeAndDate: placeAndDateLine(template.place, options.today),
      caseSign: filled.znak_sprawy ?? '[znak_sprawy]',
      addressee: options.addressee.length > 0 ? options.addressee : ['[adresat]'],
      body: text.blocks,
      signature: linesOf(signature.blocks),
      tracking: options.tracking,
      draft: options.draft,
      title: options.draft ? `Projekt: ${template.name}` : `${template.name} ${filled.znak_sprawy ?? ''}`.trim(),
    },
  };
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
