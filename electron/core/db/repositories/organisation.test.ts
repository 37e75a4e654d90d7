import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrganisationData, type OrganisationInput } from '../../../../shared/organisation/organisation.ts';
import { demoOrganisation } from '../../organisation/demo-organisation.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { getPerson, listPeople, listUnits, organisationSize, replaceOrganisation, substitutingFor } from './organisation.ts';

const tempDir = useTempDirs();

const small: OrganisationInput = {
  units: [
    { code: 'UM', name: 'Urząd Miasta', kind: 'office' },
    { code: 'GN', name: 'Wydział Geodezji', kind: 'department', parentCode: 'UM' },
    { code: 'GN-I', name: 'Referat Gospodarki Nieruchomościami', kind: 'section', parentCode: 'GN' },
    { code: 'MZD', name: 'Miejski Zarząd Dróg', kind: 'municipal_unit' },
  ],
  people: [
    { login: 'jnowak', displayName: 'Jan Nowak', post: 'Naczelnik Wydziału', unitCode: 'GN', roles: ['unit_head', 'clerk'] },
    { login: 'akowalska', displayName: 'Anna Kowalska', post: 'Inspektor', unitCode: 'GN-I', roles: ['clerk'] },
    { login: 'pwozniak', displayName: 'Piotr Woźniak', post: 'Dyrektor', unitCode: 'MZD', roles: ['unit_head'] },
  ],
  substitutions: [{ absentLogin: 'jnowak', substituteLogin: 'akowalska', from: '2026-12-01', to: '2026-12-14' }],
};

describe('the organisation in the workstation database', () => {
  it('lists units as a tree, people of a unit with its sections, and zastępstwa by date', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    replaceOrganisation(db, OrganisationData.parse(small));
    expect(listUnits(db).map((u) => `${'  '.repeat(u.depth)}${u.code}`)).toEqual(['UM', '  GN', '    GN-I', 'MZD']);
    expect(listPeople(db, { unitCode: 'GN', role: null }).map((p) => p.login)).toEqual(['akowalska', 'jnowak']);
    expect(listPeople(db, { unitCode: null, role: 'unit_head' }).map((p) => p.login)).toEqual(['jnowak', 'pwozniak']);
    expect(getPerson(db, 'JNowak')).toMatchObject({ post: 'Naczelnik Wydziału', roles: ['clerk', 'unit_head'] });
    expect(substitutingFor(db, 'akowalska', '2026-12-01')).toEqual(['jnowak']);
    expect(substitutingFor(db, 'akowalska', '2026-12-15')).toEqual([]);
  });

  it('re-imports by marking what is gone inactive, never deleting it', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    replaceOrganisation(db, OrganisationData.parse(small));
    replaceOrganisation(db, OrganisationData.parse({ ...small, units: small.units.slice(0, 2), people: (small.people ?? []).slice(0, 1), substitutions: [] }));
    expect(listUnits(db).map((u) => u.code)).toEqual(['UM', 'GN']);
    expect(organisationSize(db)).toEqual({ units: 2, people: 1 });
    expect(getPerson(db, 'akowalska')).toMatchObject({ active: false, post: 'Inspektor' });
  });

  it('loads the demo city in one transaction', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const counts = replaceOrganisation(db, OrganisationData.parse(demoOrganisation()));
    expect(organisationSize(db)).toEqual({ units: counts.units, people: counts.people });
    expect(listUnits(db)[0]).toMatchObject({ code: 'UM', depth: 0 });
  });
});
