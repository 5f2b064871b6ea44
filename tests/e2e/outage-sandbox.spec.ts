/**
 * An outage never empties the table (real core, real sandbox): the vendor clients stop while
 * the table is open; Reload and a page reload keep the last rows, marked stale, with a
 * message that says what is true; the clients come back and Reload brings fresh rows.
 */
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 30, cosProfiles: 20, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});

test('vendors stop: the last rows stay, stale, with the true message; back: fresh rows', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  for (const request of [
    { vendor: 'ixbrowser', label: 'Office ix', baseUrl: sandbox.ix.url },
    { vendor: 'cos', label: 'Office Cos', baseUrl: sandbox.cos.url, token: sandbox.cos.token },
  ])
    expect(await core.dispatch('connections:add', request)).toMatchObject({ ok: true });
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('50 / 50');
  const stale = page.locator('[role=grid] [role=row][data-stale]');
  await expect(stale).toHaveCount(0);

  const ports = {
    ix: Number(new URL(sandbox.ix.url).port),
    cos: Number(new URL(sandbox.cos.url).port),
  };
  const token = sandbox.cos.token;
  await sandbox.stop();

  const expectStale = async () => {
    await expect(page.getByTestId('shown-total')).toHaveText('50 / 50');
    await expect(stale.first()).toBeVisible();
    await expect(
      page.getByText(
        /Office ix does not answer \(.*not reachable.*\)\. Its 30 profiles from the last listing, .*, are shown as stale\./,
      ),
    ).toBeVisible();
    await expect(
      page.getByText(/Office Cos does not answer .*Its 20 profiles from the last listing/),
    ).toBeVisible();
    await expect(page.getByText('These connections have no profiles yet.')).toHaveCount(0);
    await expect(page.getByText(/The other connections are shown/)).toHaveCount(0);
    await expect(stale.first().getByText('stale')).toBeVisible();
  };

  await page.getByRole('button', { name: 'Reload', exact: true }).click();
  await expectStale();
  await page.screenshot({ path: 'tests/e2e/screenshots/outage-stale.png' });

  await page.reload();
  await expectStale();

  sandbox = await startSandbox({
    ixProfiles: 30,
    cosProfiles: 20,
    chromiumPath: null,
    cosToken: token,
    ixPort: ports.ix,
    cosPort: ports.cos,
  });
  await page.getByRole('button', { name: 'Reload', exact: true }).click();
  await expect(stale).toHaveCount(0);
  await expect(page.getByText(/does not answer/)).toHaveCount(0);
  await expect(page.getByTestId('shown-total')).toHaveText('50 / 50');
});

test('no client answers and none was ever listed: the empty state says so', async ({ harness }) => {
  const { page, appUrl, core } = harness;
  expect(
    await core.dispatch('connections:add', { vendor: 'ixbrowser', baseUrl: 'http://127.0.0.1:1' }),
  ).toMatchObject({ ok: true });
  await page.goto(appUrl);
  await expect(
    page.getByText(/No connection answered, and none has an earlier listing/),
  ).toBeVisible();
  await expect(
    page.getByText(/its profiles could not be listed .* there is no earlier listing to show\.$/),
  ).toBeVisible();
  await expect(page.getByText('These connections have no profiles yet.')).toHaveCount(0);
});

test('a slow client: on reload the last rows show at once, stale, then the fresh ones', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  expect(
    await core.dispatch('connections:add', {
      vendor: 'ixbrowser',
      label: 'Slow ix',
      baseUrl: sandbox.ix.url,
    }),
  ).toMatchObject({ ok: true });
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('30 / 30');

  // Every answer now takes 1.5 s: a listing takes seconds, the last rows must not.
  sandbox.setFaults({ latencyMs: 1_500 });
  await page.reload();
  const stale = page.locator('[role=grid] [role=row][data-stale]');
  await expect(
    page.getByText(/^Listing… Until each listing is complete, rows of Slow ix/),
  ).toBeVisible({
    timeout: 1_000,
  });
  await expect(page.getByTestId('shown-total')).toHaveText('30 / 30');
  await expect(stale).not.toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/listing-preview.png' });

  // The listing arrives: no banner, nothing stale.
  await expect(page.getByText(/^Listing…/)).toHaveCount(0, { timeout: 15_000 });
  await expect(stale).toHaveCount(0);
  await expect(page.getByTestId('shown-total')).toHaveText('30 / 30');
  sandbox.setFaults({});
});
