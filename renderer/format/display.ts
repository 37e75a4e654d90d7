/** Polish date formats for lists and details (the UI language decides, pl-PL by default). */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'long' }).format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

/** `10:42`: when something happens later today (the next sync attempt). */
export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** `18.11.2026`: for tables with many date columns (the spis spraw), where long dates wrap. */
export function formatShortDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short' }).format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

/** `lis 2026` from `2026-11`: a month on a chart's axis. */
export function formatMonth(isoMonth: string, locale: string): string {
  const [y, m] = isoMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { month: 'short', year: 'numeric' }).format(new Date(y ?? 0, (m ?? 1) - 1, 1));
}
