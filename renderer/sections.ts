/** The frame's sections, in menu order; Alt+1…Alt+6 jump to them. */
export const sections = [
  { key: 'kancelaria', path: '/kancelaria', built: true },
  { key: 'dekretacja', path: '/dekretacja', built: true },
  { key: 'mojeSprawy', path: '/moje-sprawy', built: true },
  { key: 'odpowiedzi', path: '/odpowiedzi', built: true },
  { key: 'raporty', path: '/raporty', built: true },
  { key: 'ustawienia', path: '/ustawienia', built: true },
] as const;

export type SectionKey = (typeof sections)[number]['key'];
