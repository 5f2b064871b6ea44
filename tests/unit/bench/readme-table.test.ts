import { describe, expect, it } from 'vitest';
import { verdict, type MetricResult } from '../../../tests/bench/bench';
import { withRun, type Machine, type RunRecord } from '../../../tests/bench/history';
import { benchTable } from '../../../tests/bench/readme-table';
import { whilePending } from './while-pending';

const machine: Machine = {
  cpus: 2,
  cpuModel: 'AMD EPYC',
  memGiB: 24,
  node: 'v20',
  platform: 'linux',
};
const run = (at: string, results: MetricResult[], on: Machine = machine): RunRecord => ({
  at,
  seconds: 100,
  machine: on,
  results,
});
const rowOf = (table: string, name: string) =>
  table.split('\n').find((l) => l.startsWith(`| ${name} |`));

describe('benchTable', () => {
  it('shows per metric the median, the spread of its samples, the medians across runs and the target', () => {
    const runs = [
      run('2026-11-01T10:00:00Z', [verdict('ipc.roundtrip.us', [3, 4, 5])]),
      run('2026-11-02T10:00:00Z', [verdict('ipc.roundtrip.us', [2, 3.5, 9])]),
    ];
    expect(rowOf(benchTable(runs), 'ipc.roundtrip.us')).toBe(
      '| ipc.roundtrip.us | 3.5 us | 2–9 | 3.5–4 (2 runs) | <=500 | yes |',
    );
  });

  it('marks a metric within noise when its medians across runs spread wider than its margin', () => {
    // Medians 1.2, 1.35, 1.25: a spread of 0.15 against a margin of 0.05 to 1.3.
    const runs = [1.2, 1.35, 1.25].map((m, i) =>
      run(`2026-11-0${i + 1}T10:00:00Z`, [
        verdict('core.list10k.ratio', [m - 0.3, m, m + 0.4]),
        verdict('core.list10k.cos.ratio', [m - 0.2, m - 0.2, m]),
      ]),
    );
    const table = benchTable(runs);
    expect(rowOf(table, 'core.list10k.ratio')).toBe(
      '| core.list10k.ratio | 1.25 x | 0.95–1.65 | 1.2–1.35 (3 runs) | <=1.3 | yes, within noise |',
    );
    // Medians 1.0, 1.15, 1.05: a spread of 0.15 against a margin of 0.25: the verdict holds.
    expect(rowOf(table, 'core.list10k.cos.ratio')).toMatch(/\| <=1\.3 \| yes \|$/);
  });

  it('keeps rows for metrics without a figure: pending, skipped, not measured yet', () => {
    const runs = [
      run('2026-11-01T10:00:00Z', [
        { name: 'table.render50k.ms', unit: 'ms', target: '<=1500', skipped: 'no Chromium' },
      ]),
    ];
    const table = whilePending('runner.overhead.ms', 25, () => benchTable(runs));
    expect(rowOf(table, 'runner.overhead.ms')).toBe(
      '| runner.overhead.ms | pending: feature not built (#25) | | | <=50 | pending |',
    );
    expect(rowOf(table, 'table.render50k.ms')).toBe(
      '| table.render50k.ms | skipped: no Chromium | | | <=1500 | |',
    );
    expect(rowOf(table, 'ipc.roundtrip.us')).toBe(
      '| ipc.roundtrip.us | not measured yet | | | <=500 | |',
    );
  });

  it('says a failed median is not met, in bold', () => {
    const table = benchTable([
      run('2026-11-01T10:00:00Z', [verdict('table.filter50k.p95.ms', [120])]),
    ]);
    expect(rowOf(table, 'table.filter50k.p95.ms')).toBe(
      '| table.filter50k.p95.ms | 120 ms | 120–120 | 1 run | <=50 | **no** |',
    );
  });
});

describe('bench history', () => {
  it('keeps the last three full runs of this machine, without their samples', () => {
    let history: RunRecord[] = [];
    for (const day of [1, 2, 3, 4])
      history = withRun(
        history,
        run(`2026-11-0${day}T10:00:00Z`, [verdict('ipc.roundtrip.us', [day])]),
      );
    expect(history.map((r) => r.at.slice(8, 10))).toEqual(['02', '03', '04']);
    expect(history[2]!.results[0]!.samples).toBeUndefined();
    const elsewhere = withRun(history, run('2026-11-05T10:00:00Z', [], { ...machine, cpus: 8 }));
    expect(elsewhere.map((r) => r.at.slice(8, 10))).toEqual(['05']);
  });
});

describe('benchTable footer', () => {
  it('says where, how busy and from which runs the figures are', () => {
    const busy = { ...run('2026-11-01T10:00:00Z', []), load: { start: 9.61, end: 7.04 } };
    expect(benchTable([busy]).split('\n').at(-1)).toBe(
      'Measured 2026-11-01 on AMD EPYC, 2 cores, 24 GiB, Node v20 (linux); the whole suite took ' +
        '100 s, load average 9.6 as it started and 7.0 as it ended. Median and min–max: the ' +
        'latest full run; medians across runs: one full run so far on this machine (2026-11-01 10:00).',
    );
  });
});
