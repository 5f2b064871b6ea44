/**
 * A job item's error is a DeckErrorValue like any other (issue #24): its reason and values
 * are kept in the journal, so Activity words it in the chosen language after a restart, and
 * a journal written before reasons existed still replays and reads (by code, or main's
 * English sentence).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/log';
import {
  createJobJournal,
  replayJournal,
  type JobJournal,
} from '../../../electron/main/services/jobs/job-journal';
import { en } from '../../../renderer/src/i18n/catalogs/en';
import zhCN from '../../../renderer/src/i18n/catalogs/zh-CN';
import { errorText } from '../../../renderer/src/lib/deck';
import { DeckError } from '../../../shared/ipc/result';
import { FakeProvider } from './fake-provider';
import { setup } from './setup';

let dir: string;
let journal: JobJournal;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deck-journal-reasons-'));
  journal = createJobJournal({ dir, log: createLogger(() => {}) });
  if (!i18next.isInitialized)
    await i18next.init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      interpolation: { escapeValue: false },
    });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await i18next.changeLanguage('en');
});

const saidError = () =>
  DeckError.of('conflict', 'ixBrowser: Profile name already exists (code 101004)', {
    details: { vendorCode: 101004, vendorMessage: 'Profile name already exists' },
    reason: 'vendor.said',
    params: { vendor: 'ixBrowser' },
  });

describe("a job item's error", () => {
  it('keeps its reason and values through the journal, and reads in Chinese', async () => {
    const ix = new FakeProvider('ix', 2);
    ix.failures.set('2', saidError());
    const { engine } = setup([ix], { journal });
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'x' },
      keys: [ix.key('1'), ix.key('2'), 'no-slash'],
    });
    await engine.settled(id);
    const { job } = replayJournal(await readFile(join(dir, `${id}.jsonl`), 'utf8'));
    const [, vendor, badKey] = job.items;
    expect(vendor!.error?.details).toMatchObject({
      reason: 'vendor.said',
      params: { vendor: 'ixBrowser' },
      vendorCode: 101004,
    });
    expect(badKey!.error?.details).toMatchObject({
      reason: 'profile-key.invalid',
      params: { key: 'no-slash' },
    });
    await i18next.changeLanguage('zh-CN');
    expect(errorText(vendor!.error)).toBe('ixBrowser：Profile name already exists（代码 101004）');
    expect(errorText(badKey!.error)).toBe('“no-slash”不是有效的环境标识');
  });

  it('from a journal written before reasons still reads', async () => {
    const ix = new FakeProvider('ix', 1);
    ix.failures.set(
      '1',
      DeckError.of('vendor-error', 'The vendor refused: busy', { details: { vendorCode: 7 } }),
    );
    const { engine } = setup([ix], { journal });
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'x' },
      keys: [ix.key('1')],
    });
    await engine.settled(id);
    const { job } = replayJournal(await readFile(join(dir, `${id}.jsonl`), 'utf8'));
    const error = job.items[0]!.error;
    expect(error?.details?.reason).toBeUndefined();
    expect(errorText(error)).toBe('The vendor refused: busy (vendor code 7)');
    await i18next.changeLanguage('zh-CN');
    expect(errorText(error)).toBe('浏览器客户端返回了错误（厂商代码 7）');
  });
});
