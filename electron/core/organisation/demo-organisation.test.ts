import { describe, expect, it } from 'vitest';
import { OrganisationData } from '../../../shared/organisation/organisation.ts';
import { demoOrganisation } from './demo-organisation.ts';

describe('the demo organisation', () => {
  it('is a valid organisation of a city hall and about seventy municipal units, each with a head', () => {
    const org = OrganisationData.parse(demoOrganisation());
    const municipal = org.units.filter((u) => u.kind === 'municipal_unit');
    expect(municipal.length).toBeGreaterThanOrEqual(65);
    expect(municipal.length).toBeLessThanOrEqual(75);
    expect(org.units.filter((u) => u.kind === 'department').map((u) => u.name)).toContain('Wydział Geodezji i Gospodarki Nieruchomościami');
    expect(municipal.map((u) => u.name)).toEqual(expect.arrayContaining(['Miejski Zarząd Dróg', 'Straż Miejska', 'Miejski Ośrodek Pomocy Rodzinie', 'Publiczna Szkoła Podstawowa nr 14']));
    for (const unit of org.units.filter((u) => u.kind !== 'office')) {
      expect(org.people.some((p) => p.unitCode === unit.code && p.roles.includes('unit_head')), unit.code).toBe(true);
    }
    expect(org.people.filter((p) => p.roles.includes('registry_clerk') && p.unitCode === 'BOM-KO')).toHaveLength(3);
    expect(org.people.some((p) => p.roles.includes('supervisor'))).toBe(true);
    expect(org.people.some((p) => p.roles.includes('admin'))).toBe(true);
    // Polish surnames agree with the person: no "Anna Kowalski".
    expect(org.people.filter((p) => /^(Anna|Ewa|Joanna) \S+ski$/u.test(p.displayName))).toEqual([]);
    expect(JSON.stringify(demoOrganisation())).toBe(JSON.stringify(demoOrganisation()));
  });

  it('is refused as a whole when a unit points at a parent that is not there', () => {
    const broken = demoOrganisation();
    const result = OrganisationData.safeParse({ ...broken, units: [...broken.units, { code: 'XX', name: 'Sierota', kind: 'section', parentCode: 'NIE' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('validation.unknownUnit');
  });
});
