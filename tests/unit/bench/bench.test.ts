import { describe, expect, it } from 'vitest';
import {
  completeResults,
  formatLine,
  verdict,
  type MetricResult,
} from '../../../tests/bench/bench';
import {
  METRIC_NAMES,
  METRICS,
  SCENARIO_NAMES,
  type ScenarioName,
} from '../../../tests/bench/metrics';
import { whilePending } from './while-pending';

const nothingReported = () =>
  new Map<ScenarioName, MetricResult[] | { failed: string }>(SCENARIO_NAMES.map((s) => [s, []]));

describe('verdict', () => {
  it('reports the median with the spread of the samples, judged against the table target', () => {
    const r = verdict('core.list10k.ratio', [1.5, 1.1, 0.9, 1.2, 2.4]);
    expect(r).toMatchObject({ median: 1.2, min: 0.9, max: 2.4, target: '<=1.3', ok: true });
    expect(formatLine(r)).toBe(
      'BENCH core.list10k.ratio median=1.2 min=0.9 max=2.4 unit=x target=1.3 ok=true',
    );
    expect(verdict('table.scroll50k.fps', [50, 54, 60]).ok).toBe(false);
  });
});

describe('completeResults', () => {
  it('gives a full run one line per metric of the table, in its order, pending ones included', () => {
    const results = whilePending('runner.overhead.ms', 25, () =>
      completeResults(nothingReported(), true),
    );
    expect(results.map((r) => r.name)).toEqual(METRIC_NAMES);
    const runner = results.find((r) => r.name === 'runner.overhead.ms')!;
    expect(runner.pending).toMatch(/^feature not built \(#25/);
    expect(formatLine(runner)).toMatch(/^BENCH runner\.overhead\.ms pending target=50 reason=/);
  });

  it('says why a metric has no figure: its scenario failed, or did not report it', () => {
    const ran = new Map<ScenarioName, MetricResult[] | { failed: string }>([
      ['table', { failed: 'Chromium crashed' }],
      ['sandbox', [verdict('sandbox.list10k.ms', [60])]],
    ]);
    const results = completeResults(ran, false);
    expect(results.map((r) => [r.name, r.skipped])).toEqual([
      ['sandbox.list10k.ms', undefined],
      ['sandbox.list10k.cos.ms', 'scenario sandbox did not report it'],
      ...METRIC_NAMES.filter((n) => METRICS[n].scenario === 'table').map((n) => [
        n,
        'scenario table failed: Chromium crashed',
      ]),
    ]);
  });

  it('refuses a metric reported by a scenario the table does not give it to', () => {
    const ran = new Map<ScenarioName, MetricResult[]>([
      ['ipc', [verdict('sandbox.list10k.ms', [60])]],
    ]);
    expect(() => completeResults(ran, false)).toThrow(/ipc reported sandbox\.list10k\.ms/);
  });
});

describe('the metric table', () => {
  it('has the table targets at 400,000 profiles', () => {
    expect(METRICS['table.render400k.ms']).toMatchObject({ cmp: '<=', target: 1500 });
    expect(METRICS['table.filter400k.p95.ms']).toMatchObject({ cmp: '<=', target: 50 });
    expect(METRICS['table.scroll400k.fps']).toMatchObject({ cmp: '>=', target: 55 });
    expect(METRICS['renderer.heap400k.mb']).toMatchObject({ cmp: '<=', target: 300 });
    expect(METRICS['list.trip400k.ms']).toMatchObject({ cmp: '<=', target: 1500 });
  });

  it('lists the metrics of features not built yet as pending, each with its issue', () => {
    const pending = METRIC_NAMES.filter((n) => typeof METRICS[n].scenario !== 'string');
    expect(pending).toEqual([]);
  });

  it('gives every scenario at least one metric', () => {
    for (const s of SCENARIO_NAMES)
      expect(
        METRIC_NAMES.some((n) => METRICS[n].scenario === s),
        s,
      ).toBe(true);
  });
});
