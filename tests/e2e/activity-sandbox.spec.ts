/**
 * Bulk jobs end to end: the real core and providers against the built-in sandbox, whose
 * fault injection makes the vendor refuse some profiles.
 */
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ profiles: 30, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });

test('a bulk remark where the vendor refuses some profiles: reasons shown, "Retry failed" completes them', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await page.goto(appUrl);
  // The app is a dynamic import after the page loads: a job that ended before it mounted
  // would have told no one (its toasts subscribe on mount).
  await expect(page.getByTestId('app-version')).toBeVisible();
  const added = await page.evaluate(
    (baseUrl) => window.deck.connections.add({ vendor: 'ixbrowser', baseUrl }),
    sandbox.ix.url,
  );
  if (!added.ok) throw new Error(added.error.message);
  const connectionId = added.data.id;
  const listed = await page.evaluate(
    (id) => window.deck.profiles.list({ connectionIds: [id] }),
    connectionId,
  );
  if (!listed.ok) throw new Error(listed.error.message);
  const chosen = listed.data.profiles.slice(0, 10);
  const refused = chosen.slice(3, 5);
  sandbox.setFaults({ failIds: refused.map((p) => p.vendorId) });
  const recordOf = (vendorId: string) =>
    sandbox.ix.profiles().find((r) => String(r.profile_id) === vendorId);
  const remarkOf = (vendorId: string) => recordOf(vendorId)?.note;
  const untouched = listed.data.profiles.slice(10);
  const untouchedBefore = untouched.map((p) => JSON.stringify(recordOf(p.vendorId)));

  await page.evaluate(
    (keys) =>
      window.deck.jobs.start({ action: { kind: 'set-remark', remark: 'checked by deck' }, keys }),
    chosen.map((p) => p.key),
  );
  const toast = page.getByTestId('job-toast');
  await expect(toast).toContainText('Set remark: finished with 2 failed');
  await expect(toast).toContainText('8 ok, 2 failed');
  await toast.getByRole('button', { name: 'Show in Activity' }).click();

  const entry = page.getByTestId('job-entry').first();
  const failed = entry.locator('[data-testid="job-item"][data-state="failed"]');
  await expect(failed).toHaveCount(2);
  for (const p of refused) await expect(failed.filter({ hasText: p.name })).toContainText('1011');
  // What the job set, and each item's connection by the label people know it by.
  await expect(entry.getByTestId('job-applied')).toHaveText(' → "checked by deck"');
  await expect(failed.first().locator('td').nth(2)).toHaveText(added.data.label);
  await page.screenshot({ path: test.info().outputPath('activity-sandbox.png') });
  // The vendor's records: the 8 it accepted carry the remark, the 2 it refused do not.
  for (const p of chosen) {
    const refusedHere = refused.includes(p);
    expect(remarkOf(p.vendorId) === 'checked by deck', p.name).toBe(!refusedHere);
  }

  sandbox.setFaults({});
  await entry.getByRole('button', { name: /^Retry failed/ }).click();
  const retry = page.getByTestId('job-entry').first();
  await expect(retry).toContainText('Set remark (retry)');
  await expect(retry).toContainText('2 ok of 2');
  for (const p of chosen) expect(remarkOf(p.vendorId), p.name).toBe('checked by deck');
  // Neither run touched a profile outside the job.
  expect(untouched.map((p) => JSON.stringify(recordOf(p.vendorId)))).toEqual(untouchedBefore);
});

test('"Move to group…" from the table: Activity says where the profiles went', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const added = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Shop PC',
    baseUrl: sandbox.ix.url,
  });
  if (!added.ok) throw new Error(added.error.message);
  await page.goto(appUrl);
  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Move to group…' })
    .click();
  const dialog = page.getByRole('dialog');
  const select = dialog.getByRole('combobox', { name: 'Group in Shop PC' });
  // The groups arrive after the dialog opens: until then "New group…" is the only choice.
  const groups = select.locator('option:not([disabled])');
  await expect.poll(() => groups.count()).toBeGreaterThan(1);
  const target = (await groups.first().textContent())!;
  await select.selectOption({ label: target });
  await dialog.getByRole('button', { name: 'Move' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Activity' })
    .click();
  const entry = page.getByTestId('job-entry').first();
  await expect(entry).toContainText(`Move to group → ${target}`);
  await expect(entry).toContainText('3 ok of 3');
});
