/**
 * A run cancelled while its process is being started (its folder written, the launcher
 * called) is killed at once: the abort came before anyone listened for it, and the script
 * must not run to its end.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  runScript,
  ScriptStopped,
} from '../../../electron/main/services/automation/script-process';
import { forkLauncher } from '../../../electron/main/services/automation/script-launcher';
import { buildScriptHost } from './script-host-build';

describe('a script cancelled as its process starts', () => {
  it('is stopped at once, not after the script ran', { timeout: 30_000 }, async () => {
    const hostPath = await buildScriptHost();
    const cancel = new AbortController();
    const started = Date.now();
    const run = runScript(
      {
        hostPath,
        playwrightPath: createRequire(import.meta.url).resolve('playwright-core'),
        restrictFiles: false,
        // The cancel lands between the last check and the process being watched.
        launcher: (launch) => {
          cancel.abort();
          return forkLauncher(launch);
        },
      },
      {
        source: 'export default async () => { await new Promise((r) => setTimeout(r, 20000)); };',
        endpoint: 'ws://127.0.0.1:9/devtools/browser/none',
        profile: { key: 'c/1', connectionId: 'c', vendorId: '1', name: 'One', vendor: 'ixbrowser' },
        timeoutMs: 60_000,
        signal: cancel.signal,
        log: { add: () => undefined, lines: () => [] },
      } as unknown as Parameters<typeof runScript>[1],
    );
    await expect(run).rejects.toBeInstanceOf(ScriptStopped);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
