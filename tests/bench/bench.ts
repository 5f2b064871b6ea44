/**
 * The benchmark harness: each scenario runs after a warm-up, several times, and reports a
 * median per metric against its target. Ratios are measured side by side in one run.
 */
export type Comparator = '<' | '<=' | '>=' | '>';

export interface MetricResult {
  name: string;
  unit: string;
  target: string;
  median?: number;
  ok?: boolean;
  samples?: number[];
  skipped?: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export function verdict(
  name: string,
  unit: string,
  cmp: Comparator,
  target: number,
  samples: number[],
): MetricResult {
  const m = median(samples);
  const ok =
    cmp === '<' ? m < target : cmp === '<=' ? m <= target : cmp === '>=' ? m >= target : m > target;
  return {
    name,
    unit,
    target: `${cmp}${target}`,
    median: round(m),
    ok,
    samples: samples.map(round),
  };
}

export const skipped = (name: string, reason: string): MetricResult => ({
  name,
  unit: '',
  target: '',
  skipped: reason,
});

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns what each run reported. */
export async function repeat<T>(
  runs: number,
  warmup: number,
  fn: (i: number) => Promise<T>,
): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

export function formatLine(r: MetricResult): string {
  if (r.skipped) return `BENCH ${r.name} skipped reason=${JSON.stringify(r.skipped)}`;
  return `BENCH ${r.name} median=${r.median} unit=${r.unit} target=${r.target.replace(/^[<>]=?/, '')} ok=${r.ok}`;
}

export interface Scenario {
  name: string;
  run(): Promise<MetricResult[]>;
}
