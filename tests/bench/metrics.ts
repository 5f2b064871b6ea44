/**
 * Every benchmark metric in one table: its unit, its target and the scenario that measures
 * it. `npm run bench` prints a line for each and `npm run bench:readme` a row for each, in
 * this order. A metric whose feature is not built yet says so (and which issue builds it)
 * instead of a scenario; when the feature lands, its scenario takes the entry's place.
 */

export type Comparator = '<' | '<=' | '>=' | '>';

/** The scenarios in tests/bench/scenarios, in the order `npm run bench` runs them. */
export const SCENARIO_NAMES = [
  'ipc',
  'sandbox',
  'sandbox-open',
  'core-list',
  'bulk',
  'table',
  'context-menu',
  'list-trip',
  'start',
  'ratelimit',
  'open',
  'sessions',
  'csv',
  'i18n',
  'runner',
  'thumbnails',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface Pending {
  /** The open issue whose feature this metric measures. */
  issue: number;
  what: string;
}

export interface MetricSpec {
  unit: string;
  cmp: Comparator;
  target: number;
  scenario: ScenarioName | Pending;
}

/** A metric whose feature is not built yet (none today). */
export const pending = (issue: number, what: string): Pending => ({ issue, what });

export const METRICS = {
  'ipc.roundtrip.us': { unit: 'us', cmp: '<=', target: 500, scenario: 'ipc' },
  'sandbox.list10k.ms': { unit: 'ms', cmp: '<', target: 1000, scenario: 'sandbox' },
  'sandbox.list10k.cos.ms': { unit: 'ms', cmp: '<', target: 1000, scenario: 'sandbox' },
  'sandbox.open.overhead.ms': { unit: 'ms', cmp: '<', target: 50, scenario: 'sandbox-open' },
  'core.list10k.ratio': { unit: 'x', cmp: '<=', target: 1.3, scenario: 'core-list' },
  'core.list10k.cos.ratio': { unit: 'x', cmp: '<=', target: 1.3, scenario: 'core-list' },
  'core.list10k.cpu.ratio': { unit: 'x', cmp: '<=', target: 1.3, scenario: 'core-list' },
  'core.list10k.cos.cpu.ratio': { unit: 'x', cmp: '<=', target: 1.3, scenario: 'core-list' },
  'bulk.proxy1000.cos.requests': { unit: 'requests', cmp: '<=', target: 10, scenario: 'bulk' },
  // The reads before an edit (the values Undo puts back): one listing of the connection,
  // ten pages of 100 here, plus its group and tag lookups.
  'bulk.proxy1000.cos.reads': { unit: 'requests', cmp: '<=', target: 15, scenario: 'bulk' },
  'bulk.proxy1000.cos.ms': { unit: 'ms', cmp: '<=', target: 5000, scenario: 'bulk' },
  'bulk.group1000.ix.ms': { unit: 'ms', cmp: '<=', target: 5000, scenario: 'bulk' },
  'bulk.group1000.ix.overhead.ms': { unit: 'ms', cmp: '<=', target: 50, scenario: 'bulk' },
  'table.render50k.ms': { unit: 'ms', cmp: '<=', target: 1500, scenario: 'table' },
  'table.filter50k.p95.ms': { unit: 'ms', cmp: '<=', target: 50, scenario: 'table' },
  'table.scroll50k.fps': { unit: 'fps', cmp: '>=', target: 55, scenario: 'table' },
  'renderer.heap50k.mb': { unit: 'MB', cmp: '<=', target: 200, scenario: 'table' },
  'table.render400k.ms': { unit: 'ms', cmp: '<=', target: 1500, scenario: 'table' },
  'table.filter400k.p95.ms': { unit: 'ms', cmp: '<=', target: 50, scenario: 'table' },
  'table.scroll400k.fps': { unit: 'fps', cmp: '>=', target: 55, scenario: 'table' },
  'renderer.heap400k.mb': { unit: 'MB', cmp: '<=', target: 300, scenario: 'table' },
  'list.trip50k.ms': { unit: 'ms', cmp: '<=', target: 1500, scenario: 'list-trip' },
  'list.trip400k.ms': { unit: 'ms', cmp: '<=', target: 1500, scenario: 'list-trip' },
  'open.overhead.ratio': { unit: 'x', cmp: '<=', target: 1.1, scenario: 'open' },
  'sessions200.fps': { unit: 'fps', cmp: '>=', target: 55, scenario: 'sessions' },
  'csv.preview10k.ms': { unit: 'ms', cmp: '<=', target: 1000, scenario: 'csv' },
  'contextmenu.open50k.ms': { unit: 'ms', cmp: '<=', target: 50, scenario: 'context-menu' },
  'runner.overhead.ms': {
    unit: 'ms',
    cmp: '<=',
    target: 50,
    scenario: 'runner',
  },
  'sessions.thumbnails20.fps': {
    unit: 'fps',
    cmp: '>=',
    target: 55,
    scenario: 'thumbnails',
  },
  'sessions.thumbnails20.main.cpu.pct': {
    unit: '% of a core',
    cmp: '<',
    target: 10,
    scenario: 'thumbnails',
  },
  'ratelimit.adspower.max.rps': {
    unit: 'requests/s',
    cmp: '<=',
    target: 1,
    scenario: 'ratelimit',
  },
  'start.lastknown10k.ms': {
    unit: 'ms',
    cmp: '<=',
    target: 300,
    scenario: 'start',
  },
  'start.firstpage10k.ms': {
    unit: 'ms',
    cmp: '<=',
    target: 1500,
    scenario: 'start',
  },
  'i18n.startup.growth.pct': {
    unit: '%',
    cmp: '<=',
    target: 5,
    scenario: 'i18n',
  },
} as const satisfies Record<string, MetricSpec>;

export type MetricName = keyof typeof METRICS;

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export const specOf = (name: MetricName): MetricSpec => METRICS[name];

export const isPending = (spec: MetricSpec): spec is MetricSpec & { scenario: Pending } =>
  typeof spec.scenario !== 'string';

export const targetText = (spec: MetricSpec) => `${spec.cmp}${spec.target}`;
