/**
 * The spreadsheet round trip against the real core and the vendor sandbox: export 1,000
 * profiles, change 100 rows in the file (names, remarks, proxies), import it: exactly those
 * 100 change in the vendors' records, each in the field its row changed, nothing else.
 */
import { readFile, writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import {
  startSandbox,
  type CosProfileRecord,
  type IxProfileRecord,
  type Sandbox,
} from '../../electron/sandbox';
import { test, expect } from './support/harness';
import { bulkAction } from './support/profiles-page';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 500, cosProfiles: 500, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});

const COL = { connection: 0, id: 1, name: 2, group: 3, tags: 4, remark: 5, proxy: 6 };
type Row = string[];

test('export 1,000, change 100 rows, import: exactly those 100 change on the vendors', async ({
  harness,
}) => {
  test.setTimeout(120_000);
  const { page, appUrl, core } = harness;
  const add = async (request: Record<string, string>) => {
    const added = await core.dispatch('connections:add', request);
    if (!added.ok) throw new Error(added.error.message);
    return (added.data as { id: string }).id;
  };
  const ix = await add({ vendor: 'ixbrowser', label: 'Sandbox ix', baseUrl: sandbox.ix.url });
  const cos = await add({
    vendor: 'cos',
    label: 'Sandbox 工作室',
    baseUrl: sandbox.cos.url,
    token: sandbox.cos.token,
  });
  const snapshot = () =>
    new Map<string, IxProfileRecord | CosProfileRecord>([
      ...sandbox.ix.profiles().map((r) => [`${ix}/${r.profile_id}`, r] as const),
      ...sandbox.cos.profiles().map((r) => [`${cos}/${r.id}`, r] as const),
    ]);
  const before = new Map([...snapshot()].map(([k, r]) => [k, JSON.stringify(r)]));

  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('1,000 / 1,000');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
  const file = await (await download).path();
  const exported = await readFile(file, 'utf8');
  expect(exported.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<Row>(exported.slice(1), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(1001);
  expect(rows[0]).toEqual(['connection', 'id', 'name', 'group', 'tags', 'remark', 'proxy']);
  expect(exported).not.toMatch(/:[^@/\s,]+@\d/); // no user:password@host anywhere

  // Every tenth row changes: a name, a remark or a proxy in turn, over both vendors.
  const expected = new Map<string, { field: 'name' | 'remark' | 'proxy'; value: string }>();
  const keyOf = (r: Row) => `${r[COL.connection] === 'Sandbox ix' ? ix : cos}/${r[COL.id]}`;
  for (let i = 1; i <= 1000; i += 10) {
    const row = rows[i]!;
    const n = expected.size;
    if (n % 3 === 0) {
      row[COL.name] = `改名 ${n} ${row[COL.name]}`;
      expected.set(keyOf(row), { field: 'name', value: row[COL.name]! });
    } else if (n % 3 === 1) {
      row[COL.remark] = `=imported, "quoted"\nsecond line ${n}`;
      expected.set(keyOf(row), { field: 'remark', value: row[COL.remark]! });
    } else {
      row[COL.proxy] =
        `socks5://user%40${n}:p%40ss${n}@198.51.100.${n}:10${String(n).padStart(2, '0')}`;
      expected.set(keyOf(row), { field: 'proxy', value: String(n) });
    }
  }
  expect(expected.size).toBe(100);
  // A wrong cell on a row not chosen: said by line and column, and that row stays as it is.
  rows[5]![COL.proxy] = 'http://203.0.113.1:99999';
  const edited = test.info().outputPath('edited.csv');
  await writeFile(edited, `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);

  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import CSV' });
  await dialog.getByLabel('CSV file').setInputFiles(edited);
  await expect(dialog.getByTestId('sheet-summary')).toHaveText(
    '1,000 rows: 100 profiles change (34 names, 33 remarks, 33 proxies), 899 unchanged, 1 wrong line.',
  );
  await expect(dialog.getByTestId('sheet-problems').locator('tr[data-line="6"]')).toContainText(
    'bad port "99999": must be 1-65535',
  );
  // The preview never shows a password.
  await expect(dialog.getByTestId('sheet-changes')).toContainText('socks5 user@2:•••@198.51.100.2');
  await expect(dialog).not.toContainText('p@ss');
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1400, height: 860 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(dialog.getByRole('button', { name: 'Apply to 100 profiles' })).toBeInViewport({
      ratio: 1,
    });
    await page.screenshot({
      path: `tests/e2e/screenshots/csv-import-preview-${viewport.width}x${viewport.height}.png`,
    });
  }

  await dialog.getByRole('button', { name: 'Apply to 100 profiles' }).click();
  await expect(dialog).toBeHidden();
  const jobs = async () =>
    (
      (await core.dispatch('jobs:list', {})) as {
        data: Array<{ kind: string; state: string; ok: number }>;
      }
    ).data;
  await expect.poll(async () => (await jobs())[0]?.state, { timeout: 60_000 }).toBe('done');
  expect((await jobs())[0]).toMatchObject({ kind: 'import-sheet', ok: 100 });

  const after = snapshot();
  const changed = [...after]
    .filter(([k, r]) => JSON.stringify(r) !== before.get(k))
    .map(([k]) => k);
  expect(changed.sort()).toEqual([...expected.keys()].sort());
  for (const [key, want] of expected) {
    const r = after.get(key)!;
    const ixRecord = 'profile_id' in r ? r : undefined;
    const cosRecord = 'profile_id' in r ? undefined : r;
    const n = want.value;
    if (want.field === 'name') expect(r.name, key).toBe(want.value);
    else if (want.field === 'remark')
      expect(ixRecord?.note ?? cosRecord?.remark, key).toBe(want.value);
    else if (ixRecord)
      expect(ixRecord, key).toMatchObject({
        proxy_type: 'socks5',
        proxy_ip: `198.51.100.${n}`,
        proxy_user: `user@${n}`,
        proxy_password: `p@ss${n}`,
      });
    else
      expect(cosRecord, key).toMatchObject({
        proxyType: 'socks5',
        host: `198.51.100.${n}`,
        proxyUserName: `user@${n}`,
        proxyPassword: `p@ss${n}`,
      });
  }
});

test('"Export CSV…" on the selection writes the selected profiles only', async ({ harness }) => {
  const { page, appUrl, core } = harness;
  await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Sandbox ix',
    baseUrl: sandbox.ix.url,
  });
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('500 / 500');
  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.nth(2).click();
  await rows.nth(4).click({ modifiers: ['Shift'] });
  await bulkAction(page, 'Export CSV…');
  const dialog = page.getByRole('dialog', { name: 'Export 3 profiles to CSV' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const data = Papa.parse<Row>(text.slice(1), { skipEmptyLines: true }).data;
  const keys = await rows.evaluateAll((els) =>
    els.slice(2, 5).map((e) => e.getAttribute('data-key')),
  );
  expect(data.slice(1).map((r) => r[COL.id])).toEqual(keys.map((k) => k!.split('/')[1]));
});
