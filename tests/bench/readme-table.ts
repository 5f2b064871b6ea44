/**
 * The README's benchmark table from the last full runs: per metric the latest run's median,
 * the spread of its samples (min-max), the medians of the last runs, the target and the
 * verdict. A metric whose medians across runs spread wider than the latest median's margin
 * to the target is "within noise": another run could give the other verdict.
 */
import { meets } from './bench';
import type { RunRecord } from './history';
import { isPending, METRIC_NAMES, specOf, targetText, type MetricName } from './metrics';

const fmt = (x: number) => String(Number(x.toPrecision(4)));

export interface NoiseVerdict {
  medians: number[];
  /** The medians across runs spread wider than the latest one's margin to the target. */
  withinNoise: boolean;
}

export function noiseOf(name: MetricName, runs: readonly RunRecord[]): NoiseVerdict | undefined {
  const medians = runs
    .map((run) => run.results.find((r) => r.name === name)?.median)
    .filter((m): m is number => m !== undefined);
  const latest = medians.at(-1);
  if (latest === undefined) return undefined;
  const spread = Math.max(...medians) - Math.min(...medians);
  const margin = Math.abs(latest - specOf(name).target);
  return { medians, withinNoise: medians.length > 1 && spread > margin };
}

function row(name: MetricName, runs: readonly RunRecord[]): string {
  const spec = specOf(name);
  const target = targetText(spec);
  if (isPending(spec))
    return `| ${name} | pending: feature not built (#${spec.scenario.issue}) | | | ${target} | pending |`;
  const latest = runs.at(-1)?.results.find((r) => r.name === name);
  if (!latest) return `| ${name} | not measured yet | | | ${target} | |`;
  if (latest.skipped || latest.median === undefined)
    return `| ${name} | skipped: ${latest.skipped ?? 'no figure'} | | | ${target} | |`;
  const noise = noiseOf(name, runs)!;
  const across =
    noise.medians.length > 1
      ? `${fmt(Math.min(...noise.medians))}–${fmt(Math.max(...noise.medians))} (${noise.medians.length} runs)`
      : '1 run';
  const ok = meets(spec, latest.median) ? 'yes' : '**no**';
  const spread =
    latest.min !== undefined && latest.max !== undefined
      ? `${fmt(latest.min)}–${fmt(latest.max)}`
      : '';
  const cells = [
    name,
    `${fmt(latest.median)} ${spec.unit}`,
    spread,
    across,
    target,
    noise.withinNoise ? `${ok}, within noise` : ok,
  ];
  return `| ${cells.join(' | ')} |`;
}

export function benchTable(runs: readonly RunRecord[]): string {
  const last = runs.at(-1);
  if (!last) throw new Error('no full bench run yet: run the whole `npm run bench` first');
  const m = last.machine;
  return [
    '| metric | median | min–max | medians across runs | target | ok |',
    '|---|---|---|---|---|---|',
    ...METRIC_NAMES.map((name) => row(name, runs)),
    '',
    `Measured ${last.at.slice(0, 10)} on ${m.cpuModel?.trim() ?? 'an unknown CPU'}, ${m.cpus} cores, ` +
      `${m.memGiB} GiB, Node ${m.node} (${m.platform}); the whole suite took ${Math.round(last.seconds)} s` +
      (last.load
        ? `, load average ${last.load.start.toFixed(1)} as it started and ${last.load.end.toFixed(1)} as it ended. `
        : '. ') +
      `Median and min–max: the latest full run; medians across runs: ` +
      (runs.length === 1 ? 'one full run so far' : `the last ${runs.length} full runs`) +
      ` on this machine (${runs.map((r) => r.at.slice(0, 16).replace('T', ' ')).join(', ')}).`,
  ].join('\n');
}
