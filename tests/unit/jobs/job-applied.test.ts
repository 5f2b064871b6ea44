/**
 * Activity says what each job applied ("Move to group → Warmup"): main words it from the
 * job's action, never with a password, and a job read back after a restart says it again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/log';
import { createJobJournal } from '../../../electron/main/services/jobs/job-journal';
import type { JobAction } from '../../../shared/model/job';
import { FakeProvider } from './fake-provider';
import { setup } from './setup';

const PROXY = {
  method: 'custom',
  type: 'socks5',
  host: '198.51.100.4',
  port: 1080,
  username: 'u',
  password: { action: 'set', value: 'secret-pw' },
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: '',
  socks5Udp: false,
} as const;

describe('what a job applied', () => {
  it.each<[JobAction, string | undefined]>([
    [{ kind: 'move-group', groupIds: { ix: 'g7' }, groupNames: { ix: 'Warmup' } }, 'Warmup'],
    [{ kind: 'move-group', groupIds: { ix: 'g7' } }, 'group g7'],
    [{ kind: 'set-remark', remark: 'VIP client' }, '"VIP client"'],
    [{ kind: 'set-remark', remark: '' }, 'empty'],
    [{ kind: 'set-name', name: '账号 97' }, '"账号 97"'],
    [{ kind: 'set-tags', tags: ['vip', 'new'] }, '"vip", "new"'],
    [{ kind: 'rename', name: { template: 'Shop {n}', start: 5, pad: 0 } }, '"Shop {n}" from 5'],
    [{ kind: 'set-proxy', proxy: PROXY }, 'socks5 u:•••@198.51.100.4:1080'],
    [
      {
        kind: 'import-sheet',
        edits: [
          { key: 'ix/1', name: 'A', proxy: PROXY },
          { key: 'ix/2', name: 'B' },
        ],
      },
      '2 names, 1 proxy',
    ],
    [{ kind: 'open' }, undefined],
  ])('%j reads "%s"', async (action, applied) => {
    const ix = new FakeProvider('ix', 3);
    const { engine } = setup([ix]);
    const summary = await engine.start({ action, keys: [ix.key('1'), ix.key('2')] });
    expect(summary.applied).toBe(applied);
    expect(JSON.stringify(engine.list())).not.toContain('secret-pw');
    await engine.settled(summary.id);
  });

  it('is said again by a job read back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deck-applied-'));
    try {
      const journal = () => createJobJournal({ dir, log: createLogger(() => {}) });
      const ix = new FakeProvider('ix', 2);
      const first = setup([ix], { journal: journal() });
      const { id } = await first.engine.start({
        action: { kind: 'move-group', groupIds: { ix: 'g7' }, groupNames: { ix: 'Warmup' } },
        keys: [ix.key('1')],
      });
      await first.engine.settled(id);
      await first.engine.dispose();
      const second = setup([ix], { journal: journal() });
      await second.engine.ready;
      expect(second.engine.get(id)).toMatchObject({ label: 'Move to group', applied: 'Warmup' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
