/**
 * The benchmark harness: each scenario runs after a warm-up, several times, and reports
 * per metric the median of its samples, their spread (min and max) and the verdict against
 * the metric's target in metrics.ts. Ratios are measured side by side in one run.
 */
import {
  METRIC_NAMES,
  specOf,
  targetText,
  type MetricName,
  type MetricSpec,
  type ScenarioName,
} from './metrics';

export interface MetricResult {
  name: MetricName;
  unit: string;
  target: string;
  median?: number;
  min?: number;
  max?: number;
  ok?: boolean;
  samples?: number[];
  skipped?: string;
  /** The feature is not built yet: why there is no figure. */
  pending?: string;
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

/** Whether `value` meets the spec's target. */
export function meets(spec: MetricSpec, value: number): boolean {
  const { cmp, target } = spec;
  return cmp === '<'
    ? value < target
    : cmp === '<='
      ? value <= target
      : cmp === '>='
        ? value >= target
        : value > target;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function verdict(name: MetricName, samples: number[]): MetricResult {
  if (samples.length === 0) throw new Error(`${name}: no samples`);
  const spec = specOf(name);
  const m = median(samples);
  return {
    name,
    unit: spec.unit,
    target: targetText(spec),
    median: round(m),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    ok: meets(spec, m),
    samples: samples.map(round),
  };
}

export const skipped = (name: MetricName, reason: string): MetricResult => ({
  name,
  unit: specOf(name).unit,
  target: targetText(specOf(name)),
  skipped: reason,
});

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
  const target = r.target.replace(/^[<>]=?/, '');
  if (r.pending)
    return `BENCH ${r.name} pending target=${target} reason=${JSON.stringify(r.pending)}`;
  if (r.skipped) return `BENCH ${r.name} skipped reason=${JSON.stringify(r.skipped)}`;
  return `BENCH ${r.name} median=${r.median} min=${r.min} max=${r.max} unit=${r.unit} target=${target} ok=${r.ok}`;
}

export interface Scenario {
  name: ScenarioName;
  /** Measures the built renderer in Chromium: `npm run bench` builds it first if needed. */
  needsRenderer?: boolean;
  run(): Promise<MetricResult[]>;
}

/**
 * One result per metric of the scenarios that ran, in the table's order: what each
 * reported, else skipped and why (its scenario failed, or it did not report the metric).
 * With `withPending` (a full run), the metrics whose feature is not built say so.
 */
export function completeResults(
  ran: ReadonlyMap<ScenarioName, MetricResult[] | { failed: string }>,
  withPending: boolean,
): MetricResult[] {
  const out: MetricResult[] = [];
  for (const name of METRIC_NAMES) {
    const spec = specOf(name);
    const { scenario } = spec;
    if (typeof scenario !== 'string') {
      if (withPending)
        out.push({
          name,
          unit: spec.unit,
          target: targetText(spec),
          pending: `feature not built (#${scenario.issue}: ${scenario.what})`,
        });
      continue;
    }
    const reported = ran.get(scenario);
    if (!reported) continue;
    if (!Array.isArray(reported)) {
      out.push(skipped(name, `scenario ${scenario} failed: ${reported.failed}`));
      continue;
    }
    const mine = reported.filter((r) => r.name === name);
    if (mine.length > 1) throw new Error(`${scenario} reported ${name} twice`);
    out.push(mine[0] ?? skipped(name, `scenario ${scenario} did not report it`));
  }
  for (const [scenario, reported] of ran)
    if (Array.isArray(reported))
      for (const r of reported)
        if (specOf(r.name).scenario !== scenario)
          throw new Error(`${scenario} reported ${r.name}, which metrics.ts gives to another`);
  return out;
}
