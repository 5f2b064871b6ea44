/**
 * An automation run is a job like the others (issue 25, point 1), against the real core,
 * the vendor sandbox and real Chromium: "Retry failed" runs only the failed profiles again,
 * the run and each profile's result come back after a restart of the core (the journal),
 * and the CSV export has a row per profile with its result.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/model/job';
import { chromiumPath, startAutomationCore, type AutomationCore } from './automation-core';

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe.skipIf(!chromiumPath)('an automation run as a job', () => {
  let env: AutomationCore;
  let site: Server;
  let siteUrl: string;
  /** Pages loaded from the test site: one per profile a run reached. */
  let hits = 0;

  beforeAll(async () => {
    site = createServer((req, res) => {
      // Only the page the task opens: Chromium also asks for a favicon.
      if (req.url === '/count') hits++;
      res.setHeader('Content-Type', 'text/html');
      res.end('<title>Counted</title>');
    });
    siteUrl = `http://127.0.0.1:${await listen(site)}`;
    env = await startAutomationCore();
  });
  afterAll(async () => {
    await env?.close();
    site?.close();
  });

  const key = (id: number) => `${env.ixId}/${id}`;
  const byKey = (job: Job, k: string) => job.items.find((i) => i.key === k)!;

  it('Retry failed runs only the failed profiles again', async () => {
    await env.openBehind(1001);
    // Closed profiles are not opened by this run: they fail, as a profile someone closed would.
    const action = {
      kind: 'automate' as const,
      task: { type: 'open-urls' as const, urls: [`${siteUrl}/count`] },
      openClosed: false,
    };
    hits = 0;
    const first = await env.runJob({ action, keys: [key(1001), key(1002), key(1003)] });
    expect(first).toMatchObject({ state: 'failures', ok: 1, failed: 2 });
    expect(byKey(first, key(1002)).error).toMatchObject({ code: 'conflict' });
    expect(hits).toBe(1);

    // One of the two is opened meanwhile; the retry reaches it, and only the two failed.
    await env.openBehind(1002);
    const retry = await env.retryFailed(first.id);
    expect(retry).toMatchObject({ retryOf: first.id, total: 2, ok: 1, failed: 1 });
    expect(retry.items.map((i) => i.key).sort()).toEqual([key(1002), key(1003)].sort());
    expect(byKey(retry, key(1002))).toMatchObject({ state: 'ok' });
    expect(JSON.parse(byKey(retry, key(1002)).output!.result!)).toEqual([
      { url: `${siteUrl}/count`, status: 200, title: 'Counted' },
    ]);
    expect(byKey(retry, key(1003)).error).toMatchObject({ code: 'conflict' });
    // The profile that succeeded the first time was not run again.
    expect(hits).toBe(2);
    await env.runJob({ action: { kind: 'close' }, keys: [key(1001), key(1002)] });
  });

  it("the run and each profile's result survive a restart of the core; the CSV has them", async () => {
    await env.openBehind(1004);
    const job = await env.runJob({
      action: { kind: 'automate', task: { type: 'screenshot' } },
      keys: [key(1004), key(1005), `${env.cosId}/101`],
    });
    expect(job).toMatchObject({ state: 'failures', ok: 2, failed: 1 });
    for (const id of [1004, 1005])
      expect(byKey(job, key(id)).output).toMatchObject({
        durationMs: expect.any(Number),
        result: expect.stringContaining('"file"'),
        logs: [expect.stringMatching(/^saved [\d,]+ bytes$/)],
        file: expect.stringMatching(/screenshot\.png$/),
        thumbnail: true,
      });

    await env.restart();

    const listed = await env.core.dispatch('jobs:list', {});
    expect(listed).toMatchObject({
      ok: true,
      data: expect.arrayContaining([expect.objectContaining({ id: job.id, state: 'failures' })]),
    });
    const again = await env.core.dispatch('jobs:get', { id: job.id });
    expect(again).toMatchObject({ ok: true });
    const back = (again as { data: Job }).data;
    expect(back).toMatchObject({
      state: 'failures',
      label: job.label,
      total: 3,
      ok: 2,
      failed: 1,
    });
    // State, duration, returned JSON, log lines, file and the reason of the refused one.
    expect(back.items).toEqual(job.items);
    expect(byKey(back, `${env.cosId}/101`).error).toMatchObject({ code: 'unsupported' });
    // The thumbnail is still there to show in Activity.
    expect(
      await env.core.dispatch('automation:thumbnail', { jobId: job.id, key: key(1005) }),
    ).toMatchObject({ ok: true, data: { dataUrl: expect.stringMatching(/^data:image\/jpeg/) } });

    // The CSV export of the restored job: a row per profile with what its run gave back.
    const exported = await env.core.dispatch('jobs:export-csv', { id: job.id });
    const csv = (exported as { data: { csv: string } }).data.csv;
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(3);
    for (const item of back.items) {
      const row = rows.data.find((r) => r['profile key'] === item.key)!;
      expect(row).toMatchObject({
        job: job.id,
        state: item.state,
        'duration ms': String(item.output?.durationMs ?? ''),
        result: item.output?.result ?? '',
        file: item.output?.file ?? '',
        log: item.output?.logs?.join('\n') ?? '',
      });
    }
    expect(rows.data.find((r) => r['profile key'] === `${env.cosId}/101`)).toMatchObject({
      'error code': 'unsupported',
      message: expect.stringContaining('needs a Chromium profile'),
    });
    await env.runJob({ action: { kind: 'close' }, keys: [key(1004)] });
  });
});
