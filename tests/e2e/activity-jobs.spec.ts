import { readFile } from 'node:fs/promises';
import type { Job } from '../../shared/model/job';
import { test, expect } from './support/harness';

test('a job whose profiles cannot be reached shows each failure, retries and exports', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await page.goto(appUrl);
  await expect(page.getByTestId('app-version')).toBeVisible();

  // Keys of a connection that does not exist: the real engine fails each item, not the job.
  const started = await page.evaluate(() =>
    window.deck.jobs.start({
      action: { kind: 'set-remark', remark: 'checked' },
      keys: ['gone/11', 'gone/12'],
      labels: { 'gone/11': 'Shop, EU "main"' },
    }),
  );
  expect(started).toMatchObject({ ok: true, data: { total: 2 } });

  const toast = page.getByTestId('job-toast');
  await expect(toast).toContainText('Set remark: finished with 2 failed');
  await expect(toast).toContainText('0 ok, 2 failed');
  await page.screenshot({ path: test.info().outputPath('job-toast.png') });
  await toast.getByRole('button', { name: 'Show in Activity' }).click();

  const entry = page.getByTestId('job-entry').first();
  await expect(entry.getByRole('button', { expanded: true })).toContainText('Set remark');
  const items = entry.getByTestId('job-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Shop, EU "main"');
  await expect(items.first()).toContainText('not-found');
  await expect(items.first()).toContainText('Connection gone no longer exists');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    entry.getByRole('button', { name: /^Export CSV/ }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('"Shop, EU ""main"""');
  expect(csv).toContain('gone/12,gone/12,gone,failed,not-found');

  await entry.getByRole('button', { name: /^Retry failed/ }).click();
  await expect(page.getByTestId('job-entry')).toHaveCount(2);
  await expect(page.getByTestId('job-entry').first()).toContainText('Set remark (retry)');
});

/** Jobs as a busy day leaves them, served by a stand-in jobs API for the screenshot. */
function sampleJobs(now: number): Job[] {
  const item = (
    key: string,
    label: string,
    state: Job['items'][number]['state'],
    extra: Partial<Job['items'][number]> = {},
  ) => ({ key, connectionId: key.split('/')[0]!, label, state, ...extra });
  const moveItems = [
    ...Array.from({ length: 40 }, (_, i) => item(`ix-main/${100 + i}`, `Shop ${i + 1}`, 'ok')),
    item('ix-main/7', 'Seller EU 7', 'failed', {
      error: {
        code: 'vendor-error',
        message: 'ixBrowser refused: Profile is being edited by another member',
        retryable: false,
        details: { vendorCode: 2003, vendorMessage: 'Profile is being edited by another member' },
      },
    }),
    item('cos-team/a81f', 'US warmup 3', 'failed', {
      error: {
        code: 'busy',
        message: 'CosLogin is busy; try again',
        retryable: true,
        details: { vendorCode: 500, vendorMessage: 'server busy, please retry later' },
      },
    }),
  ];
  const job = (j: Partial<Job> & Pick<Job, 'id' | 'label' | 'kind' | 'items'>): Job => ({
    state: j.items.some((i) => i.state === 'failed') ? 'failures' : 'done',
    createdAt: now - 60_000,
    finishedAt: now - 52_000,
    total: j.items.length,
    ok: j.items.filter((i) => i.state === 'ok').length,
    failed: j.items.filter((i) => i.state === 'failed').length,
    cancelled: j.items.filter((i) => i.state === 'cancelled').length,
    interrupted: j.items.filter((i) => i.state === 'interrupted').length,
    skipped: j.items.filter((i) => i.state === 'skipped').length,
    ...j,
  });
  return [
    job({
      id: 'j4',
      kind: 'set-proxy',
      label: 'Set proxy',
      state: 'running',
      createdAt: now - 4_000,
      finishedAt: undefined,
      items: [
        ...Array.from({ length: 120 }, (_, i) => item(`cos-team/p${i}`, `Proxy ${i}`, 'ok')),
        ...Array.from({ length: 380 }, (_, i) => item(`cos-team/q${i}`, `Queue ${i}`, 'pending')),
      ],
    }),
    job({ id: 'j3', kind: 'move-group', label: 'Move to group', items: moveItems }),
    job({
      id: 'j2',
      kind: 'open',
      label: 'Open',
      createdAt: now - 3_600_000,
      finishedAt: now - 3_590_000,
      items: [
        item('ix-main/1', 'Shop 1', 'ok'),
        item('ix-main/2', 'Shop 2', 'ok', { note: 'already open: attached' }),
      ],
    }),
    job({
      id: 'j1',
      kind: 'delete',
      label: 'Delete',
      state: 'cancelled',
      createdAt: now - 7_200_000,
      finishedAt: now - 7_195_000,
      items: [item('ix-main/9', 'Old 9', 'ok'), item('ix-main/10', 'Old 10', 'cancelled')],
    }),
  ];
}

test('the Activity view lists jobs and opens one with failures first (screenshot)', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  const jobs = sampleJobs(Date.now());
  await page.addInitScript((data: Job[]) => {
    const summary = ({ items: _items, ...s }: Job) => s;
    const deck = window.deck as unknown as { jobs: Record<string, unknown> };
    deck.jobs = {
      ...deck.jobs,
      list: async () => ({ ok: true, data: data.map(summary) }),
      get: async ({ id }: { id: string }) => ({ ok: true, data: data.find((j) => j.id === id) }),
    };
  }, jobs);
  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Activity' })
    .click();

  const entries = page.getByTestId('job-entry');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText('120/500');
  await expect(entries.nth(0).getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(entries.nth(1)).toContainText('40 ok, 2 failed of 42');

  // Keyboard: focus the job's toggle and open it with Enter.
  await entries.nth(1).getByRole('button', { expanded: false }).focus();
  await page.keyboard.press('Enter');
  const rows = entries.nth(1).getByTestId('job-item');
  await expect(rows.nth(0)).toHaveAttribute('data-state', 'failed');
  await expect(rows.nth(0)).toContainText('2003');
  await expect(rows.nth(0)).toContainText('Profile is being edited by another member');
  await expect(rows.nth(1)).toContainText('server busy, please retry later');
  await expect(rows.nth(2)).toHaveAttribute('data-state', 'ok');

  await page.screenshot({ path: test.info().outputPath('activity-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('activity-dark.png') });
});
