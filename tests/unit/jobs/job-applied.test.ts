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
import type { ValueWords } from '../../../shared/model/job-words';
import { appliedText } from '../../../renderer/src/features/jobs/job-words';
import '../renderer/support/i18n';

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
  it.each<[JobAction, string | undefined, ValueWords | undefined]>([
    [
      { kind: 'move-group', groupIds: { ix: 'g7' }, groupNames: { ix: 'Warmup' } },
      'Warmup',
      { key: 'groups', params: { names: ['Warmup'], ids: [] } },
    ],
    [
      { kind: 'move-group', groupIds: { ix: 'g7' } },
      'group g7',
      { key: 'groups', params: { names: [], ids: ['g7'] } },
    ],
    [
      { kind: 'set-remark', remark: 'VIP client' },
      '"VIP client"',
      { key: 'text', params: { text: 'VIP client' } },
    ],
    [{ kind: 'set-remark', remark: '' }, 'empty', { key: 'empty' }],
    [
      { kind: 'set-name', name: '账号 97' },
      '"账号 97"',
      { key: 'text', params: { text: '账号 97' } },
    ],
    [
      { kind: 'set-tags', tags: ['vip', 'new'] },
      '"vip", "new"',
      { key: 'tags', params: { tags: ['vip', 'new'] } },
    ],
    [{ kind: 'set-tags', tags: [] }, 'no tags', { key: 'noTags' }],
    [
      { kind: 'rename', name: { template: 'Shop {n}', start: 5, pad: 0 } },
      '"Shop {n}" from 5',
      { key: 'template', params: { template: 'Shop {n}', start: 5 } },
    ],
    [
      { kind: 'copy', name: { template: 'Copy {n}', start: 1, pad: 0 } },
      'named "Copy {n}"',
      { key: 'named', params: { template: 'Copy {n}' } },
    ],
    [
      { kind: 'set-proxy', proxy: PROXY },
      'socks5 u:•••@198.51.100.4:1080',
      { key: 'proxy', params: { proxy: 'socks5 u:•••@198.51.100.4:1080' } },
    ],
    [
      {
        kind: 'set-proxy',
        proxy: { ...PROXY, type: 'direct', host: '', port: null, username: '' },
      },
      'direct',
      { key: 'proxyDirect' },
    ],
    [
      {
        kind: 'assign-proxies',
        assignments: [
          { key: 'ix/1', proxy: PROXY },
          { key: 'ix/2', proxy: PROXY },
        ],
      },
      '2 proxies from a list',
      { key: 'proxyList', params: { count: 2 } },
    ],
    [
      {
        kind: 'import-sheet',
        edits: [
          { key: 'ix/1', name: 'A', proxy: PROXY },
          { key: 'ix/2', name: 'B' },
        ],
      },
      '2 names, 1 proxy',
      { key: 'sheet', params: { name: 2, proxy: 1 } },
    ],
    [{ kind: 'open' }, undefined, undefined],
  ])('%j reads "%s"', async (action, applied, appliedWords) => {
    const ix = new FakeProvider('ix', 3);
    const { engine } = setup([ix]);
    const summary = await engine.start({ action, keys: [ix.key('1'), ix.key('2')] });
    expect(summary.applied).toBe(applied);
    expect(summary.appliedWords).toEqual(appliedWords);
    // Worded by the renderer, in English it reads exactly as main's own words.
    expect(appliedText(summary)).toBe(applied);
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
      expect(second.engine.get(id)).toMatchObject({
        label: 'Move to group',
        applied: 'Warmup',
        appliedWords: { key: 'groups', params: { names: ['Warmup'], ids: [] } },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
