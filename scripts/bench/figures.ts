import { performance } from 'node:perf_hooks';

export interface Figure {
  readonly name: string;
  readonly unit: 'ms' | 'rows/s' | 'req/s' | 'pages/s';
  readonly value: number;
  readonly runs: number;
  /** The target the issue sets, when there is one: the figure must be at or under it… */
  readonly target?: number;
  /** …or at or above it, for throughputs. */
  readonly higherIsBetter?: boolean;
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)] ?? Number.NaN;
}

/** Runs `action` `runs` times and returns each duration in ms. */
export async function sample(runs: number, action: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await action(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function missedTarget(figure: Figure): boolean {
  if (figure.target === undefined) return false;
  return figure.higherIsBetter === true ? figure.value < figure.target : figure.value > figure.target;
}
