import type { Database } from 'better-sqlite3';
import { OpenCaseInput, type OpenCase } from '../../../shared/cases.ts';
import { JrwaClassInput } from '../../../shared/organisation/jrwa.ts';
import { OrganisationData } from '../../../shared/organisation/organisation.ts';
import type { Actor } from '../db/repositories/cases.ts';
import { importJrwa } from '../db/repositories/jrwa.ts';
import { replaceOrganisation } from '../db/repositories/organisation.ts';
import { DEMO_JRWA } from '../organisation/demo-jrwa.ts';
import { demoOrganisation } from '../organisation/demo-organisation.ts';

/** The demo city's organisation and JRWA, as `npm start` loads them. */
export function withDemoCity(db: Database): void {
  replaceOrganisation(db, OrganisationData.parse(demoOrganisation()));
  importJrwa(db, { ownerCode: 'UM', name: 'Wykaz', validFrom: '2011-01-01', classes: DEMO_JRWA.map((c) => JrwaClassInput.parse(c)) }, '2026-01-01T00:00:00.000Z');
}

export const CLERK: Actor = { login: 'akowalska', name: 'Anna Kowalska', post: 'Inspektor' };

export function caseInput(overrides: Partial<OpenCase> = {}): OpenCase {
  return { ...OpenCaseInput.parse({ unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział nieruchomości przy ul. Ozimskiej 12', matterType: 'kpa_general', startedOn: '2026-11-20' }), ...overrides };
}
