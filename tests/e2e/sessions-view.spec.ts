/**
 * Sessions view. FAKE-BACKED: `sessions:list`, `devtools:*` and `connections:list` are not
 * wired in main yet, so an init script (run after the harness bridge) swaps those methods
 * of `window.deck` for fakes the test controls; everything else is the real core. Switch
 * these to the sandbox once the channels land.
 */
import type { Page } from '@playwright/test';
import type { DevtoolsTarget } from '../../shared/ipc/contract';
import type { DeckErrorValue, Result } from '../../shared/ipc/result';
import type { Connection, Session } from '../../shared/model';
import { connection as connectionFixture } from '../fixtures/profile';
import { test, expect } from './support/harness';

interface FakeState {
  sessions: Session[];
  errors: Array<{ connectionId: string; error: DeckErrorValue }>;
  connections: Connection[];
  /** Per profile key: what devtools:targets and devtools:open answer. */
  devtools: Record<
    string,
    {
      targets: Result<{ address: string; targets: DevtoolsTarget[] }>;
      open?: Result<{ url: string; devtoolsUrl: string }>;
    }
  >;
}
type Call = [channel: string, request: unknown];

const WIN_DRIVER = String.raw`C:\Users\Ana\AppData\Roaming\ixBrowser\chromedriver.exe`;
const MIN = 60_000;

const connection = (id: string, vendor: Connection['vendor'], label: string): Connection =>
  connectionFixture(id, { vendor, label, hasToken: vendor === 'cos' });

const CONNECTIONS = [
  connection('ix1', 'ixbrowser', 'Work ixBrowser'),
  connection('cos1', 'cos', 'Cos'),
];

function ixSession(n: number, now: number): Session {
  const port = 30000 + n;
  return {
    profileKey: `ix1/${n}`,
    connectionId: 'ix1',
    vendor: 'ixbrowser',
    vendorId: String(n),
    profileName: `Shop ${n}`,
    debugAddress: `127.0.0.1:${port}`,
    debugPort: port,
    wsUrl: `ws://127.0.0.1:${port}/devtools/browser/b-${n}`,
    pid: 5000 + n,
    openedAt: now - 3 * MIN - n,
    webdriverPath: WIN_DRIVER,
    engine: 'chromium',
  };
}

const cosSession: Session = {
  profileKey: 'cos1/ab-12',
  connectionId: 'cos1',
  vendor: 'cos',
  vendorId: 'ab-12',
  profileName: 'Cos Firefox',
  debugPort: 6001,
  engine: 'firefox',
  extra: { pid: '7777', profileDir: '/home/ana/.cos/ab-12' },
};

/** Installs the fakes; runs in the page after the harness has built window.deck. */
function installFakes(initial: FakeState) {
  const w = window as unknown as {
    deck: Record<string, Record<string, (req?: unknown) => Promise<unknown>>>;
    __fake: FakeState;
    __calls: Call[];
  };
  w.__fake = initial;
  w.__calls = [];
  const answer = (channel: string, request: unknown, data: () => unknown) => {
    w.__calls.push([channel, request]);
    return Promise.resolve(data());
  };
  w.deck['sessions'] = {
    list: (r) =>
      answer('sessions:list', r, () => ({
        ok: true,
        data: { sessions: w.__fake.sessions, errors: w.__fake.errors },
      })),
  };
  w.deck['connections'] = {
    ...w.deck['connections'],
    list: () => answer('connections:list', {}, () => ({ ok: true, data: w.__fake.connections })),
  };
  const missing = {
    ok: false,
    error: { code: 'not-found', message: 'This profile is not open', retryable: false },
  };
  w.deck['devtools'] = {
    targets: (r) =>
      answer('devtools:targets', r, () => {
        const key = (r as { profileKey: string }).profileKey;
        return w.__fake.devtools[key]?.targets ?? missing;
      }),
    open: (r) =>
      answer('devtools:open', r, () => {
        const key = (r as { profileKey: string }).profileKey;
        return w.__fake.devtools[key]?.open ?? missing;
      }),
  };
}

async function openSessions(page: Page, appUrl: string, state: Partial<FakeState>) {
  await page.addInitScript(installFakes, {
    sessions: [],
    errors: [],
    connections: CONNECTIONS,
    devtools: {},
    ...state,
  } satisfies FakeState);
  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Sessions' })
    .click();
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
}

const calls = (page: Page, channel: string) =>
  page.evaluate(
    (c) =>
      (window as unknown as { __calls: Call[] }).__calls
        .filter(([ch]) => ch === c)
        .map(([, r]) => r),
    channel,
  );
const row = (page: Page, key: string) => page.locator(`tr[data-profile-key="${key}"]`);

test.describe('Sessions view (fake-backed)', () => {
  test('200 sessions render with every endpoint column, and the list refreshes live', async ({
    harness,
  }) => {
    const now = Date.now();
    const sessions = [...Array.from({ length: 199 }, (_, i) => ixSession(i + 1, now)), cosSession];
    await openSessions(harness.page, harness.appUrl, { sessions });
    const { page } = harness;

    await expect(page.getByTestId('session-row')).toHaveCount(200);
    await expect(page.getByTestId('sessions-count')).toContainText('200 open');
    const headers = await page.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.trim().toLowerCase())).toEqual(
      [
        'Window',
        'Profile',
        'Connection',
        'Debugging address',
        'Port',
        'ws URL',
        'PID',
        'Opened',
        'Webdriver',
        'Engine',
        'Actions',
      ].map((h) => h.toLowerCase()),
    );

    const ix = row(page, 'ix1/7');
    await expect(ix).toContainText('Shop 7');
    await expect(ix).toContainText('Work ixBrowser');
    await expect(ix).toContainText('127.0.0.1:30007');
    await expect(ix).toContainText('ws://127.0.0.1:30007/devtools/browser/b-7');
    await expect(ix).toContainText('5007');
    await expect(ix).toContainText(WIN_DRIVER);
    await expect(ix).toContainText('Chromium');
    const opened = ix.locator('time');
    await expect(opened).toHaveText('3 min. ago');
    // Exact time on hover.
    expect(await opened.getAttribute('title')).toBe(
      await page.evaluate(
        (t) =>
          new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(t),
        now - 3 * MIN - 7,
      ),
    );

    // CosLogin: pid and profile dir from what /browser/open gave; no ws URL, said so.
    const cos = row(page, 'cos1/ab-12');
    await expect(cos).toContainText('7777');
    await expect(cos).toContainText('/home/ana/.cos/ab-12');
    await expect(cos.getByTitle('The vendor did not report this').first()).toBeVisible();
    await expect(cos).toContainText('Firefox: Chrome DevTools does not attach');
    await expect(cos.getByRole('button', { name: /DevTools/ })).toHaveCount(0);

    // Live: a profile closed in the vendor leaves the list on the next poll, and rows that
    // did not change keep their DOM node (stable keys).
    await row(page, 'ix1/2').evaluate((el) => ((el as HTMLElement).dataset['mark'] = 'kept'));
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: FakeState }).__fake;
      fake.sessions = fake.sessions.filter((s) => s.profileKey !== 'ix1/1');
    });
    await expect(page.getByTestId('session-row')).toHaveCount(199);
    await expect(row(page, 'ix1/1')).toHaveCount(0);
    await expect(row(page, 'ix1/2')).toHaveAttribute('data-mark', 'kept');
  });

  test('Copy puts the ws URL on the clipboard and says Copied', async ({ harness }) => {
    const { page, appUrl } = harness;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: appUrl,
    });
    await openSessions(page, appUrl, { sessions: [ixSession(1, Date.now())] });
    await row(page, 'ix1/1').getByRole('button', { name: 'Copy ws URL of Shop 1' }).click();
    await expect(page.getByText('Copied', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'ws://127.0.0.1:30001/devtools/browser/b-1',
    );
    await row(page, 'ix1/1')
      .getByRole('button', { name: 'Copy debugging address of Shop 1' })
      .click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('127.0.0.1:30001');
  });

  test('Snippets show ready code for this profile; Esc closes them', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openSessions(page, appUrl, { sessions: [ixSession(1, Date.now())] });
    await row(page, 'ix1/1').getByRole('button', { name: 'Snippets for Shop 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Snippets for Shop 1' });
    await expect(dialog.getByTestId('snippet-playwright')).toContainText(
      "const browser = await chromium.connectOverCDP('http://127.0.0.1:30001');",
    );
    await expect(dialog.getByTestId('snippet-puppeteer')).toContainText(
      "puppeteer.connect({ browserWSEndpoint: 'ws://127.0.0.1:30001/devtools/browser/b-1' })",
    );
    await expect(dialog.getByTestId('snippet-selenium-python')).toContainText(
      `Service(executable_path=r"${WIN_DRIVER}")`,
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('DevTools with one page opens it directly, no chooser', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openSessions(page, appUrl, {
      sessions: [ixSession(1, Date.now())],
      devtools: {
        'ix1/1': {
          targets: {
            ok: true,
            data: {
              address: '127.0.0.1:30001',
              targets: [{ id: 'P1', title: 'Shop', url: 'https://shop.example/', type: 'page' }],
            },
          },
          open: {
            ok: true,
            data: {
              url: 'http://127.0.0.1:30001/devtools/inspector.html?ws=127.0.0.1:30001/devtools/page/P1',
              devtoolsUrl:
                'devtools://devtools/bundled/inspector.html?ws=127.0.0.1:30001/devtools/page/P1',
            },
          },
        },
      },
    });
    await row(page, 'ix1/1').getByRole('button', { name: 'DevTools for Shop 1' }).click();
    await expect(page.getByText('DevTools opened')).toBeVisible();
    expect(await calls(page, 'devtools:open')).toEqual([{ profileKey: 'ix1/1', targetId: 'P1' }]);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('DevTools with several pages lets the user choose one', async ({ harness }) => {
    const { page, appUrl } = harness;
    await openSessions(page, appUrl, {
      sessions: [ixSession(1, Date.now())],
      devtools: {
        'ix1/1': {
          targets: {
            ok: true,
            data: {
              address: '127.0.0.1:30001',
              targets: [
                { id: 'P1', title: 'Shop', url: 'https://shop.example/', type: 'page' },
                { id: 'P2', title: 'Mail', url: 'https://mail.example/inbox', type: 'page' },
              ],
            },
          },
          open: { ok: true, data: { url: 'http://x/', devtoolsUrl: 'devtools://x' } },
        },
      },
    });
    await row(page, 'ix1/1').getByRole('button', { name: 'DevTools for Shop 1' }).click();
    const chooser = page.getByRole('dialog', { name: 'Which page of Shop 1?' });
    await expect(chooser).toContainText('https://shop.example/');
    await expect(chooser).toContainText('https://mail.example/inbox');
    expect(await calls(page, 'devtools:open')).toEqual([]);
    await chooser.getByRole('button', { name: /Mail/ }).click();
    await expect(chooser).toHaveCount(0);
    expect(await calls(page, 'devtools:open')).toEqual([{ profileKey: 'ix1/1', targetId: 'P2' }]);
  });

  test('a DevTools failure says why and offers the devtools:// URL to copy', async ({
    harness,
  }) => {
    const { page, appUrl } = harness;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: appUrl,
    });
    await openSessions(page, appUrl, {
      sessions: [ixSession(1, Date.now())],
      devtools: {
        'ix1/1': {
          targets: {
            ok: true,
            data: {
              address: '127.0.0.1:30001',
              targets: [{ id: 'P1', title: 'Shop', url: 'https://shop.example/', type: 'page' }],
            },
          },
          open: {
            ok: false,
            error: {
              code: 'unsupported',
              message: 'This browser does not serve a DevTools frontend.',
              retryable: false,
            },
          },
        },
      },
    });
    await row(page, 'ix1/1').getByRole('button', { name: 'DevTools for Shop 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'DevTools could not open for Shop 1' });
    await expect(dialog.getByRole('alert')).toHaveText(
      'This browser does not serve a DevTools frontend.',
    );
    const url = 'devtools://devtools/bundled/inspector.html?ws=127.0.0.1:30001/devtools/page/P1';
    await expect(dialog.getByTestId('devtools-fallback-url')).toHaveText(url);
    await dialog.getByRole('button', { name: 'Copy URL' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  test('a connection that cannot list its sessions shows a banner; the others still list', async ({
    harness,
  }) => {
    await openSessions(harness.page, harness.appUrl, {
      sessions: [ixSession(1, Date.now())],
      errors: [
        {
          connectionId: 'cos1',
          error: {
            code: 'unauthorized',
            message: 'CosLogin refused the token',
            retryable: false,
            details: { vendorCode: 401, connectionId: 'cos1' },
          },
        },
      ],
    });
    const { page } = harness;
    await expect(page.getByRole('alert')).toContainText('Cos');
    await expect(page.getByRole('alert')).toContainText(
      'CosLogin refused the token (vendor code 401)',
    );
    await expect(page.getByTestId('session-row')).toHaveCount(1);
  });

  test('with nothing open, the view says where to open a profile', async ({ harness }) => {
    await openSessions(harness.page, harness.appUrl, { sessions: [] });
    const { page } = harness;
    await expect(page.getByText('No profile is open. Open one from Profiles.')).toBeVisible();
    await page.getByRole('button', { name: 'Go to Profiles' }).click();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profiles' }),
    ).toHaveAttribute('aria-current', 'page');
  });
});
