/**
 * Connections view. The field-error test runs on the real core (main validates the request
 * before any handler). The others are FAKE-BACKED: `connections:*` and `demo:*` are not
 * wired in main yet, so an init script (run after the harness bridge) swaps those methods
 * of `window.deck` for fakes the test controls. Switch them to the sandbox once they land.
 */
import type { Page } from '@playwright/test';
import type { ResponseOf } from '../../shared/ipc/contract';
import type { DeckErrorValue } from '../../shared/ipc/result';
import type { Connection } from '../../shared/model';
import { connection as connectionFixture } from '../fixtures/profile';
import { test, expect } from './support/harness';

type Detected = ResponseOf<'connections:detect'>;
interface FakeState {
  connections: Connection[];
  detected: Detected;
  /** What demo:start adds. */
  demoConnections: Connection[];
  demoSimulated: boolean;
  secretStorage: 'encrypted' | 'memory';
  /** Per connection id: an error connections:test answers with (else ok). */
  testErrors: Record<string, DeckErrorValue>;
}
type Call = [channel: string, request: unknown];

const connection = (over: Partial<Connection> & Pick<Connection, 'id' | 'vendor'>): Connection =>
  connectionFixture(over.id, {
    label: over.vendor === 'cos' ? 'CosLogin' : 'ixBrowser',
    health: { state: 'ok', checkedAt: Date.now() - 120_000, profileCount: 12 },
    ...over,
  });

/** Runs in the page after the harness bridge: replaces connections, demo and app:info. */
function installFakes(initial: FakeState) {
  const w = window as unknown as {
    deck: Record<string, Record<string, (req?: unknown) => Promise<unknown>>>;
    __fake: FakeState;
    __calls: Call[];
    __releaseDemo?: () => void;
  };
  w.__fake = initial;
  w.__calls = [];
  const ok = (data: unknown) => ({ ok: true, data });
  const record = (channel: string, request: unknown) => w.__calls.push([channel, request]);
  const realInfo = w.deck['app']!['info']!;
  w.deck['app'] = {
    info: async () => {
      const real = (await realInfo()) as { ok: boolean; data: Record<string, unknown> };
      const demo = w.__fake.connections.some((c) => c.demo)
        ? { running: true, simulated: w.__fake.demoSimulated }
        : { running: false, simulated: false };
      return ok({ ...real.data, secretStorage: w.__fake.secretStorage, demo });
    },
  };
  w.deck['connections'] = {
    list: async () => ok(w.__fake.connections),
    detect: async () => (record('connections:detect', {}), ok(w.__fake.detected)),
    add: async (r) => {
      record('connections:add', r);
      const req = r as { vendor: Connection['vendor']; baseUrl: string; label?: string };
      const added = {
        ...w.__fake.demoConnections[0]!,
        id: `c${w.__fake.connections.length + 1}`,
        vendor: req.vendor,
        baseUrl: req.baseUrl,
        label: req.label ?? 'Added',
        demo: false,
      };
      w.__fake.connections = [...w.__fake.connections, added];
      return ok(added);
    },
    update: async (r) => {
      record('connections:update', r);
      const req = r as { id: string; token?: string | null };
      const c = w.__fake.connections.find((x) => x.id === req.id)!;
      const next = {
        ...c,
        ...(r as object),
        hasToken: req.token === undefined ? c.hasToken : req.token !== null,
      };
      delete (next as { token?: unknown }).token;
      w.__fake.connections = w.__fake.connections.map((x) => (x.id === req.id ? next : x));
      return ok(next);
    },
    remove: async (r) => {
      record('connections:remove', r);
      w.__fake.connections = w.__fake.connections.filter((x) => x.id !== (r as { id: string }).id);
      return ok({ removed: true });
    },
    test: async (r) => {
      record('connections:test', r);
      const error = w.__fake.testErrors[(r as { id: string }).id];
      return error
        ? { ok: false, error }
        : ok({ state: 'ok', checkedAt: Date.now(), profileCount: 12 });
    },
  };
  w.deck['demo'] = {
    // Held until the test releases it, so the progress state is observable without timing.
    start: (r) =>
      new Promise((resolve) => {
        record('demo:start', r);
        w.__releaseDemo = () => {
          w.__fake.connections = [...w.__fake.connections, ...w.__fake.demoConnections];
          resolve(
            ok({
              connections: w.__fake.demoConnections,
              simulated: w.__fake.demoSimulated,
            }),
          );
        };
      }),
    stop: async () => {
      record('demo:stop', {});
      w.__fake.connections = w.__fake.connections.filter((c) => !c.demo);
      return ok({ stopped: true });
    },
  };
}

const DEMO = [
  connection({ id: 'demo-ix', vendor: 'ixbrowser', label: 'Demo ixBrowser', demo: true }),
  connection({ id: 'demo-cos', vendor: 'cos', label: 'Demo CosLogin', demo: true, hasToken: true }),
];

async function openConnections(page: Page, appUrl: string, state: Partial<FakeState>) {
  await page.addInitScript(installFakes, {
    connections: [],
    detected: [],
    demoConnections: DEMO,
    demoSimulated: true,
    secretStorage: 'encrypted',
    testErrors: {},
    ...state,
  } satisfies FakeState);
  await gotoConnections(page, appUrl);
}

async function gotoConnections(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Connections' })
    .click();
  await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
}

const calls = (page: Page, channel: string) =>
  page.evaluate(
    (c) =>
      (window as unknown as { __calls: Call[] }).__calls
        .filter(([ch]) => ch === c)
        .map(([, r]) => r),
    channel,
  );

test('adding with a bad base URL shows main’s error next to that field (real core)', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await gotoConnections(page, appUrl);
  await page.getByRole('button', { name: 'Add connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a connection' });
  const baseUrl = dialog.getByLabel('Base URL');
  // The vendor's default is prefilled, and follows the vendor choice.
  await expect(baseUrl).toHaveValue('http://127.0.0.1:53200');
  await dialog.getByLabel('Vendor').selectOption('cos');
  await expect(baseUrl).toHaveValue('http://127.0.0.1:54345');
  await expect(dialog.getByLabel('Token')).toHaveAttribute('type', 'password');

  await baseUrl.fill('127.0.0.1:54345');
  await baseUrl.press('Enter');
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(baseUrl).toHaveAccessibleDescription(/must be an http\(s\) URL/);
  await expect(dialog).toBeVisible();
  const sent = harness.responses.filter((r) => r.channel === 'connections:add');
  expect(sent.at(-1)?.response).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', details: { field: 'baseUrl' } },
  });

  // Vendor Local APIs listen on loopback only, and the token would go wherever this points.
  await baseUrl.fill('http://192.168.1.7:54345');
  await baseUrl.press('Enter');
  await expect(baseUrl).toHaveAccessibleDescription(/must be on this machine/);
  await expect(dialog).toBeVisible();
});

test.describe('Connections view (fake-backed)', () => {
  test('with no connection and no client detected, the sandbox is offered and starts', async ({
    harness,
  }) => {
    const { page, appUrl } = harness;
    await openConnections(page, appUrl, { demoSimulated: true });
    await expect(
      page.getByRole('heading', {
        name: 'No vendor client answered on this machine. Try the built-in sandbox',
      }),
    ).toBeVisible();
    expect(await calls(page, 'connections:detect')).toHaveLength(1);

    await page.getByRole('button', { name: 'Try the built-in sandbox' }).click();
    await expect(page.getByRole('button', { name: 'Starting the sandbox…' })).toBeDisabled();
    await page.evaluate(() => (window as unknown as { __releaseDemo(): void }).__releaseDemo());

    const cards = page.getByTestId('connection-card');
    await expect(cards).toHaveCount(2);
    await expect(cards.first()).toContainText('demo');
    await expect(page.getByTestId('demo-status')).toContainText('simulated mode');
    await expect(page.getByRole('heading', { name: /Try the built-in sandbox/ })).toHaveCount(0);

    await page.getByTestId('demo-status').getByRole('button', { name: 'Stop demo' }).click();
    await expect(cards).toHaveCount(0);
    expect(await calls(page, 'demo:stop')).toHaveLength(1);
    await expect(page.getByRole('heading', { name: /Try the built-in sandbox/ })).toBeVisible();
  });

  test('a detected client is added in one click', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openConnections(page, appUrl, {
      detected: [
        { vendor: 'ixbrowser', baseUrl: 'http://127.0.0.1:53200', added: false, needsToken: false },
      ],
    });
    await expect(page.getByRole('heading', { name: /Try the built-in sandbox/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Add ixBrowser at http://127.0.0.1:53200' }).click();
    await expect(page.getByTestId('connection-card')).toHaveCount(1);
    expect(await calls(page, 'connections:add')).toEqual([
      { vendor: 'ixbrowser', baseUrl: 'http://127.0.0.1:53200' },
    ]);
  });

  test('a failed test shows the error with the vendor code', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openConnections(page, appUrl, {
      connections: [connection({ id: 'c1', vendor: 'cos', label: 'Office Cos', hasToken: true })],
      testErrors: {
        c1: {
          code: 'unauthorized',
          message: 'CosLogin refused the token',
          retryable: false,
          details: { vendorCode: 401 },
        },
      },
    });
    const card = page.getByRole('article', { name: 'Office Cos (CosLogin)' });
    await expect(card.getByTestId('token-status')).toHaveText('set');
    await expect(card).toContainText('12');
    await card.getByRole('button', { name: 'Test' }).click();
    await expect(card.getByTestId('test-result')).toHaveText(
      'Test failed: CosLogin refused the token (vendor code 401)',
    );
  });

  test('the token is write-only: edit shows it is set, and can clear it', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openConnections(page, appUrl, {
      connections: [connection({ id: 'c1', vendor: 'cos', label: 'Office Cos', hasToken: true })],
    });
    const card = page.getByRole('article', { name: 'Office Cos (CosLogin)' });
    await card.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Office Cos' });
    await expect(dialog.getByTestId('token-state')).toContainText('set');
    await expect(dialog.locator('input[type=password]')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Clear' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await calls(page, 'connections:update')).toEqual([{ id: 'c1', token: null }]);
    await expect(card.getByTestId('token-status')).toHaveText('not set');
  });

  test('a new address clears the token, and the dialog says so before saving', async ({
    harness,
  }) => {
    const { page, appUrl } = harness;
    await openConnections(page, appUrl, {
      connections: [
        connection({
          id: 'c1',
          vendor: 'cos',
          label: 'Office Cos',
          hasToken: true,
          baseUrl: 'http://127.0.0.1:54345',
        }),
      ],
    });
    const card = page.getByRole('article', { name: 'Office Cos (CosLogin)' });
    await card.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Office Cos' });
    const baseUrl = dialog.getByLabel('Base URL');

    // Same client spelled another way: the token stays.
    await baseUrl.fill('http://localhost:54345');
    await expect(dialog.getByTestId('token-state')).toContainText('set');

    await baseUrl.fill('http://127.0.0.1:54999');
    await expect(dialog.getByTestId('token-hint')).toHaveText(
      /the stored token is cleared when you save/,
    );
    await dialog.getByLabel('New token').fill('token-for-54999');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await calls(page, 'connections:update')).toEqual([
      { id: 'c1', baseUrl: 'http://127.0.0.1:54999', token: 'token-for-54999' },
    ]);
  });

  test('Esc closes the add dialog; removing asks first', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openConnections(page, appUrl, {
      connections: [connection({ id: 'c1', vendor: 'ixbrowser', label: 'Work ix' })],
    });
    await page.getByRole('button', { name: 'Add connection' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    const card = page.getByRole('article', { name: 'Work ix (ixBrowser)' });
    await card.getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Work ix?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await calls(page, 'connections:remove')).toEqual([]);
    await card.getByRole('button', { name: 'Remove' }).click();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByTestId('connection-card')).toHaveCount(0);
    expect(await calls(page, 'connections:remove')).toEqual([{ id: 'c1' }]);
  });

  test('without OS encryption the view says tokens stay in memory', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openConnections(page, appUrl, {
      secretStorage: 'memory',
      connections: [connection({ id: 'c1', vendor: 'ixbrowser' })],
    });
    await expect(
      page.getByText(
        'This system offers no encryption: tokens are kept in memory for this session only.',
      ),
    ).toBeVisible();
  });
});
