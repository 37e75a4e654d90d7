import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JrwaClassInput } from '../../../../shared/organisation/jrwa.ts';
import { OrganisationData } from '../../../../shared/organisation/organisation.ts';
import { DEMO_JRWA } from '../../organisation/demo-jrwa.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { addLocalJrwaClass, importJrwa, jrwaClasses } from './jrwa.ts';
import { replaceOrganisation } from './organisation.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';

function dbWithOffice() {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  replaceOrganisation(db, OrganisationData.parse({ units: [{ code: 'UM', name: 'Urząd Miasta', kind: 'office' }, { code: 'MZD', name: 'Miejski Zarząd Dróg', kind: 'municipal_unit' }] }));
  return db;
}

describe('JRWA versions per owning unit', () => {
  it('opens cases only in end classes that carry an archival category', () => {
    const db = dbWithOffice();
    expect(importJrwa(db, { ownerCode: 'UM', name: 'Wykaz 2011', validFrom: '2011-01-01', classes: DEMO_JRWA.map((c) => JrwaClassInput.parse(c)) }, AT)).toMatchObject({ versionId: 1 });
    const classes = jrwaClasses(db, 'UM', '2026-11-20');
    const bySymbol = new Map(classes.map((c) => [c.symbol, c]));
    expect(bySymbol.get('0002')).toMatchObject({ takesCases: true, category: 'A', parentSymbol: '000' });
    expect(bySymbol.get('000')).toMatchObject({ takesCases: false });
    expect(bySymbol.get('723')).toMatchObject({ takesCases: false });
    expect(jrwaClasses(db, 'MZD', '2026-11-20')).toEqual([]); // the unit has its own list, not the urząd's
  });

  it('uses the version in force on the date, and keeps the old one', () => {
    const db = dbWithOffice();
    const v1 = [{ symbol: '0', heading: 'Zarządzanie' }, { symbol: '00', heading: 'Organy', category: 'A' }].map((c) => JrwaClassInput.parse(c));
    const v2 = [{ symbol: '0', heading: 'Zarządzanie' }, { symbol: '00', heading: 'Organy gminy' }, { symbol: '000', heading: 'Rada', category: 'A' }].map((c) => JrwaClassInput.parse(c));
    importJrwa(db, { ownerCode: 'MZD', name: 'Wykaz MZD 2020', validFrom: '2020-01-01', classes: v1 }, AT);
    importJrwa(db, { ownerCode: 'MZD', name: 'Wykaz MZD 2027', validFrom: '2027-01-01', classes: v2 }, AT);
    expect(jrwaClasses(db, 'MZD', '2026-12-31').map((c) => c.symbol)).toEqual(['0', '00']);
    expect(jrwaClasses(db, 'MZD', '2027-01-01').map((c) => c.symbol)).toEqual(['0', '00', '000']);
    expect(jrwaClasses(db, 'MZD', '2019-12-31')).toEqual([]);
  });

  it('refuses a list that does not hold together, and adds local classes only under existing ones', () => {
    const db = dbWithOffice();
    const broken = [{ symbol: '0', heading: 'Zarządzanie' }, { symbol: '0002', heading: 'Sesje', category: 'A' }].map((c) => JrwaClassInput.parse(c));
    expect(importJrwa(db, { ownerCode: 'UM', name: 'x', validFrom: '2011-01-01', classes: broken }, AT)).toEqual({ problems: [{ line: 2, message: 'jrwa.missingParent' }] });
    expect(importJrwa(db, { ownerCode: 'NIE', name: 'x', validFrom: '2011-01-01', classes: DEMO_JRWA.map((c) => JrwaClassInput.parse(c)) }, AT)).toEqual({ problems: [{ line: 0, message: 'jrwa.unknownOwner' }] });
    importJrwa(db, { ownerCode: 'UM', name: 'Wykaz', validFrom: '2011-01-01', classes: DEMO_JRWA.map((c) => JrwaClassInput.parse(c)) }, AT);
    const local = JrwaClassInput.parse({ symbol: '7231', heading: 'Zimowe utrzymanie dróg', category: 'B5' });
    expect(addLocalJrwaClass(db, 'UM', '2026-11-20', local)).toEqual({ ok: true });
    expect(addLocalJrwaClass(db, 'UM', '2026-11-20', local)).toEqual({ problem: 'jrwa.duplicateSymbol' });
    expect(addLocalJrwaClass(db, 'UM', '2026-11-20', JrwaClassInput.parse({ symbol: '8881', heading: 'x', category: 'A' }))).toEqual({ problem: 'jrwa.missingParent' });
    expect(jrwaClasses(db, 'UM', '2026-11-20').find((c) => c.symbol === '7231')).toMatchObject({ localAddition: true, takesCases: true });
  });
});
