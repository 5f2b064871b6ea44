/**
 * Optional persistence: the whole state as one JSON file, written atomically (temp file
 * + rename) shortly after each change and on stop, so a demo survives a restart or crash.
 * Open browsers are not state: they die with the sandbox.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AdsStateData } from './ads-state';
import type { BitStateData } from './bit-state';
import type { CosStateData } from './cos-state';
import type { IxStateData } from './ix-state';

export interface PersistedState {
  version: 1;
  seed: number;
  ix: IxStateData;
  cos: CosStateData;
  /** Absent in files saved before BitBrowser was emulated. */
  bit: BitStateData;
  /** Absent in files saved before AdsPower was emulated. */
  ads: AdsStateData;
}

export function loadState(file: string): PersistedState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<PersistedState>;
  if (parsed.version !== 1 || !parsed.ix?.profiles || !parsed.cos?.windows) {
    throw new Error(`${file} is not a BrowserDeck sandbox state file`);
  }
  return parsed as PersistedState;
}

export function saveState(file: string, state: PersistedState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** Coalesces bursts of changes (a bulk edit of 500 profiles) into one write. */
export function createSaver(save: () => void, delayMs = 500) {
  let timer: NodeJS.Timeout | undefined;
  return {
    changed() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        save();
      }, delayMs);
      timer.unref();
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      save();
    },
  };
}
