/**
 * Job toasts never cover the controls: they stay clear of the bulk bar and the profile
 * panel, an ended job shrinks to a chip that opens Activity, and more than three collapse
 * into one. Fake deck (support/fake-deck.ts); job progress is pushed as main pushes it.
 */
import type { Locator, Page } from '@playwright/test';
import type { JobProgress } from '../../shared/model/job';
import { installFakeDeck } from './support/fake-deck';
import { test, expect } from './support/harness';

const row = (page: Page, key: string) => page.locator(`[role=row][data-key="${key}"]`);

function progress(id: string, over: Partial<JobProgress> = {}): JobProgress {
  return {
    id,
    kind: 'set-remark',
    label: 'Set remark',
    state: 'running',
    createdAt: Date.now(),
    total: 40,
    ok: 12,
    failed: 0,
    cancelled: 0,
    interrupted: 0,
    skipped: 0,
    changed: [],
    ...over,
  };
}

const push = (page: Page, p: JobProgress) =>
  page.evaluate(
    (payload) =>
      (window as unknown as { __deckEmit(e: string, p: unknown): void }).__deckEmit(
        'jobs:event:progress',
        payload,
      ),
    p,
  );

async function box(target: Locator) {
  const b = await target.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}
/** Where a toast ends up, once sonner's slide-in is over. */
async function toastBox(target: Locator) {
  const li = target.locator('xpath=ancestor::li[@data-sonner-toast]');
  await expect(li).toHaveAttribute('data-mounted', 'true');
  await li.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  return box(target);
}
type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [width, height] of [
  [1280, 720],
  [1400, 860],
] as const) {
  test.describe(`${width}×${height}`, () => {
    test.beforeEach(async ({ harness }) => {
      const { page, appUrl } = harness;
      await page.setViewportSize({ width, height });
      await page.addInitScript(installFakeDeck, { count: 1_000 });
      await page.goto(appUrl);
      await expect(page.getByRole('grid', { name: 'Profiles' })).toBeVisible();
    });

    test('a job toast sits clear of the bulk bar and the panel; ended, it is a chip that opens Activity', async ({
      harness,
    }) => {
      const { page } = harness;
      await row(page, 'ix/3').click();
      await row(page, 'ix/9').click({ modifiers: ['Shift'] });
      await page.keyboard.press('Enter');
      const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
      const panel = page.getByRole('complementary', { name: 'Profile' });
      await expect(panel).toBeVisible();

      await push(page, progress('j1'));
      const toast = page.getByTestId('job-toast');
      await expect(toast).toContainText('Set remark: 12/40');
      const t = await toastBox(toast);
      expect(overlaps(t, await box(bar)), 'toast over the bulk bar').toBe(false);
      expect(overlaps(t, await box(panel)), 'toast over the panel').toBe(false);

      // A dialog is in the top layer: the toast cannot cover its buttons.
      await bar.getByRole('button', { name: 'Set remark…' }).click();
      const apply = page.getByRole('dialog').getByRole('button', { name: /^(Set|Clear) remark/ });
      const onTop = await apply.evaluate((b) => {
        const r = b.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b;
      });
      expect(onTop).toBe(true);
      await page.keyboard.press('Escape');

      await push(
        page,
        progress('j1', { state: 'failures', ok: 38, failed: 2, finishedAt: Date.now() }),
      );
      await expect(toast).toContainText('Set remark: finished with 2 failed · 38 ok, 2 failed');
      const chip = await toastBox(toast);
      expect(chip.height).toBeLessThan(36);
      expect(overlaps(chip, await box(bar))).toBe(false);
      expect(overlaps(chip, await box(panel))).toBe(false);
      await push(page, progress('j2', { kind: 'move-group', label: 'Move to group', ok: 3 }));
      await push(page, progress('j3', { kind: 'open', label: 'Open', state: 'done', ok: 40 }));
      await toastBox(page.getByTestId('job-toast').filter({ hasText: 'Open: done' }));
      await page.screenshot({ path: `tests/e2e/screenshots/job-toasts-${width}.png` });
      const failedChip = toast.filter({ hasText: '2 failed' });
      await failedChip.getByRole('button', { name: 'Show in Activity' }).click();
      await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
      await expect(failedChip).toHaveCount(0);
    });

    test("by keyboard: Alt+T reaches an ended job's chip, Enter on it opens Activity", async ({
      harness,
    }) => {
      const { page } = harness;
      await push(
        page,
        progress('k1', { state: 'failures', ok: 38, failed: 2, finishedAt: Date.now() }),
      );
      const show = page
        .getByTestId('job-toast')
        .filter({ hasText: '2 failed' })
        .getByRole('button', { name: 'Show in Activity' });
      await expect(show).toBeVisible();
      // Sonner's own hotkey puts the focus on the toasts; Tab walks to the toast, then into it.
      await page.keyboard.press('Alt+t');
      await expect(page.locator('[data-sonner-toaster]')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(show.locator('xpath=ancestor::li[@data-sonner-toast]')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(show).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
    });

    test('more than three job toasts collapse into one', async ({ harness }) => {
      const { page } = harness;
      await push(page, progress('a'));
      await push(page, progress('b', { kind: 'move-group', label: 'Move to group' }));
      await push(page, progress('c', { state: 'done', ok: 40, finishedAt: Date.now() }));
      await expect(page.getByTestId('job-toast')).toHaveCount(3);
      await push(
        page,
        progress('d', { state: 'failures', ok: 35, failed: 5, finishedAt: Date.now() }),
      );
      const summary = page.getByTestId('job-toasts-summary');
      await expect(summary).toHaveText(/4 jobs: 2 running, 2 ended, 5 failed/);
      await expect(page.getByTestId('job-toast')).toHaveCount(0);
      await summary.getByRole('button', { name: 'Close' }).click();
      await expect(summary).toHaveCount(0);
      // A running job hidden with the summary still says how it ended.
      await push(
        page,
        progress('b', { kind: 'move-group', label: 'Move to group', state: 'done', ok: 40 }),
      );
      await expect(page.getByTestId('job-toast')).toContainText('Move to group: done · 40 ok');
    });
  });
}
