import { describe, expect, it } from 'vitest';
import { handlersFor } from '../../fixtures/handlers';
import { createDispatch } from '../../../electron/main/ipc/handle';
import { createLogger } from '../../../electron/main/log';
import { createJobHandlers } from '../../../electron/main/services/jobs/job-handlers';
import { csvField, jobsToCsv } from '../../../electron/main/services/jobs/job-csv';
import { DeckError } from '../../../shared/ipc/result';
import type { Job } from '../../../shared/model/job';
import { FakeProvider, vendorError } from './fake-provider';
import { setup } from './setup';

describe('job history', () => {
  it('keeps the newest 200 jobs, newest first', async () => {
    const ix = new FakeProvider('ix', 1);
    const { engine } = setup([ix], { maxHistory: 200 });
    const ids: string[] = [];
    for (let i = 0; i < 205; i++) {
      const { id } = await engine.start({
        action: { kind: 'set-remark', remark: `${i}` },
        keys: ['ix/1'],
      });
      await engine.settled(id);
      ids.push(id);
    }
    const list = engine.list();
    expect(list).toHaveLength(200);
    expect(list[0]!.id).toBe(ids[204]);
    expect(list.at(-1)!.id).toBe(ids[5]);
    expect(() => engine.get(ids[4]!)).toThrow(DeckError);
    expect(engine.get(ids[5]!).items).toHaveLength(1);
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and newlines in vendor messages', async () => {
    const ix = new FakeProvider('ix', 2);
    ix.failures.set('2', vendorError(2003, 'Group "VIP, EU" is locked\nby another member'));
    const { engine } = setup([ix]);
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'r' },
      keys: ['ix/1', 'ix/2'],
      labels: { 'ix/1': 'Shop, main', 'ix/2': '=HYPERLINK("x")' },
    });
    await engine.settled(id);
    const rows = parseCsv(engine.exportCsv(id));
    expect(rows[0]).toEqual([
      'job',
      'action',
      'started',
      'profile key',
      'label',
      'connection',
      'state',
      'error code',
      'vendor code',
      'message',
      'duration ms',
      'result',
      'file',
      'log',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      id,
      'Set remark',
      expect.any(String),
      'ix/1',
      'Shop, main',
      'ix',
      'ok',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(rows[2]!.slice(3)).toEqual([
      'ix/2',
      `'=HYPERLINK("x")`,
      'ix',
      'failed',
      'vendor-error',
      '2003',
      'The vendor refused: Group "VIP, EU" is locked\nby another member',
      '',
      '',
      '',
      '',
    ]);
  });

  it('exports every kept job when no id is given', async () => {
    const ix = new FakeProvider('ix', 1);
    const { engine } = setup([ix]);
    for (const kind of ['open', 'close'] as const)
      await engine.settled((await engine.start({ action: { kind }, keys: ['ix/1'] })).id);
    const rows = parseCsv(engine.exportCsv());
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Close', 'Open']);
  });

  it('never carries a proxy password, in the export, the job or its progress', async () => {
    const ix = new FakeProvider('ix', 1);
    const { engine, emitted } = setup([ix]);
    const { id } = await engine.start({
      action: {
        kind: 'set-proxy',
        proxy: {
          method: 'custom',
          type: 'socks5',
          host: '198.51.100.4',
          port: 1080,
          username: 'buyer',
          password: { action: 'set', value: 'hunter2-secret' },
          refreshUrl: '',
          extractionUrl: '',
          extractionChannel: '',
          checkService: '',
          socks5Udp: false,
        },
      },
      keys: ['ix/1'],
    });
    await engine.settled(id);
    const everything =
      JSON.stringify([engine.get(id), engine.list(), emitted]) + engine.exportCsv();
    expect(everything).toContain('198.51.100.4');
    expect(everything).not.toContain('hunter2-secret');
  });

  it('keeps a plain negative vendor code as a number', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField('-cmd')).toBe("'-cmd");
    const job: Job = {
      id: 'j',
      kind: 'open',
      label: 'Open',
      state: 'done',
      createdAt: 0,
      total: 0,
      ok: 0,
      failed: 0,
      cancelled: 0,
      interrupted: 0,
      skipped: 0,
      items: [],
    };
    expect(jobsToCsv([job])).toBe(
      'job,action,started,profile key,label,connection,state,error code,vendor code,message,duration ms,result,file,log\r\n',
    );
  });
});

describe('jobs:* channels', () => {
  it('run a job through the contract: start, get, retry, export', async () => {
    const ix = new FakeProvider('ix', 3);
    ix.failures.set('2', vendorError(1008, 'busy'));
    const { engine } = setup([ix]);
    const dispatch = createDispatch(handlersFor(createJobHandlers(engine)), {
      log: createLogger(() => {}),
      validateResponses: true,
    });
    const started = await dispatch('jobs:start', {
      action: { kind: 'set-remark', remark: 'x' },
      keys: ['ix/1', 'ix/2', 'gone/1'],
      labels: { 'ix/1': 'One' },
    });
    expect(started).toMatchObject({ ok: true, data: { state: 'running', total: 3 } });
    const id = (started as { data: { id: string } }).data.id;
    await engine.settled(id);

    const got = await dispatch('jobs:get', { id });
    expect(got).toMatchObject({ ok: true, data: { ok: 1, failed: 2 } });
    ix.failures.clear();
    const retried = await dispatch('jobs:retry-failed', { id });
    expect(retried).toMatchObject({ ok: true, data: { retryOf: id, total: 2 } });
    const retryJob = await engine.settled((retried as { data: { id: string } }).data.id);
    // The gone connection is still gone; the busy profile now went through.
    expect(retryJob.items.map((i) => [i.key, i.state])).toEqual([
      ['ix/2', 'ok'],
      ['gone/1', 'failed'],
    ]);
    expect(await dispatch('jobs:list', {})).toMatchObject({ ok: true, data: [{}, {}] });
    expect(await dispatch('jobs:export-csv', {})).toMatchObject({ ok: true });
    expect(await dispatch('jobs:cancel', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch('jobs:start', { action: { kind: 'delete' }, keys: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

/** A strict RFC 4180 reader, to prove the export parses back to what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}
