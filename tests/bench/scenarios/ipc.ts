import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../electron/main/core';
import {
  createSenderCheck,
  registerAllChannels,
  type InvokeEventLike,
} from '../../../electron/main/ipc/handle';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { percentile, repeat, verdict, type Scenario } from '../bench';

/** `ipc.roundtrip.us`: a small request through handle() (sender check, zod parse, result value), p50. */
export const ipcScenario: Scenario = {
  name: 'ipc',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'deck-bench-ipc-'));
    const log = createLogger(() => {});
    const core = createCore({
      dataDir,
      cipher: createTestCipher(),
      log,
      app: { name: 'BrowserDeck', version: 'bench', platform: process.platform, electron: null },
    });
    const handlers = new Map<string, (e: InvokeEventLike, raw: unknown) => Promise<unknown>>();
    registerAllChannels(
      { handle: (c, fn) => void handlers.set(c, fn) },
      core.dispatch,
      createSenderCheck(new Set([1]), () => true),
      log,
    );
    const settingsGet = handlers.get('settings:get')!;
    const event: InvokeEventLike = {
      sender: { id: 1 },
      senderFrame: { url: 'file:///app/index.html' },
    };
    // Structured clone stands in for Electron's serialisation across the process boundary.
    const call = async () => structuredClone(await settingsGet(event, structuredClone({})));
    const p50s = await repeat(5, 1, async () => {
      const times: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const t0 = process.hrtime.bigint();
        await call();
        times.push(Number(process.hrtime.bigint() - t0) / 1000);
      }
      return percentile(times, 50);
    });
    await core.dispose();
    await rm(dataDir, { recursive: true, force: true });
    return [verdict('ipc.roundtrip.us', p50s)];
  },
};
