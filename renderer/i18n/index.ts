import { createI18n } from 'vue-i18n';
import type { UiLanguage } from '../../shared/settings.ts';
import { en } from './en.ts';
import { pl } from './pl.ts';

const dateTimeFormat = {
  long: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const;

export function createAppI18n(locale: UiLanguage = 'pl') {
  return createI18n({
    // Composition API mode; the flag goes away in vue-i18n 12, where this is the only mode.
    legacy: false,
    locale,
    fallbackLocale: 'pl',
    messages: { pl, en },
    datetimeFormats: { pl: dateTimeFormat, en: dateTimeFormat },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
