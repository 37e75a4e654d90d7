import { addDays, caseDeadline, type CaseDeadlineInput, type Extension, MATTER_TYPES, type Pause } from '../../shared/deadlines/index.ts';
import { round, sample, type Figure } from './figures.ts';

const CASES = 1_000_000;
const RUNS = 3;

/**
 * Deadline engine: due dates (original and current, § 4 roll included) of a million cases, the
 * size of a supervisor's report over several years of a city's register. Start dates spread over
 * 2024–2027, every matter type, about a quarter with pauses (some open), a tenth with art. 36
 * notices. Building the inputs is not timed; one warm-up pass runs before the timed runs.
 */
export async function benchDeadlines(): Promise<Figure[]> {
  const cases = buildCases(CASES);
  computeAll(cases.slice(0, 20_000));

  let dated = 0;
  const samples = await sample(RUNS, () => {
    dated = computeAll(cases);
  });
  // Guards against measuring nothing: most cases have a date (not "niezwłocznie", not paused).
  if (dated < CASES / 2) throw new Error(`deadline bench: only ${dated} of ${CASES} cases got a due date`);

  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  return [{ name: 'deadlines.due_dates_1m_cases', unit: 'ms', value: round(mean), runs: RUNS, target: 2000 }];
}

function computeAll(cases: readonly CaseDeadlineInput[]): number {
  let dated = 0;
  for (const input of cases) if (caseDeadline(input).current !== null) dated++;
  return dated;
}

function buildCases(count: number): CaseDeadlineInput[] {
  const random = lcg(20240101);
  const days: string[] = [];
  for (let day = '2024-01-01'; day < '2028-01-01'; day = addDays(day, 1)) days.push(day);
  const pick = (length: number): number => Math.floor(random() * length);

  const cases: CaseDeadlineInput[] = [];
  for (let i = 0; i < count; i++) {
    const startedOn = days[pick(days.length)] ?? '2024-01-01';
    const matterType = MATTER_TYPES[i % MATTER_TYPES.length] ?? MATTER_TYPES[0];
    const roll = random();
    const pauses: Pause[] = [];
    if (roll < 0.25) {
      const from = addDays(startedOn, 1 + pick(20));
      pauses.push({ from, to: roll < 0.03 ? null : addDays(from, 7 + pick(14)), reason: 'uzupełnienie dokumentów' });
      // Some cases also wait for an opinion that overlaps the first pause.
      if (roll > 0.2) pauses.push({ from: addDays(from, 3), to: addDays(from, 30), reason: 'opinia' });
    }
    const extensions: Extension[] = [];
    if (random() < 0.1) {
      extensions.push({ noticeOn: addDays(startedOn, 25), newDate: addDays(startedOn, 60 + pick(30)), reason: 'opinia biegłego' });
      if (random() < 0.3) extensions.push({ noticeOn: addDays(startedOn, 80), newDate: addDays(startedOn, 110 + pick(30)), reason: 'oględziny' });
    }
    // Like rows from the database: cases without pauses or notices carry none.
    cases.push({ startedOn, matterType, ...(pauses.length > 0 ? { pauses } : {}), ...(extensions.length > 0 ? { extensions } : {}) });
  }
  return cases;
}

/** A fixed-seed generator, so every run times the same cases. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
