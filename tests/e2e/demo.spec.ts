/**
 * A first start with no vendor client, against the real core: the demo offer starts the
 * built-in sandbox in-process (real Chromium when found), its demo connections (one per
 * vendor) list 200 profiles, and removing them stops it.
 */
import { test, expect } from './support/harness';

test('first start with no vendor client: the demo offer lists 200 profiles; removing its connections stops it', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await page.goto(appUrl);
  await expect(page.getByText('No connections yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Try the built-in sandbox' }).click();
  await expect(page.getByTestId('shown-total')).toHaveText('200 / 200', { timeout: 20_000 });

  const sandbox = core.services.demo.sandbox();
  expect(sandbox).not.toBeNull();
  // Shared out between the four vendors.
  for (const records of [sandbox!.ix, sandbox!.cos, sandbox!.bit, sandbox!.ads])
    expect(records.profiles()).toHaveLength(50);
  const info = await core.dispatch('app:info', {});
  expect(info).toMatchObject({ ok: true, data: { demo: { running: true } } });

  // Every vendor's rows are in the one table, labelled by their demo connections.
  await page
    .getByRole('combobox', { name: 'Connections' })
    .selectOption({ label: 'Demo CosLogin' });
  await expect(page.getByTestId('shown-total')).toHaveText('50 / 200');

  // Removing the demo connections (as the Connections view does) stops the sandbox with the last.
  const list = await core.dispatch('connections:list', {});
  const ids = (list as { ok: true; data: Array<{ id: string; demo: boolean }> }).data
    .filter((c) => c.demo)
    .map((c) => c.id);
  expect(ids).toHaveLength(4);
  const ixUrl = sandbox!.ix.url;
  for (const id of ids.slice(0, -1)) {
    await core.dispatch('connections:remove', { id });
    expect(core.services.demo.sandbox()).not.toBeNull();
  }
  await core.dispatch('connections:remove', { id: ids.at(-1) });
  expect(core.services.demo.sandbox()).toBeNull();
  await expect(
    fetch(`${ixUrl}/api/v2/profile-list`, { method: 'POST', body: '{}' }),
  ).rejects.toThrow();
  expect(await core.dispatch('app:info', {})).toMatchObject({
    ok: true,
    data: { demo: { running: false } },
  });
});
