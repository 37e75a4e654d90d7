const MONTHS_GENITIVE = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'] as const;

/** `2026-11-22` → `22 listopada 2026 r.`, as Polish official letters write dates. */
export function polishLongDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  const month = match ? MONTHS_GENITIVE[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) throw new Error(`Not an ISO date: ${isoDate}`);
  return `${String(Number(match[3]))} ${month} ${match[1] ?? ''} r.`;
}

/** The place-and-date line at the top right of a letter: `Opole, 22 listopada 2026 r.` */
export function placeAndDateLine(place: string, isoDate: string): string {
  return `${place.trim()}, ${polishLongDate(isoDate)}`;
}
