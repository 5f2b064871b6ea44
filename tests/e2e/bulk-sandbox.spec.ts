/**
 * Select-all under a filter against the real core and the vendor sandbox (no fakes):
 * Ctrl+A takes the rows the filter shows, so a bulk edit after it must leave every row the
 * filter hides exactly as it was in the vendor's records.
 */
import {
  startSandbox,
  type CosProfileRecord,
  type IxProfileRecord,
  type Sandbox,
} from '../../electron/sandbox';
import { chooseFacet } from './support/facets';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 40, cosProfiles: 25, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });

const REMARK = 'only the filtered rows';

test('Ctrl+A under a group filter, then "Set remark…": only the filtered rows change in the sandbox', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const add = async (request: Record<string, string>) => {
    const added = await core.dispatch('connections:add', request);
    if (!added.ok) throw new Error(added.error.message);
    return (added.data as { id: string }).id;
  };
  const ix = await add({ vendor: 'ixbrowser', label: 'Sandbox ix', baseUrl: sandbox.ix.url });
  const cos = await add({
    vendor: 'cos',
    label: 'Sandbox cos',
    baseUrl: sandbox.cos.url,
    token: sandbox.cos.token,
  });
  // Every record of both vendors, under the key the table gives its row.
  const snapshot = () =>
    new Map<string, IxProfileRecord | CosProfileRecord>([
      ...sandbox.ix.profiles().map((r) => [`${ix}/${r.profile_id}`, r] as const),
      ...sandbox.cos.profiles().map((r) => [`${cos}/${r.id}`, r] as const),
    ]);
  const remarkOf = (key: string) => {
    const r = snapshot().get(key);
    return r && ('note' in r ? r.note : r.remark);
  };
  const before = new Map([...snapshot()].map(([k, r]) => [k, JSON.stringify(r)]));
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('65 / 65');

  // The group with the most ixBrowser profiles, so the filter leaves many rows on both sides.
  const counts = new Map<string, number>();
  for (const r of sandbox.ix.profiles())
    counts.set(r.group_name, (counts.get(r.group_name) ?? 0) + 1);
  const group = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const inGroup = new Set(
    sandbox.ix
      .profiles()
      .filter((r) => r.group_name === group)
      .map((r) => `${ix}/${r.profile_id}`),
  );

  // A row the filter will hide is selected first: select-all must not keep it.
  const rows = page.locator('[role=grid] [role=row][data-key]');
  const outside = rows.filter({ hasNot: page.getByRole('gridcell', { name: group, exact: true }) });
  await outside.first().click();
  await expect(page.getByTestId('selected-count')).toHaveText('1');

  await chooseFacet(page, 'Groups', group);
  await expect(page.getByTestId('bulk-count')).toContainText('hidden by filters');
  const shown = await page.getByTestId('shown-total').innerText();
  const filtered = Number(shown.split(' / ')[0]);
  expect(filtered).toBeGreaterThanOrEqual(inGroup.size);
  expect(filtered).toBeLessThan(65);

  await rows.first().click();
  await page.keyboard.press('Control+A');
  await expect(page.getByTestId('selected-count')).toHaveText(String(filtered));
  await expect(page.getByTestId('bulk-count')).not.toContainText('hidden');
  // The filter shows every row of the group, of either vendor (CosLogin may have one too).
  const chosen = (await rows.evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-key')!),
  )) as string[];
  expect(chosen).toHaveLength(filtered);

  await page.getByRole('button', { name: 'Set remark…' }).click();
  const dialog = page.getByRole('dialog', { name: `Set remark on ${filtered} profiles` });
  await dialog.getByLabel('Remark').fill(REMARK);
  await page.screenshot({ path: test.info().outputPath('bulk-remark-filtered.png') });
  await dialog.getByRole('button', { name: 'Set remark' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toContainText(
    `${filtered} ok`,
  );

  const changed = new Set(chosen);
  for (const k of inGroup) expect(changed.has(k), k).toBe(true);
  for (const k of changed) expect(remarkOf(k), k).toBe(REMARK);
  const after = snapshot();
  for (const [k, json] of before) {
    if (!changed.has(k)) expect(JSON.stringify(after.get(k)), `${k} is hidden`).toBe(json);
  }
});
