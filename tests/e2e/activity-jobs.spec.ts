import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Job } from '../../shared/model/job';
import zhCN from '../../renderer/src/i18n/catalogs/zh-CN';
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

type Item = Job['items'][number];
const item = (key: string, label: string, state: Item['state'], extra: Partial<Item> = {}) => ({
  key,
  connectionId: key.split('/')[0]!,
  label,
  state,
  ...extra,
});
/** A job with its counts taken from its items. */
const sampleJob =
  (now: number) =>
  (j: Partial<Job> & Pick<Job, 'id' | 'label' | 'kind' | 'items'>): Job => ({
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

/** Serves `jobs` from a stand-in jobs API, before the app loads. */
async function serveJobs(page: Page, jobs: Job[]): Promise<void> {
  await page.addInitScript((data: Job[]) => {
    const summary = ({ items: _items, ...s }: Job) => s;
    const deck = window.deck as unknown as { jobs: Record<string, unknown> };
    deck.jobs = {
      ...deck.jobs,
      list: async () => ({ ok: true, data: data.map(summary) }),
      get: async ({ id }: { id: string }) => ({ ok: true, data: data.find((j) => j.id === id) }),
    };
  }, jobs);
}

/** Jobs as a busy day leaves them, served by a stand-in jobs API for the screenshot. */
function sampleJobs(now: number): Job[] {
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
  const job = sampleJob(now);
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
  await serveJobs(page, jobs);
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

test('in 中文, a note, what a job set and its name are worded from main’s keys; an older note stays as main wrote it', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  const job = sampleJob(Date.now());
  await serveJobs(page, [
    job({
      id: 'w2',
      kind: 'change-tags',
      label: 'Add tags "vip"',
      labelWords: { key: 'changeTags', add: ['vip'], remove: [] },
      items: [
        item('ix-main/1', 'Shop 1', 'ok', {
          note: 'already had these tags',
          noteWords: [{ key: 'alreadyHadTags' }],
        }),
        // From a journal written before notes had keys.
        item('ix-main/2', 'Shop 2', 'ok', { note: 'already open: attached' }),
      ],
    }),
    job({
      id: 'w1',
      kind: 'set-remark',
      label: 'Set remark',
      applied: '"VIP"',
      appliedWords: { key: 'text', params: { text: 'VIP' } },
      items: [item('ix-main/3', 'Shop 3', 'ok')],
    }),
  ]);
  await page.addInitScript(() => localStorage.setItem('deck.language', 'zh-CN'));
  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: zhCN.nav.label })
    .getByRole('button', { name: zhCN.nav.activity })
    .click();

  const entries = page.getByTestId('job-entry');
  await expect(entries.nth(0)).toContainText('添加标签 “vip”');
  await expect(entries.nth(1)).toContainText(zhCN.activity.kinds['set-remark']);
  await expect(entries.nth(1).getByTestId('job-applied')).toHaveText(' → “VIP”');
  await entries.nth(0).getByRole('button', { expanded: false }).click();
  const rows = entries.nth(0).getByTestId('job-item');
  await expect(rows.filter({ hasText: 'Shop 1' })).toContainText(
    zhCN.activity.notes.alreadyHadTags,
  );
  await expect(rows.filter({ hasText: 'Shop 2' })).toContainText('already open: attached');
});

/** What Activity holds after a crash mid-job, an undo, and a proxy edit that can be undone. */
function afterRestartJobs(now: number): Job[] {
  const job = sampleJob(now);
  const unknownNote =
    'On its way to the vendor when BrowserDeck stopped: Retry reads the vendor to see whether it applied';
  return [
    job({
      id: 'k4',
      kind: 'undo',
      label: 'Undo set remark',
      undoOf: 'k3',
      createdAt: now - 30_000,
      finishedAt: now - 29_000,
      items: [
        item('ix-main/18', 'ETSY-0018 Maria', 'skipped', {
          note: 'Left as it is: its remark was changed after the edit (now "fixed by hand", the edit set "wrong remark for everyone")',
        }),
        ...Array.from({ length: 49 }, (_, i) => item(`ix-main/${100 + i}`, `Shop ${i + 1}`, 'ok')),
      ],
    }),
    job({
      id: 'k3',
      kind: 'set-remark',
      label: 'Set remark',
      undoneBy: 'k4',
      undoable: true,
      createdAt: now - 120_000,
      finishedAt: now - 118_000,
      items: Array.from({ length: 50 }, (_, i) =>
        item(`ix-main/${100 + i}`, `Shop ${i + 1}`, 'ok'),
      ),
    }),
    job({
      id: 'k2',
      kind: 'move-group',
      label: 'Move to group',
      state: 'interrupted',
      createdAt: now - 600_000,
      finishedAt: now - 590_000,
      items: [
        ...Array.from({ length: 3 }, (_, i) =>
          item(`ix-main/${300 + i}`, `Warmup ${i + 121}`, 'interrupted', { note: unknownNote }),
        ),
        ...Array.from({ length: 120 }, (_, i) =>
          item(`ix-main/${400 + i}`, `Warmup ${i + 1}`, 'ok'),
        ),
        ...Array.from({ length: 377 }, (_, i) =>
          item(`ix-main/${600 + i}`, `Warmup ${i + 124}`, 'pending'),
        ),
      ],
    }),
    job({
      id: 'k1',
      kind: 'set-proxy',
      label: 'Set proxy',
      undoable: true,
      createdAt: now - 3_600_000,
      finishedAt: now - 3_590_000,
      items: Array.from({ length: 12 }, (_, i) => item(`cos-team/p${i}`, `Proxy ${i}`, 'ok')),
    }),
  ];
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1400, height: 860 },
]) {
  test(`Activity after a restart: an interrupted job, an undo, proxy Undo's limit (${viewport.width}x${viewport.height} screenshots)`, async ({
    harness,
  }) => {
    const { page, appUrl } = harness;
    await page.setViewportSize(viewport);
    await serveJobs(page, afterRestartJobs(Date.now()));
    await page.goto(appUrl);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Activity' })
      .click();

    const entries = page.getByTestId('job-entry');
    await expect(entries).toHaveCount(4);
    const [undo, edit, interrupted, proxy] = [0, 1, 2, 3].map((i) => entries.nth(i));
    await expect(undo!).toContainText('Undo set remark');
    await expect(undo!).toContainText('49 ok, 1 skipped of 50');
    await expect(edit!).toContainText('Undone');
    await expect(edit!.getByRole('button', { name: /^Undo/ })).toHaveCount(0);

    await expect(interrupted!).toContainText('Interrupted');
    await expect(interrupted!).toContainText('120 ok, 3 unknown, 377 not started of 500');
    await expect(interrupted!.getByTestId('job-note')).toContainText(
      'BrowserDeck stopped while this job ran',
    );
    await expect(
      interrupted!.getByRole('button', { name: 'Retry: 380 of Move to group' }),
    ).toBeVisible();
    await expect(proxy!.getByTestId('job-note')).toContainText('never keeps proxy passwords');
    await expect(proxy!.getByRole('button', { name: 'Undo: Set proxy' })).toBeVisible();

    await interrupted!.getByRole('button', { expanded: false }).click();
    const rows = interrupted!.getByTestId('job-item');
    await expect(rows.nth(0)).toHaveAttribute('data-state', 'interrupted');
    await expect(rows.nth(0)).toContainText('unknown');
    await expect(rows.nth(0)).toContainText('On its way to the vendor when BrowserDeck stopped');
    // Unknown first, then what never started, then what was applied.
    await expect(rows.nth(3)).toHaveAttribute('data-state', 'pending');
    await expect(rows.nth(3)).toContainText('not started');
    await page.screenshot({
      path: test.info().outputPath(`activity-interrupted-${viewport.width}.png`),
    });

    await undo!.getByRole('button', { expanded: false }).click();
    await expect(undo!.locator('[data-testid=job-item][data-state=skipped]')).toContainText(
      'its remark was changed after the edit',
    );
    await page.screenshot({ path: test.info().outputPath(`activity-undo-${viewport.width}.png`) });
  });
}
