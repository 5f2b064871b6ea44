/**
 * Issue 23, a short tour on a 1280×720 laptop and a 1400×860 window against the real core
 * and the demo sandbox (every vendor emulated, no fake deck): the Profiles header is one
 * line, Status is in view with the panel closed, a hidden, a moved, a pinned and a resized
 * column and the compact density are remembered after a reload (by mouse and by keyboard),
 * a saved view is put back, and a bulk remark's toast ends as a chip clear of the bulk bar.
 */
import type { Locator, Page } from '@playwright/test';
import type { Profile } from '../../shared/model';
import { test, expect } from './support/harness';
import {
  bulkAction,
  columnHeader as header,
  columnOrder,
  columnWidth,
  expectHeaderOneLine,
  SCREENS,
} from './support/profiles-page';

/** Enough profiles for the counts to be wide: "2,000 / 2,000 shown · 2,000 selected". */
const PROFILES = 2_000;
const TOTAL = `${PROFILES.toLocaleString('en-US')} / ${PROFILES.toLocaleString('en-US')}`;

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search profiles' });

type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;
async function box(target: Locator): Promise<Box> {
  const b = await target.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const screen of SCREENS)
  test(`a working day at ${screen.width}×${screen.height}: one-line header, Status in view, columns and a view remembered, the job chip clear of the bulk bar`, async ({
    harness,
  }) => {
    const { page, appUrl, core } = harness;
    const size = `${screen.width}x${screen.height}`;
    await page.setViewportSize(screen);
    expect(await core.dispatch('demo:start', { profiles: PROFILES })).toMatchObject({ ok: true });
    await page.goto(appUrl);
    await expect(page.getByTestId('shown-total')).toHaveText(TOTAL, { timeout: 30_000 });
    const grid = page.getByRole('grid', { name: 'Profiles' });
    const rows = page.locator('[role=grid] [role=row][data-key]');

    // Fits the laptop with the panel closed: no sideways scrolling, Status and Open in view.
    await expect(page.getByRole('complementary', { name: 'Profile' })).toBeHidden();
    expect(await grid.evaluate((g) => g.scrollWidth - g.clientWidth)).toBeLessThanOrEqual(0);
    await expect(page.getByRole('columnheader', { name: /Status/ })).toBeInViewport({ ratio: 1 });
    await expect(rows.first().getByRole('button', { name: /^Open / })).toBeInViewport({ ratio: 1 });

    // The header stays one line with every profile selected (the widest counts).
    await rows.first().click();
    await page.keyboard.press('Control+A');
    await expect(page.getByTestId('selected-count')).toHaveText(PROFILES.toLocaleString('en-US'));
    await expectHeaderOneLine(page);
    await page.screenshot({ path: `tests/e2e/screenshots/daily-driver-${size}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('selected-count')).toHaveText('0');

    // Columns: Remark hidden, Name dragged before Connection and pinned left, Group widened
    // by its handle (mouse) and Name by the keyboard; all remembered after a reload.
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Remark' }).uncheck();
    await page.keyboard.press('Escape');
    await header(page, 'name')
      .getByRole('button')
      .dragTo(header(page, 'connection'), { targetPosition: { x: 10, y: 10 } });
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('combobox', { name: 'Pin Name' }).selectOption('left');
    await page.keyboard.press('Escape');
    const groupWidth = await columnWidth(page, 'group');
    const handle = await box(page.getByRole('separator', { name: 'Resize Group' }));
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 40, handle.y + handle.height / 2, {
      steps: 4,
    });
    await page.mouse.up();
    const nameWidth = await columnWidth(page, 'name');
    await page.getByRole('separator', { name: 'Resize Name' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // The density, by keyboard from the Columns menu.
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('radio', { name: 'Compact' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    const arranged = await columnOrder(page);
    expect(arranged.slice(0, 2)).toEqual(['name', 'connection']);
    expect(arranged).not.toContain('remark');
    const remembered = async () => {
      expect(await columnOrder(page)).toEqual(arranged);
      await expect(header(page, 'name')).toHaveAttribute('data-pinned', 'left');
      expect(await columnWidth(page, 'group')).toBeCloseTo(groupWidth + 40, 0);
      expect(await columnWidth(page, 'name')).toBeCloseTo(nameWidth + 20, 0);
      expect((await box(rows.first())).height).toBe(26);
      // Status is pinned right by default: still in view, however wide the rest became.
      await expect(page.getByRole('columnheader', { name: /Status/ })).toBeInViewport({
        ratio: 1,
      });
    };
    await remembered();
    await page.reload();
    await expect(page.getByTestId('shown-total')).toHaveText(TOTAL, { timeout: 30_000 });
    await remembered();

    // A saved view: a search and the columns, put back from the sidebar after clearing.
    await search(page).fill('tag:vip');
    await expect(page.getByTestId('shown-total')).not.toHaveText(TOTAL);
    const vipShown = await page.getByTestId('shown-total').innerText();
    await page.getByRole('button', { name: 'Save view…' }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save view' });
    await saveDialog.getByLabel('Name').fill('VIP on the laptop');
    await saveDialog.getByRole('button', { name: 'Save view' }).click();
    await expect(saveDialog).toBeHidden();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('shown-total')).toHaveText(TOTAL);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Remark' }).check();
    await page.keyboard.press('Escape');
    await page
      .getByRole('region', { name: 'Saved views' })
      .getByRole('button', { name: 'VIP on the laptop', exact: true })
      .click();
    await expect(search(page)).toHaveValue('tag:vip');
    await expect(page.getByTestId('shown-total')).toHaveText(vipShown);
    expect(await columnOrder(page)).toEqual(arranged);

    // A bulk remark on five rows: the vendors have it, and the toast ends as a chip that
    // leaves the bulk bar (still up: the rows stay selected) uncovered.
    await rows.nth(0).click();
    await rows.nth(4).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selected-count')).toHaveText('5');
    const keys = await rows
      .evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-key')!))
      .then((k) => k.map(String));
    const dialog = await bulkAction(page, 'Set remark…');
    await dialog.getByLabel('Remark').fill('laptop tour');
    await dialog.getByRole('button', { name: 'Set remark' }).click();
    const chip = page
      .getByTestId('job-toast')
      .filter({ hasText: 'Set remark' })
      .and(page.locator('[data-state=done]'));
    await expect(chip).toContainText('5 ok');
    const li = chip.locator('xpath=ancestor::li[@data-sonner-toast]');
    await expect(li).toHaveAttribute('data-mounted', 'true');
    await li.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
    await expect(bar).toBeVisible();
    const chipBox = await box(chip);
    expect(chipBox.height, 'a one-line chip').toBeLessThan(40);
    expect(overlaps(chipBox, await box(bar)), 'chip over the bulk bar').toBe(false);
    expect(
      overlaps(chipBox, await box(page.getByTestId('selected-count'))),
      'chip over the counts',
    ).toBe(false);
    await page.screenshot({ path: `tests/e2e/screenshots/daily-driver-chip-${size}.png` });

    const listed = await core.dispatch('profiles:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const { profiles } = listed.data as { profiles: Profile[] };
    const remarks = new Map(profiles.map((p) => [p.key, p.remark]));
    for (const key of keys) expect(remarks.get(key), key).toBe('laptop tour');
  });
