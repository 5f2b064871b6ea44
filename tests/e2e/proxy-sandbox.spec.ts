/**
 * "Import proxy list…" against the real core and the vendor sandbox (no fakes): the pasted
 * proxies land 1:1, in table order, on exactly the selected profiles, and no pasted
 * password comes back to the page, its IPC answers or the log.
 */
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 30, cosProfiles: 30, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });

interface Pasted {
  line: string;
  type: 'http' | 'https' | 'socks5';
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Ten proxies in the formats providers use; every other one with a password. */
const PASTED: Pasted[] = Array.from({ length: 10 }, (_, i) => {
  const host = `203.0.113.${200 + i}`;
  const port = 7000 + i;
  const user = i % 2 ? `buyer${i}` : '';
  const password = i % 2 ? `Pw!${i}-imported-secret` : '';
  const type = (['http', 'socks5', 'https'] as const)[i % 3]!;
  const auth = user ? `${user}:${password}@` : '';
  return { line: `${type}://${auth}${host}:${port}`, type, host, port, user, password };
});

/** The vendor's proxy fields of a record, named alike for both vendors. */
type ProxyOf<R> = (record: R) => Omit<Pasted, 'line'>;

const VENDORS = [
  {
    label: 'Sandbox ix',
    add: () => ({ vendor: 'ixbrowser', label: 'Sandbox ix', baseUrl: sandbox.ix.url }),
    records: () =>
      sandbox.ix.profiles().map((r) => ({ id: String(r.profile_id), raw: r as unknown })),
    proxyOf: ((r: ReturnType<typeof sandbox.ix.profiles>[number]) => ({
      type: r.proxy_type as Pasted['type'],
      host: r.proxy_ip,
      port: Number(r.proxy_port),
      user: r.proxy_user,
      password: r.proxy_password,
    })) as ProxyOf<unknown>,
  },
  {
    label: 'Sandbox cos',
    add: () => ({
      vendor: 'cos',
      label: 'Sandbox cos',
      baseUrl: sandbox.cos.url,
      token: sandbox.cos.token,
    }),
    records: () => sandbox.cos.profiles().map((r) => ({ id: String(r.id), raw: r as unknown })),
    proxyOf: ((r: ReturnType<typeof sandbox.cos.profiles>[number]) => ({
      type: r.proxyType as Pasted['type'],
      host: r.host,
      port: r.port ?? 0,
      user: r.proxyUserName,
      password: r.proxyPassword,
    })) as ProxyOf<unknown>,
  },
];

for (const vendor of VENDORS) {
  test(`${vendor.label}: select 10, import 10 pasted proxies → exactly those 10 get them, 1:1 in table order, no password shown`, async ({
    harness,
  }) => {
    const { page, appUrl, core, responses, logLines } = harness;
    expect(await core.dispatch('connections:add', vendor.add())).toMatchObject({ ok: true });
    await page.goto(appUrl);
    await expect(page.getByTestId('shown-total')).toHaveText('30 / 30');
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    const rows = page.locator('[role=grid] [role=row][data-key]');
    // Ten rows from the middle of the table, so profiles on both sides stay untouched.
    await rows.nth(5).click();
    await rows.nth(14).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selected-count')).toHaveText('10');
    const chosen = (await rows.evaluateAll((els) =>
      els.slice(5, 15).map((e) => e.getAttribute('data-key')!.split('/').pop()!),
    )) as string[];
    const before = new Map(vendor.records().map((r) => [r.id, JSON.stringify(r.raw)]));

    await page.getByRole('button', { name: 'Import proxy list…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import proxy list' });
    await dialog.getByLabel('Proxy list, one per line').fill(PASTED.map((p) => p.line).join('\n'));
    const preview = dialog.getByTestId('proxy-import-preview').locator('tbody tr');
    await expect(preview).toHaveCount(10);
    await page.screenshot({ path: test.info().outputPath('proxy-import.png') });
    await dialog.getByRole('button', { name: 'Apply to 10 profiles' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toContainText('10 ok');

    const records = new Map(vendor.records().map((r) => [r.id, r.raw]));
    chosen.forEach((id, i) => {
      const { line: _line, ...expected } = PASTED[i]!;
      expect(vendor.proxyOf(records.get(id)), `profile ${id}`).toEqual(expected);
    });
    for (const [id, raw] of records) {
      if (!chosen.includes(id)) expect(JSON.stringify(raw), `profile ${id}`).toBe(before.get(id));
    }

    // The table shows the new proxies, never a password.
    await expect(page.locator(`[role=row][data-key$="/${chosen[1]}"]`)).toContainText(
      `${PASTED[1]!.host}:${PASTED[1]!.port}`,
    );
    const text = await page.locator('body').innerText();
    const answers = JSON.stringify(responses);
    const log = logLines.join('\n');
    for (const { password } of PASTED.filter((p) => p.password)) {
      expect(text).not.toContain(password);
      expect(answers).not.toContain(password);
      expect(log).not.toContain(password);
    }
  });
}
