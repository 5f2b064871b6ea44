import { serveDirectory } from './support/static-server';
import { test, expect } from './support/harness';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('the built renderer shows app:info from the real core', async ({ harness }) => {
  const { page, appUrl } = harness;
  await page.goto(appUrl);
  await expect(page.getByTestId('app-version')).toHaveText('0.1.0-harness');
  await expect(page.getByTestId('app-info')).toContainText('browser harness');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  for (const name of ['Profiles', 'Sessions', 'Connections', 'Activity', 'Scripts', 'Settings']) {
    await expect(nav.getByRole('button', { name, exact: true })).toBeVisible();
  }
  const ok = harness.responses.find((r) => r.channel === 'app:info');
  expect(ok?.response).toMatchObject({ ok: true, data: { version: '0.1.0-harness' } });
});

test('a request from a foreign frame is refused, and the app keeps serving', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  const dir = await mkdtemp(join(tmpdir(), 'deck-foreign-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><p>foreign</p><iframe name="inner" src="${appUrl}/"></iframe>`,
  );
  const foreign = await serveDirectory(dir);
  try {
    // The app's CSP forbids frames, so a foreign page can only reach the bridge by being
    // the top page (a hijacked navigation) or by framing the app: both must be refused.
    await page.goto(`${foreign.url}/index.html`);
    const invoke = () =>
      (window as unknown as { __deckInvoke(c: string, r: unknown): Promise<unknown> }).__deckInvoke(
        'app:info',
        {},
      );
    expect(await page.evaluate(invoke)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const inner = page.frame({ name: 'inner' });
    await expect.poll(() => inner?.url()).toContain(appUrl);
    expect(await inner!.evaluate(invoke)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The app's own page is still served.
    await page.goto(appUrl);
    await expect(page.getByTestId('app-version')).toHaveText('0.1.0-harness');
  } finally {
    await foreign.close();
  }
});

test('a malformed request gets invalid-input naming the field', async ({ harness }) => {
  const { page, appUrl } = harness;
  await page.goto(appUrl);
  const bad = await page.evaluate(() =>
    window.deck.settings.update({ openConcurrency: 'two' as unknown as number }),
  );
  expect(bad).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', details: { field: 'openConcurrency' } },
  });
  const good = await page.evaluate(() => window.deck.settings.update({ openConcurrency: 3 }));
  expect(good).toMatchObject({ ok: true, data: { openConcurrency: 3 } });
});
