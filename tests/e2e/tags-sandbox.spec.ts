/**
 * Issue 23, point 5, against the real core and the vendor sandbox: tags added to profiles
 * of both vendors keep each profile's own tags, removed by keyboard, replaced, and Undo
 * puts each profile's set back. What the vendors hold is read through the core.
 */
import type { Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import type { Core } from '../../electron/main/core';
import type { Profile } from '../../shared/model';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 12, cosProfiles: 12, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });

/** Every profile's tag names as its vendor has them now, sorted. */
async function vendorTags(core: Core): Promise<Map<string, string[]>> {
  const listed = await core.dispatch('profiles:list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const { profiles } = listed.data as { profiles: Profile[] };
  return new Map(profiles.map((p) => [p.key, p.tags.map((t) => t.name).sort()]));
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** Waits for the job toast of `label` to say it is done. */
const jobDone = (page: Page, label: string) =>
  expect(
    page.getByTestId('job-toast').filter({ hasText: label }).filter({ hasText: 'done' }),
  ).toBeVisible();

test('Tags: add to 6 profiles of both vendors, remove by keyboard, Undo, replace', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  for (const request of [
    { vendor: 'ixbrowser', label: 'Sandbox ix', baseUrl: sandbox.ix.url },
    { vendor: 'cos', label: 'Sandbox cos', baseUrl: sandbox.cos.url, token: sandbox.cos.token },
  ])
    expect(await core.dispatch('connections:add', request)).toMatchObject({ ok: true });
  const before = await vendorTags(core);
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('24 / 24');

  // Six rows across the two connections: the last three of ixBrowser, the first three of Cos.
  const rows = page.locator('[role=grid] [role=row][data-key]');
  const keys = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!)))
    .slice(9, 15)
    .map(String);
  expect(new Set(keys.map((k) => k.split('/')[0])).size).toBe(2);
  await rows.nth(9).click();
  await rows.nth(14).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('6');
  const chosen = new Set(keys);

  // Add, by mouse: each profile keeps its own tags.
  await page.getByRole('button', { name: 'Tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags of 6 profiles' });
  await expect(dialog.getByRole('radio', { name: 'Add' })).toBeChecked();
  await dialog.getByLabel('Tags, comma-separated').fill('vip-e2e, 账号 97');
  for (const [width, height] of [
    [1400, 860],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(dialog.getByRole('button', { name: 'Add tags' })).toBeInViewport();
    await page.screenshot({ path: `tests/e2e/screenshots/tags-add-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 860 });
  await dialog.getByRole('button', { name: 'Add tags' }).click();
  await expect(dialog).toBeHidden();
  await jobDone(page, 'Add tags');
  const added = await vendorTags(core);
  for (const [key, tags] of before) {
    const want = chosen.has(key) ? sorted([...tags, 'vip-e2e', '账号 97']) : tags;
    expect(added.get(key), key).toEqual(want);
  }

  // Remove, by keyboard: the mode by arrow key, the names typed, Enter.
  await page.getByRole('button', { name: 'Tags…' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Tags, comma-separated')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('radio', { name: 'Add' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Remove' })).toBeChecked();
  // Remove offers the tags the selection has, with how many have each.
  await expect(dialog.getByRole('button', { name: '+ vip-e2e (6)' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type('vip-e2e');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await jobDone(page, 'Remove tags');
  const removed = await vendorTags(core);
  for (const [key, tags] of before) {
    const want = chosen.has(key) ? sorted([...tags, '账号 97']) : tags;
    expect(removed.get(key), key).toEqual(want);
  }

  // Undo of the removal, in Activity: each profile gets its own set back.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Activity' })
    .click();
  await page.getByRole('button', { name: 'Undo: Remove tags "vip-e2e"' }).click();
  await expect(page.getByTestId('job-entry').filter({ hasText: 'Undo change tags' })).toContainText(
    '6 ok',
  );
  expect(await vendorTags(core)).toEqual(added);

  // Replace: exactly these tags, whatever each had.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Profiles' })
    .click();
  await page.getByRole('button', { name: 'Tags…' }).click();
  await dialog.getByRole('radio', { name: 'Replace' }).check();
  await dialog.getByLabel('Tags, comma-separated').fill('only-this');
  await dialog.getByRole('button', { name: 'Replace tags' }).click();
  await jobDone(page, 'Set tags');
  const replaced = await vendorTags(core);
  for (const [key, tags] of before)
    expect(replaced.get(key), key).toEqual(chosen.has(key) ? ['only-this'] : tags);
});
