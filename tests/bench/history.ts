/**
 * The last three full `npm run bench` runs on this machine (tests/bench/history.json, not
 * committed): `npm run bench:readme` reads them to tell a verdict from noise. Runs from
 * another machine are dropped, as their figures say nothing about this one's noise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { MetricResult } from './bench';

export const HISTORY_RUNS = 3;

export interface Machine {
  cpus: number;
  cpuModel?: string;
  memGiB: number;
  node: string;
  platform: string;
}

export interface RunRecord {
  at: string;
  seconds: number;
  machine: Machine;
  /** 1-minute load averages as the run started and ended: how much else the machine ran. */
  load?: { start: number; end: number };
  /** Without the samples: median, min and max are what later runs are compared on. */
  results: MetricResult[];
}

const sameMachine = (a: Machine, b: Machine) =>
  a.cpus === b.cpus &&
  a.cpuModel === b.cpuModel &&
  a.memGiB === b.memGiB &&
  a.node === b.node &&
  a.platform === b.platform;

/** The history with `run` added: the last HISTORY_RUNS runs on run's machine. */
export function withRun(history: readonly RunRecord[], run: RunRecord): RunRecord[] {
  const slim = { ...run, results: run.results.map(({ samples: _, ...r }) => r) };
  return [...history.filter((r) => sameMachine(r.machine, run.machine)), slim].slice(-HISTORY_RUNS);
}

export function readHistory(file: string): RunRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const parsed = JSON.parse(text) as { runs?: RunRecord[] };
  if (!Array.isArray(parsed.runs)) throw new Error(`${file}: no "runs" list`);
  return parsed.runs;
}

export const writeHistory = (file: string, runs: readonly RunRecord[]) =>
  writeFileSync(file, `${JSON.stringify({ runs }, null, 2)}\n`);
