/**
 * The profiles table against the real core and the vendor sandbox (no fakes): what the
 * user does in the table must be exactly what the vendor's records show afterwards.
 */
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { chooseFacet } from './support/facets';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 120, cosProfiles: 80, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});

test('with no connection the table offers the sandbox, and "Add a connection" opens the add dialog right there', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await page.goto(appUrl);
  await expect(page.getByText('No connections yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the built-in sandbox' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a connection by hand' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a connection' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('button', { name: 'Profiles', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(sandbox.ix.url);
  await dialog.getByRole('button', { name: 'Add connection' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('shown-total')).toHaveText(
    `${sandbox.ix.profiles().length} / ${sandbox.ix.profiles().length}`,
  );
});

test('filter, Shift-select 25, move to a group: the sandbox shows exactly those 25 moved', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const added = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Sandbox ix',
    baseUrl: sandbox.ix.url,
  });
  expect(added).toMatchObject({ ok: true });
  await core.dispatch('connections:add', {
    vendor: 'cos',
    label: 'Sandbox cos',
    baseUrl: sandbox.cos.url,
    token: sandbox.cos.token,
  });
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('200 / 200');

  await chooseFacet(page, 'Connections', 'Sandbox ix');
  await expect(page.getByTestId('shown-total')).toHaveText('120 / 200');
  await page.getByRole('button', { name: 'ID', exact: true }).click();

  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.nth(0).click();
  await rows.nth(24).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('25');
  // Sorted by ID, the first 25 rows are the 25 lowest ids. (Not read from the DOM: the grid
  // scrolls with the focus, so the first row may be unmounted by now.)
  const chosen = sandbox.ix
    .profiles()
    .map((p) => p.profile_id)
    .sort((x, y) => x - y)
    .slice(0, 25);
  const selectedInDom = await rows.evaluateAll((els) =>
    els
      .filter((e) => e.getAttribute('aria-selected') === 'true')
      .map((e) => Number(e.getAttribute('data-key')!.split('/').pop())),
  );
  expect(selectedInDom.length).toBeGreaterThan(0);
  expect(chosen).toEqual(expect.arrayContaining(selectedInDom));

  const target = sandbox.ix.profiles().find((p) => !chosen.includes(p.profile_id))!;
  const groupOf = () => new Map(sandbox.ix.profiles().map((p) => [p.profile_id, p.group_id]));
  const before = groupOf();
  await page.getByRole('button', { name: 'Move to group…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move 25 profiles to a group' });
  await dialog.getByRole('combobox', { name: /^Group in Sandbox ix/ }).selectOption({
    label: target.group_name,
  });
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();

  const inTarget = () =>
    sandbox.ix
      .profiles()
      .filter((p) => p.group_id === target.group_id)
      .map((p) => p.profile_id);
  await expect.poll(inTarget).toEqual(expect.arrayContaining(chosen));
  // Exactly those 25: every profile whose group changed is one of them.
  const after = groupOf();
  const changed = [...after].filter(([id, g]) => before.get(id) !== g).map(([id]) => id);
  expect(changed.every((id) => chosen.includes(id))).toBe(true);
  expect(changed.length).toBe(chosen.filter((id) => before.get(id) !== target.group_id).length);
  // The table shows the new group without a reload (on the focused row, the one in view).
  await expect(
    page.locator(`[role=row][data-key$="/${chosen[24]}"] [role=gridcell]`).nth(3),
  ).toHaveText(target.group_name);
});
