import { createI18n } from 'vue-i18n';
import type { UiLanguage } from '../../shared/settings.ts';
import { en } from './en.ts';
import { pl } from './pl.ts';

const dateTimeFormat = {
  long: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const;

/**
 * Plural forms for "No entries | {n} entry-one | {n} entries-few | {n} entries-many". Polish
 * needs three forms besides zero (1 pozycja, 2 pozycje, 5 pozycji, 22 pozycje, 25 pozycji),
 * which Intl.PluralRules knows.
 */
function pluralIndex(locale: UiLanguage) {
  const rules = new Intl.PluralRules(locale);
  return (choice: number, choicesLength: number): number => {
    if (choice === 0 || choicesLength < 4) return Math.min(choice, choicesLength - 1);
    const category = rules.select(choice);
    if (category === 'one') return 1;
    if (category === 'few') return 2;
    return 3;
  };
}

export function createAppI18n(locale: UiLanguage = 'pl') {
  return createI18n({
    // Composition API mode; the flag goes away in vue-i18n 12, where this is the only mode.
    legacy: false,
    locale,
    fallbackLocale: 'pl',
    messages: { pl, en },
    pluralRules: { pl: pluralIndex('pl'), en: pluralIndex('en') },
    datetimeFormats: { pl: dateTimeFormat, en: dateTimeFormat },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
