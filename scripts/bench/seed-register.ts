import type { Database } from 'better-sqlite3';
import { formatRpwNumber } from '../../shared/registry.ts';

/**
 * Fills a register with `count` plausible letters, fast: one transaction, the real table and
 * its FTS triggers, Polish vocabulary with diacritics. Deterministic (seeded), so runs compare.
 */
const FIRST = ['Jan', 'Anna', 'Piotr', 'Katarzyna', 'Paweł', 'Małgorzata', 'Tomasz', 'Agnieszka', 'Łukasz', 'Zofia', 'Michał', 'Ewa', 'Krzysztof', 'Magdalena', 'Józef', 'Barbara'];
const LAST = ['Kowalski', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowska', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski', 'Kozłowska', 'Jankowski', 'Mazur', 'Krawczyk', 'Piotrowski', 'Grabowska', 'Pawłowski', 'Michalska', 'Król', 'Żak', 'Łęcki', 'Głowacki', 'Sikora'];
const CITY = ['Łódź', 'Kraków', 'Wrocław', 'Poznań', 'Gdańsk', 'Szczecin', 'Białystok', 'Częstochowa', 'Radom', 'Toruń', 'Kielce', 'Rzeszów', 'Olsztyn', 'Zielona Góra', 'Opole', 'Gorzów Wielkopolski'];
const KIND = ['Wniosek', 'Skarga', 'Pismo', 'Odwołanie', 'Zapytanie', 'Petycja', 'Informacja', 'Zawiadomienie', 'Prośba', 'Zażalenie'];
const TOPIC = ['o wydanie zaświadczenia', 'w sprawie hałasu z budowy', 'dotyczące podatku od nieruchomości', 'o udostępnienie informacji publicznej',
  'w sprawie wycinki drzew', 'o zmianę miejscowego planu', 'dotyczące dziury w jezdni', 'o przydział lokalu komunalnego', 'w sprawie oświetlenia ulicy',
  'o zwrot opłaty', 'dotyczące parkowania na chodniku', 'w sprawie odbioru odpadów', 'o zezwolenie na zajęcie pasa drogowego', 'dotyczące dodatku mieszkaniowego',
  'w sprawie pomocy społecznej', 'o wpis do ewidencji', 'dotyczące remontu szkoły', 'w sprawie straży miejskiej', 'o dofinansowanie wymiany pieca', 'dotyczące zieleni miejskiej'];
const STREET = ['Piotrkowska', 'Długa', 'Łąkowa', 'Żółkiewskiego', 'Mickiewicza', 'Słowackiego', 'Kościuszki', 'Sienkiewicza', 'Źródlana', 'Ogrodowa'];
const CHANNELS = ['post', 'post', 'post', 'in_person', 'in_person', 'email', 'epuap', 'e_delivery', 'courier', 'fax'];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function seedRegister(db: Database, count: number, deskCode = 'KO', year = 2026): void {
  const random = prng(20261122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  db.prepare('INSERT OR IGNORE INTO desks (code, name, created_at) VALUES (?, ?, ?)').run(deskCode, deskCode, '2026-01-01T00:00:00.000Z');
  const insert = db.prepare(
    `INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, received_at, received_on, channel,
       sender_name, sender_address, sender_reference, letter_date, subject, attachments_count, personal_delivery,
       access_level, status, registered_at, registered_by, tracking_code, tracking_pin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'public', 'registered', ?, 'seed', ?, '000000')`,
  );
  const start = Date.UTC(year, 0, 2, 7);
  const step = (Date.UTC(year, 11, 30) - start) / count;
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const at = new Date(start + i * step).toISOString();
      insert.run(
        `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
        formatRpwNumber(deskCode, i, year), deskCode, year, i, at, at.slice(0, 10), pick(CHANNELS),
        `${pick(FIRST)} ${pick(LAST)}`, `ul. ${pick(STREET)} ${String(1 + Math.floor(random() * 120))}, ${pick(CITY)}`,
        random() < 0.3 ? null : `${pick(['SO', 'WA', 'ZD', 'OR'])}.${String(Math.floor(random() * 9000) + 100)}.${String(year)}`,
        random() < 0.2 ? null : at.slice(0, 10), `${pick(KIND)} ${pick(TOPIC)}`, Math.floor(random() * 4), at, `SEED-${i.toString(36).toUpperCase()}`,
      );
    }
    db.prepare("INSERT INTO rpw_blocks (desk_code, year, first_no, last_no, next_no, origin) VALUES (?, ?, 1, NULL, ?, 'local')").run(deskCode, year, count + 1);
  })();
}
