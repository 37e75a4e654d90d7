import type { TemplateInput } from '../../../shared/replies/templates.ts';

/**
 * Letter templates the demo city starts with, for the whole urząd: an answer to a letter and the
 * art. 36 KPA notice. Admins copy and adapt them per unit.
 */
export const DEMO_TEMPLATES: readonly Omit<TemplateInput, 'id'>[] = [
  {
    unitCode: 'UM',
    name: 'Odpowiedź na pismo',
    place: 'Opole',
    letterhead: 'Prezydent Miasta Opola\n{{komorka}}\nRynek-Ratusz, 45-015 Opole',
    body: [
      'Szanowni Państwo,',
      '',
      'w odpowiedzi na pismo z dnia {{data_pisma}} (znak: {{znak_pisma}}), które wpłynęło do Urzędu Miasta Opola {{data_wplywu}} i zostało zarejestrowane pod numerem {{numer_rpw}}, w sprawie **{{tytul_sprawy}}** uprzejmie informuję, że …',
      '',
      'Sprawę prowadzi {{prowadzacy}}, {{stanowisko_prowadzacego}}.',
      '',
      'Z poważaniem',
    ].join('\n'),
    signature: 'z up. Prezydenta Miasta Opola\n{{podpisujacy}}\n{{stanowisko_podpisujacego}}',
  },
  {
    unitCode: 'UM',
    name: 'Zawiadomienie o niezałatwieniu sprawy w terminie (art. 36 KPA)',
    place: 'Opole',
    letterhead: 'Prezydent Miasta Opola\n{{komorka}}\nRynek-Ratusz, 45-015 Opole',
    body: [
      'Zawiadomienie',
      '',
      'Na podstawie art. 36 § 1 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego zawiadamiam, że sprawa **{{tytul_sprawy}}** nie zostanie załatwiona w terminie, ponieważ …',
      '',
      'Nowy termin załatwienia sprawy: **{{termin_zalatwienia}}**.',
      '',
      'Pouczenie: stronie przysługuje prawo do wniesienia ponaglenia (art. 37 KPA).',
    ].join('\n'),
    signature: 'z up. Prezydenta Miasta Opola\n{{podpisujacy}}\n{{stanowisko_podpisujacego}}',
  },
];
