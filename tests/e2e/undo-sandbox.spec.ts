/**
 * Undo of a bulk edit against the real core and the vendor sandbox: a remark set on 50
 * profiles, one of them edited again by hand in the vendor's own app, then "Undo" in
 * Activity puts back 49 and leaves the hand-edited one alone, saying why.
 */
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 50, cosProfiles: 1, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });

test('a bulk remark on 50 profiles, one edited again by hand, Undo: 49 restored, 1 skipped with its reason', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const added = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Sandbox ix',
    baseUrl: sandbox.ix.url,
  });
  expect(added.ok).toBe(true);
  const before = new Map(sandbox.ix.profiles().map((r) => [r.profile_id, r.note]));
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('50 / 50');

  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.first().click();
  await page.keyboard.press('Control+A');
  await expect(page.getByTestId('selected-count')).toHaveText('50');
  await page.getByRole('button', { name: 'Set remark…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set remark on 50 profiles' });
  await dialog.getByLabel('Remark').fill('wrong remark for everyone');
  await dialog.getByRole('button', { name: 'Set remark' }).click();
  await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toContainText('50 ok');
  expect(sandbox.ix.profiles().every((r) => r.note === 'wrong remark for everyone')).toBe(true);

  // Someone fixes one profile by hand in ixBrowser itself.
  const fixed = sandbox.ix.profiles()[17]!;
  fixed.note = 'fixed by hand';

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Activity' })
    .click();
  const entries = page.getByTestId('job-entry');
  await entries.first().getByRole('button', { name: 'Undo: Set remark' }).click();

  const undo = entries.filter({ hasText: 'Undo set remark' });
  await expect(undo).toContainText('49 ok, 1 skipped of 50');
  await expect(entries.filter({ hasText: 'Set remark' }).last()).toContainText('Undone');
  await undo.getByRole('button', { expanded: false }).click();
  const skipped = undo.locator('[data-testid=job-item][data-state=skipped]');
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toContainText(
    'its remark was changed after the edit (now "fixed by hand", the edit set "wrong remark for everyone")',
  );
  await page.screenshot({ path: test.info().outputPath('undo.png') });

  for (const record of sandbox.ix.profiles()) {
    const expected = record === fixed ? 'fixed by hand' : before.get(record.profile_id);
    expect(record.note, `profile ${record.profile_id}`).toBe(expected);
  }
});

test('Ctrl+Z undoes the last bulk edit (listed under ?), not while typing in a field', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  expect(
    await core.dispatch('connections:add', {
      vendor: 'ixbrowser',
      label: 'Sandbox ix',
      baseUrl: sandbox.ix.url,
    }),
  ).toMatchObject({ ok: true });
  const before = new Map(sandbox.ix.profiles().map((r) => [r.profile_id, r.note]));
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('50 / 50');

  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.nth(0).click();
  await rows.nth(4).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('5');
  await page.getByRole('button', { name: 'Set remark…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set remark on 5 profiles' });
  await dialog.getByLabel('Remark').fill('set by mistake');
  await dialog.getByRole('button', { name: 'Set remark' }).click();
  await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toContainText('5 ok');
  const edited = () => sandbox.ix.profiles().filter((r) => r.note === 'set by mistake');
  expect(edited()).toHaveLength(5);

  // In the search field Ctrl+Z is the field's own: it undoes the typing, not the edit.
  const search = page.getByRole('searchbox', { name: 'Search profiles' });
  await search.pressSequentially('zzz');
  await search.press('Control+Z');
  await expect(search).not.toHaveValue('zzz');
  await search.fill('');
  await rows.nth(10).click();

  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(
    list.locator('div').filter({ hasText: 'Undo the last bulk edit' }).last(),
  ).toContainText('Ctrl+Z');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  expect(edited()).toHaveLength(5);
  await expect(page.getByTestId('job-toast').filter({ hasText: 'Undo' })).toHaveCount(0);

  await page.keyboard.press('Control+Z');
  await expect(
    page
      .getByTestId('job-toast')
      .filter({ hasText: 'Undo set remark' })
      .filter({ hasText: 'done' }),
  ).toContainText('5 ok');
  expect(edited()).toHaveLength(0);
  for (const record of sandbox.ix.profiles())
    expect(record.note, `profile ${record.profile_id}`).toBe(before.get(record.profile_id));

  // Nothing older to undo: said so, and no second undo job starts.
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('Nothing to undo')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Activity' })
    .click();
  const entries = page.getByTestId('job-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: 'Undo set remark' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Set remark' }).last()).toContainText('Undone');
});
