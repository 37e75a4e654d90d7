import type { Issue } from '../../../shared/result.ts';

/** The fields of the "Nowa sprawa" form; `form` holds what belongs to none of them. */
export type OpenCaseField = 'unitCode' | 'jrwaSymbol' | 'matterType' | 'title' | 'startedOn' | 'form';

export interface OpenCaseDraft {
  unitCode: string;
  jrwaSymbol: string;
  matterType: string;
  title: string;
  startedOn: string;
}

const FIELDS: ReadonlySet<string> = new Set<OpenCaseField>(['unitCode', 'jrwaSymbol', 'matterType', 'title', 'startedOn']);

/**
 * Core refuses a case as a whole (path `case`), but each refusal is about one choice: the class
 * that is not an end class belongs beside the JRWA select, where the clerk fixes it.
 */
const REFUSAL_FIELDS: Readonly<Record<string, OpenCaseField>> = {
  'cases.notEndClass': 'jrwaSymbol',
  'cases.unknownClass': 'jrwaSymbol',
  'jrwa.noVersion': 'jrwaSymbol',
  'jrwa.badSymbol': 'jrwaSymbol',
  'cases.unknownUnit': 'unitCode',
};

/** The first message (an i18n key) for each field. */
export function issuesByField(issues: readonly Issue[]): Partial<Record<OpenCaseField, string>> {
  const byField: Partial<Record<OpenCaseField, string>> = {};
  for (const issue of issues) {
    const field = FIELDS.has(issue.path) ? (issue.path as OpenCaseField) : REFUSAL_FIELDS[issue.message] ?? 'form';
    byField[field] ??= issue.message;
  }
  return byField;
}

/**
 * The choices the clerk has not made yet, said plainly: the contract would only answer "1 to 4
 * digits" for a class never chosen, and has no Polish text for an empty matter type.
 */
export function missingChoices(draft: OpenCaseDraft): Issue[] {
  return [
    ...(draft.unitCode === '' ? [{ path: 'unitCode', message: 'caseScreens.open.chooseUnit' }] : []),
    ...(draft.jrwaSymbol === '' ? [{ path: 'jrwaSymbol', message: 'caseScreens.open.chooseJrwa' }] : []),
    ...(draft.matterType === '' ? [{ path: 'matterType', message: 'caseScreens.open.chooseMatter' }] : []),
  ];
}
