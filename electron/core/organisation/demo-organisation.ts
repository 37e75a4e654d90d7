import type { OrganisationInput, Person, Unit } from '../../../shared/organisation/organisation.ts';
import type { Role } from '../../../shared/sync/protocol.ts';

/**
 * A made-up but realistic organisation of a city of about 130,000 people (the size of Opole):
 * the urząd miasta with its wydziały and biura, and about seventy municipal units named the way
 * such a city names them. Loaded by `npm start` on a fresh data folder so every screen has
 * something to show; a city imports its own. People's names are invented.
 */

const DEPARTMENTS: readonly (readonly [string, string, readonly (readonly [string, string])[]])[] = [
  ['BOM', 'Biuro Obsługi Mieszkańców', [['BOM-KO', 'Kancelaria Ogólna']]],
  ['OR', 'Wydział Organizacyjny', [['OR-K', 'Referat Kadr'], ['OR-A', 'Referat Administracyjny']]],
  ['BRM', 'Biuro Rady Miasta', []],
  ['FN', 'Wydział Finansowy', [['FN-B', 'Referat Budżetu'], ['FN-PD', 'Referat Podatków i Opłat Lokalnych']]],
  ['AB', 'Wydział Architektury i Budownictwa', []],
  ['UA', 'Wydział Urbanistyki', []],
  ['GN', 'Wydział Geodezji i Gospodarki Nieruchomościami', [['GN-I', 'Referat Gospodarki Nieruchomościami'], ['GN-II', 'Referat Geodezji i Kartografii']]],
  ['OŚ', 'Wydział Ochrony Środowiska i Rolnictwa', []],
  ['KT', 'Wydział Komunikacji i Transportu', [['KT-PJ', 'Referat Praw Jazdy'], ['KT-RP', 'Referat Rejestracji Pojazdów']]],
  ['SO', 'Wydział Spraw Obywatelskich', [['SO-E', 'Referat Ewidencji Ludności i Dowodów Osobistych']]],
  ['USC', 'Urząd Stanu Cywilnego', []],
  ['OŚW', 'Wydział Oświaty', []],
  ['ZSS', 'Wydział Zdrowia i Spraw Społecznych', []],
  ['KS', 'Wydział Kultury i Sportu', []],
  ['IM', 'Wydział Inwestycji Miejskich', []],
  ['ZK', 'Wydział Zarządzania Kryzysowego', []],
  ['BZP', 'Biuro Zamówień Publicznych', []],
  ['BP', 'Biuro Prawne', []],
  ['BK', 'Biuro Kontroli', []],
  ['BI', 'Biuro Informatyki', []],
  ['BPR', 'Biuro Promocji i Komunikacji Społecznej', []],
];

const MUNICIPAL_UNITS: readonly (readonly [string, string])[] = [
  ['MZD', 'Miejski Zarząd Dróg'],
  ['SM', 'Straż Miejska'],
  ['MOPR', 'Miejski Ośrodek Pomocy Rodzinie'],
  ['ZDK', 'Zarząd Domów Komunalnych'],
  ['ZZM', 'Zarząd Zieleni Miejskiej'],
  ['MZŻ', 'Miejski Zespół Żłobków'],
  ['MBP', 'Miejska Biblioteka Publiczna'],
  ['MOSIR', 'Miejski Ośrodek Sportu i Rekreacji'],
  ['CUW', 'Centrum Usług Wspólnych'],
  ['CIK', 'Centrum Interwencji Kryzysowej'],
  ['DPS1', 'Dom Pomocy Społecznej nr 1'],
  ['DPS2', 'Dom Pomocy Społecznej nr 2'],
  ['ŚDS', 'Środowiskowy Dom Samopomocy'],
  ['ZCK', 'Zarząd Cmentarzy Komunalnych'],
  ['SBZ', 'Schronisko dla Bezdomnych Zwierząt'],
  ['MCPR', 'Miejskie Centrum Profilaktyki i Rozwiązywania Problemów Alkoholowych'],
];
const SCHOOLS = [1, 2, 5, 7, 8, 9, 10, 11, 14, 15, 16, 20, 21, 24, 25, 26, 28, 29, 30, 31, 32];
const PRESCHOOLS = [1, 3, 4, 6, 10, 11, 13, 15, 16, 18, 19, 21, 24, 26, 27, 28, 32, 34, 41, 42, 51, 53];
const HIGH_SCHOOLS = ['I', 'II', 'III', 'V', 'VI'];
const VOCATIONAL = [1, 2, 3, 4, 5];

const FIRST_F = ['Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Joanna', 'Magdalena', 'Monika', 'Beata', 'Dorota', 'Elżbieta', 'Aleksandra', 'Justyna', 'Iwona', 'Grażyna'];
const FIRST_M = ['Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Jan', 'Grzegorz', 'Łukasz', 'Marek', 'Adam', 'Zbigniew', 'Dariusz', 'Wojciech', 'Rafał'];
// [masculine, feminine] forms: Polish surnames ending -ski/-cki agree with the person.
const SURNAMES: readonly (readonly [string, string])[] = [
  ['Nowak', 'Nowak'], ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], ['Wójcik', 'Wójcik'], ['Kowalczyk', 'Kowalczyk'],
  ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], ['Szymański', 'Szymańska'], ['Woźniak', 'Woźniak'],
  ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska'], ['Jankowski', 'Jankowska'], ['Mazur', 'Mazur'], ['Kwiatkowski', 'Kwiatkowska'],
  ['Krawczyk', 'Krawczyk'], ['Piotrowski', 'Piotrowska'], ['Grabowski', 'Grabowska'], ['Nowakowski', 'Nowakowska'], ['Pawłowski', 'Pawłowska'],
  ['Michalski', 'Michalska'], ['Nowicki', 'Nowicka'], ['Adamczyk', 'Adamczyk'], ['Dudek', 'Dudek'], ['Zając', 'Zając'], ['Wieczorek', 'Wieczorek'],
  ['Jabłoński', 'Jabłońska'], ['Król', 'Król'], ['Majewski', 'Majewska'], ['Olszewski', 'Olszewska'], ['Jaworski', 'Jaworska'], ['Stępień', 'Stępień'],
];

const ASCII: Readonly<Record<string, string>> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

/** Builds the demo organisation; deterministic, so the demo is the same on every machine. */
export function demoOrganisation(): OrganisationInput {
  const units: Unit[] = [{ code: 'UM', name: 'Urząd Miasta', kind: 'office', parentCode: null }];
  const people: (Omit<Person, 'roles'> & { roles: Role[] })[] = [];
  const logins = new Set<string>();
  let n = 0;
  const person = (unitCode: string, post: string, roles: Role[]): string => {
    const female = n % 2 === 0;
    const first = (female ? FIRST_F : FIRST_M)[(n * 7) % 16] ?? 'Jan';
    const surname = SURNAMES[(n * 11) % SURNAMES.length] ?? ['Nowak', 'Nowak'];
    n += 1;
    const last = female ? surname[1] : surname[0];
    const base = `${first.charAt(0)}${last}`.toLowerCase().replace(/[ąćęłńóśźż]/gu, (c) => ASCII[c] ?? c);
    let login = base;
    for (let i = 2; logins.has(login); i++) login = `${base}${String(i)}`;
    logins.add(login);
    people.push({ login, displayName: `${first} ${last}`, post, unitCode, roles });
    return login;
  };

  person('UM', 'Sekretarz Miasta', ['supervisor']);
  for (const [code, name, sections] of DEPARTMENTS) {
    units.push({ code, name, kind: 'department', parentCode: 'UM' });
    person(code, name.startsWith('Biuro') || name.startsWith('Urząd') ? 'Kierownik' : 'Naczelnik Wydziału', ['unit_head', 'clerk']);
    person(code, 'Inspektor', ['clerk']);
    person(code, 'Podinspektor', ['clerk']);
    for (const [sectionCode, sectionName] of sections) {
      units.push({ code: sectionCode, name: sectionName, kind: 'section', parentCode: code });
      if (sectionCode === 'BOM-KO') {
        person(sectionCode, 'Kierownik Kancelarii', ['registry_clerk', 'unit_head']);
        person(sectionCode, 'Referent', ['registry_clerk']);
        person(sectionCode, 'Referent', ['registry_clerk']);
      } else {
        person(sectionCode, 'Kierownik Referatu', ['unit_head', 'clerk']);
        person(sectionCode, 'Główny specjalista', ['clerk']);
      }
    }
  }
  person('BI', 'Administrator systemów', ['admin']);

  const municipal = (code: string, name: string, head: string): void => {
    units.push({ code, name, kind: 'municipal_unit', parentCode: null });
    person(code, head, ['unit_head', 'clerk']);
    person(code, 'Sekretarka', ['registry_clerk']);
    person(code, 'Specjalista', ['clerk']);
  };
  for (const [code, name] of MUNICIPAL_UNITS) municipal(code, name, code === 'SM' ? 'Komendant Straży Miejskiej' : 'Dyrektor');
  for (const no of SCHOOLS) municipal(`PSP${String(no)}`, `Publiczna Szkoła Podstawowa nr ${String(no)}`, 'Dyrektor Szkoły');
  for (const no of PRESCHOOLS) municipal(`PP${String(no)}`, `Publiczne Przedszkole nr ${String(no)}`, 'Dyrektor Przedszkola');
  HIGH_SCHOOLS.forEach((roman, i) => municipal(`PLO${String(i + 1)}`, `${roman} Liceum Ogólnokształcące`, 'Dyrektor Szkoły'));
  for (const no of VOCATIONAL) municipal(`ZS${String(no)}`, `Zespół Szkół nr ${String(no)}`, 'Dyrektor Szkoły');
  units.push(
    { code: 'MZD-DI', name: 'Dział Inwestycji', kind: 'section', parentCode: 'MZD' },
    { code: 'MZD-DU', name: 'Dział Utrzymania Dróg', kind: 'section', parentCode: 'MZD' },
    { code: 'MOPR-DŚ', name: 'Dział Świadczeń', kind: 'section', parentCode: 'MOPR' },
  );
  person('MZD-DI', 'Kierownik Działu', ['unit_head', 'clerk']);
  person('MZD-DI', 'Inspektor', ['clerk']);
  person('MZD-DU', 'Kierownik Działu', ['unit_head', 'clerk']);
  person('MOPR-DŚ', 'Kierownik Działu', ['unit_head', 'clerk']);

  return {
    units,
    people,
    desks: [
      { code: 'KO', name: 'Kancelaria ogólna Urzędu Miasta', unitCode: 'BOM-KO' },
      { code: 'MZD', name: 'Sekretariat MZD', unitCode: 'MZD' },
      { code: 'MOPR', name: 'Kancelaria MOPR', unitCode: 'MOPR' },
      { code: 'SM', name: 'Dyżurny Straży Miejskiej', unitCode: 'SM' },
    ],
    substitutions: [],
  };
}
