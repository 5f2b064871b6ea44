/**
 * Create profiles: the bulk-create dialog (preview, 1:1 proxies, the `create` job it
 * starts, the new profiles selected afterwards) and the vendor's refusal in "New profile".
 *
 * FAKE-BACKED: these tests replace parts of `window.deck` (connections, groups, profiles,
 * jobs) in the page, after the harness bridge installs the real one. They check what the
 * renderer shows and sends, not what a vendor does with it; the sandbox-backed tests
 * (real CosLogin and ixBrowser emulators behind the real core) cover that.
 */
import type { Page } from '@playwright/test';
import type { Connection, Profile } from '../../shared/model';
import type { Job, JobAction } from '../../shared/model/job';
import { test, expect } from './support/harness';
import { vendorConnection as connection, profile as fixture } from '../fixtures/profile';

interface FakeOptions {
  connections: Connection[];
  groups: { connectionId: string; id: string; name: string }[];
  profiles: Profile[];
  /** How the fake job ends: every item made, or every item refused with this error. */
  outcome:
    | { kind: 'created'; connectionId: string; firstId: number }
    | { kind: 'refused'; code: string; message: string; vendorCode: number };
}

interface StartedJob {
  action: JobAction;
  keys: string[];
}

const IX = connection('ix-fake', 'ixbrowser', 'Main');
const COS = connection('cos-fake', 'cos', 'Team');

function profile(c: Connection, vendorId: string, name: string, groupId = '1'): Profile {
  return fixture(vendorId, {
    connectionId: c.id,
    vendor: c.vendor,
    name,
    groupId,
    groupName: groupId === '7' ? 'Shops' : 'Default',
  });
}

/**
 * Replaces the listed `window.deck` calls with canned answers. `jobs.start` records the
 * request in `window.__startedJobs`, then ends the job as `outcome` says: created profiles
 * arrive the way main sends them (a profiles-changed event), then the job's end.
 */
async function installFakeDeck(page: Page, options: FakeOptions): Promise<void> {
  await page.addInitScript((o: FakeOptions) => {
    type Emit = (event: string, payload: unknown) => void;
    const w = window as unknown as {
      deck: Record<string, Record<string, unknown>>;
      __deckEmit: Emit;
      __startedJobs: unknown[];
    };
    const real = w.deck;
    const ok = async (data: unknown) => ({ ok: true, data });
    let profiles = [...o.profiles];
    let job: Job | undefined;
    w.__startedJobs = [];
    const start = async (request: StartedJob) => {
      w.__startedJobs.push(request);
      const action = request.action as Extract<JobAction, { kind: 'create' }>;
      const base = { id: 'job-1', kind: 'create', label: 'Create profiles', createdAt: 1 };
      const running = {
        ...base,
        state: 'running' as const,
        total: action.items.length,
        ok: 0,
        failed: 0,
        cancelled: 0,
        interrupted: 0,
        skipped: 0,
      };
      job = {
        ...running,
        items: action.items.map((item, i) => ({
          key: `create:${i}`,
          connectionId: action.connectionId,
          label: item.name,
          state: 'pending' as const,
        })),
      };
      setTimeout(() => {
        const out = o.outcome;
        const items = action.items.map((item, i) =>
          out.kind === 'created'
            ? {
                key: `create:${i}`,
                connectionId: action.connectionId,
                label: item.name,
                state: 'ok' as const,
                resultKey: `${out.connectionId}/${out.firstId + i}`,
              }
            : {
                key: `create:${i}`,
                connectionId: action.connectionId,
                label: item.name,
                state: 'failed' as const,
                error: {
                  code: out.code,
                  message: out.message,
                  retryable: false,
                  details: { vendorCode: out.vendorCode },
                },
              },
        );
        const made = items.filter((i) => i.state === 'ok').length;
        job = { ...running, state: 'done', ok: made, failed: items.length - made, items } as Job;
        if (out.kind === 'created') {
          const created = action.items.map((item, i) => {
            const template = o.profiles[0]!;
            const vendorId = String(out.firstId + i);
            return {
              ...template,
              key: `${out.connectionId}/${vendorId}`,
              connectionId: out.connectionId,
              vendorId,
              name: item.name,
              groupId: item.groupId ?? '1',
            };
          });
          profiles = [...profiles, ...created];
          w.__deckEmit('profiles:event:changed', {
            updated: created,
            removedKeys: [],
            refetchConnections: [],
          });
        }
        const { items: _items, ...summary } = job;
        w.__deckEmit('jobs:event:progress', { ...summary, changed: items });
      }, 0);
      return ok(running);
    };
    w.deck = {
      ...real,
      connections: { ...real.connections, list: () => ok(o.connections) },
      groups: { ...real.groups, list: () => ok(o.groups) },
      tags: { ...real.tags, list: () => ok([]) },
      profiles: { ...real.profiles, list: () => ok({ profiles, errors: [] }) },
      sessions: { ...real.sessions, list: () => ok({ sessions: [], errors: [] }) },
      jobs: {
        ...real.jobs,
        start,
        list: () => ok([]),
        get: async () =>
          job
            ? ok(job)
            : { ok: false, error: { code: 'not-found', message: 'No such job', retryable: false } },
      },
    };
  }, options);
}

const startedJobs = (page: Page) =>
  page.evaluate(() => (window as unknown as { __startedJobs: StartedJob[] }).__startedJobs);

/** 30 proxies as a provider hands them out: host:port:user:pass. */
const PROXIES = Array.from(
  { length: 30 },
  (_, i) => `10.0.1.${i + 1}:${8001 + i}:user${i + 1}:secret-${i + 1}`,
);
const NAMES = Array.from({ length: 30 }, (_, i) => `Shop ${String(i + 1).padStart(3, '0')}`);

test('[fake deck] bulk create: 30 pasted proxies → a 30-row preview → one create job of 30 matching items, then the new profiles are selected', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await installFakeDeck(page, {
    connections: [IX, COS],
    groups: [{ connectionId: IX.id, id: '7', name: 'Shops' }],
    profiles: [profile(IX, '1', 'Existing')],
    outcome: { kind: 'created', connectionId: IX.id, firstId: 101 },
  });
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Bulk create' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create many profiles' });
  await expect(dialog).toBeVisible();

  await dialog
    .getByLabel('Connection', { exact: true })
    .selectOption({ label: 'Main (ixBrowser)' });
  await dialog.getByLabel('Count').fill('30');
  await dialog.getByLabel('Name template').fill('Shop {n}');
  await dialog.getByLabel('Start number').fill('1');
  await dialog.getByLabel('Zero padding').fill('3');
  await expect(dialog.getByText('Shop 001, Shop 002 … Shop 030')).toBeVisible();
  await dialog.getByLabel('Group', { exact: true }).selectOption({ label: 'Shops' });
  await dialog.getByLabel('Tags').fill('shop, us');
  await dialog.getByLabel(/^Proxy list/).fill(PROXIES.join('\n'));
  await expect(dialog.getByTestId('proxy-list-count')).toHaveText('30 proxies read');
  await dialog.getByRole('button', { name: 'Preview 30 profiles' }).click();

  const preview = page.getByRole('dialog', { name: 'Create 30 profiles: preview' });
  const rows = preview.getByRole('table', { name: 'Profiles to create' }).locator('tbody tr');
  await expect(rows).toHaveCount(30);
  await expect(rows.nth(0)).toContainText('Shop 001');
  await expect(rows.nth(0)).toContainText('Shops');
  await expect(rows.nth(0)).toContainText('shop, us');
  await expect(rows.nth(0)).toContainText('http user1:•••@10.0.1.1:8001');
  await expect(rows.nth(29)).toContainText('Shop 030');
  await expect(rows.nth(29)).toContainText('http user30:•••@10.0.1.30:8030');
  await expect(preview).not.toContainText('secret-');
  expect(await startedJobs(page)).toEqual([]); // nothing is created before the user confirms

  await preview.getByRole('button', { name: 'Create 30 profiles' }).click();
  await expect(preview).toBeHidden();

  const jobs = await startedJobs(page);
  expect(jobs).toHaveLength(1);
  const action = jobs[0]!.action as Extract<JobAction, { kind: 'create' }>;
  expect(action.kind).toBe('create');
  expect(action.connectionId).toBe(IX.id);
  expect(action.items.map((i) => i.name)).toEqual(NAMES);
  action.items.forEach((item, i) => {
    expect(item).toMatchObject({
      groupId: '7',
      tags: ['shop', 'us'],
      proxy: {
        type: 'http',
        host: `10.0.1.${i + 1}`,
        port: 8001 + i,
        username: `user${i + 1}`,
        password: { action: 'set', value: `secret-${i + 1}` },
      },
    });
  });

  // Step 4: the 30 new profiles, and only they, are selected for the next bulk action.
  await expect(page.getByTestId('bulk-count')).toContainText('30 profiles selected');
});

test('[fake deck] bulk create refuses a proxy list that does not match the count, naming the lines and the shortfall', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await installFakeDeck(page, {
    connections: [IX],
    groups: [],
    profiles: [profile(IX, '1', 'Existing')],
    outcome: { kind: 'created', connectionId: IX.id, firstId: 101 },
  });
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Bulk create' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create many profiles' });
  await dialog.getByLabel('Count').fill('30');
  await dialog.getByLabel(/^Proxy list/).fill(PROXIES.slice(0, 28).join('\n'));
  await dialog.getByRole('button', { name: /^Preview/ }).click();
  await expect(
    dialog.getByText('Proxy list: 30 profiles need 30 proxies, 28 given: 2 missing'),
  ).toBeVisible();

  const broken = [...PROXIES];
  broken[3] = '10.0.1.4:80a:user4:secret-4';
  await dialog.getByLabel(/^Proxy list/).fill(broken.join('\n'));
  await expect(dialog.getByText('Proxy list: 1 line could not be read (line 4)')).toBeVisible();
  await expect(
    dialog.getByRole('list', { name: 'Proxy lines that could not be read' }),
  ).toContainText('Line 4: bad port "80a"');

  await dialog.getByLabel(/^Proxy list/).fill('');
  await dialog.getByLabel('Name template').fill('Shop');
  await dialog.getByLabel('Count').fill('0');
  await expect(dialog.getByText('Count must be a whole number from 1 to 1,000')).toBeVisible();
  await expect(dialog.getByText('Name template must contain {n}', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: /^Preview/ }).click();
  await expect(dialog.getByLabel('Count')).toBeFocused();
  expect(await startedJobs(page)).toEqual([]);
});

test('[fake deck] new CosLogin profile: the vendor refusing the configuration is said plainly, with its code', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await installFakeDeck(page, {
    connections: [COS],
    groups: [],
    profiles: [profile(COS, 'u-1', 'Template profile')],
    outcome: {
      kind: 'refused',
      code: 'vendor-error',
      message: 'Configuration must be a JSON object',
      vendorCode: 211,
    },
  });
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'New profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'New profile' });
  await dialog.getByLabel('Name', { exact: true }).fill('Shop 1');
  await expect(dialog.getByText('The connection’s default template')).toBeVisible();

  // The proxy comes from the proxy editor; Esc there (right as it opens) leaves the new
  // profile's form as it was.
  await dialog.getByRole('button', { name: 'Set proxy…' }).click();
  const proxyDialog = page.getByRole('dialog', { name: 'Proxy for the new profile' });
  await expect(proxyDialog.getByLabel('Host')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(proxyDialog).toBeHidden();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Shop 1');
  await dialog.getByRole('button', { name: 'Set proxy…' }).click();
  await proxyDialog.getByLabel('Host').fill('10.9.9.9');
  await proxyDialog.getByLabel('Port').fill('3128');
  await proxyDialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByTestId('new-profile-proxy')).toHaveText('http 10.9.9.9:3128');

  await dialog.getByRole('button', { name: 'Create profile' }).click();

  await expect(dialog.getByRole('alert')).toContainText(
    'CosLogin did not create “Shop 1”: Configuration must be a JSON object (vendor code 211).',
  );
  await expect(dialog.getByRole('alert')).toContainText('default template');
  const jobs = await startedJobs(page);
  expect(jobs[0]!.action).toEqual({
    kind: 'create',
    connectionId: COS.id,
    items: [
      {
        name: 'Shop 1',
        tags: [],
        remark: '',
        proxy: expect.objectContaining({ type: 'http', host: '10.9.9.9', port: 3128 }),
      },
    ],
  });

  // The way out the message points to: take the configuration of a profile that works.
  await dialog.getByLabel('Like an existing profile').check();
  await dialog.getByLabel('Copy the configuration of').selectOption(`${COS.id}/u-1`);
  await dialog.getByRole('button', { name: 'Create profile' }).click();
  await expect.poll(async () => (await startedJobs(page)).length).toBe(2);
  expect((await startedJobs(page))[1]!.action).toMatchObject({
    items: [{ name: 'Shop 1', likeProfileKey: `${COS.id}/u-1` }],
  });
});
