import { z } from 'zod';

/**
 * The placeholders a letter template may use, written `{{nazwa}}`. Their names are Polish because
 * the city's admins write templates; each is filled from the case, the letter it answers, the
 * people involved and the day the reply is drafted.
 */
export const PLACEHOLDERS = {
  adresat: 'imię i nazwisko albo nazwa adresata',
  adres_adresata: 'adres adresata',
  znak_sprawy: 'znak sprawy',
  tytul_sprawy: 'tytuł sprawy',
  termin_zalatwienia: 'termin załatwienia sprawy',
  data: 'data pisma (dzisiejsza)',
  miejscowosc: 'miejscowość urzędu',
  numer_rpw: 'numer RPW pisma, na które odpowiadamy',
  data_wplywu: 'data wpływu pisma, na które odpowiadamy',
  data_pisma: 'data pisma, na które odpowiadamy',
  znak_pisma: 'znak pisma nadawcy',
  prowadzacy: 'osoba prowadząca sprawę',
  stanowisko_prowadzacego: 'stanowisko osoby prowadzącej',
  podpisujacy: 'osoba podpisująca',
  stanowisko_podpisujacego: 'stanowisko osoby podpisującej',
  komorka: 'nazwa komórki prowadzącej sprawę',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

// Object.keys loses the literal types; PLACEHOLDERS is the one list, so the cast only restores them.
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as [PlaceholderName, ...PlaceholderName[]];
export const PlaceholderNameSchema = z.enum(PLACEHOLDER_NAMES);

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** The values a letter is filled with; a placeholder without one is reported, never printed blank. */
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;
