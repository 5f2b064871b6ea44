/**
 * A fake `window.deck` for the profiles table: `count` made-up profiles over two
 * connections (ixBrowser A and CosLogin B), groups, tags, and a jobs.start that records
 * what it was asked. Used by the table's E2E tests and by the table benchmarks.
 */

export interface FakeDeckOptions {
  count: number;
  /** A connection whose listing fails (shown in a banner). */
  failing?: boolean;
}

/** Runs in the page after the harness bridge created window.deck. Self-contained. */
export function installFakeDeck({ count, failing }: FakeDeckOptions) {
  const w = window as unknown as {
    deck: Record<string, Record<string, unknown>>;
    __fake: { jobs: unknown[]; listCalls: number };
  };
  const caps = (copy: boolean) => ({
    batchGroup: true,
    batchRemark: true,
    batchName: false,
    batchTags: true,
    batchProxy: true,
    batchDelete: true,
    batchClose: true,
    copy,
    devtools: true,
    createNeedsConfig: !copy,
    startUrl: true,
    maxConcurrency: 4,
  });
  const health = { state: 'ok' };
  const conn = (id: string, vendor: string, label: string, copy: boolean) => ({
    id,
    vendor,
    label,
    baseUrl: 'http://127.0.0.1:1',
    hasToken: false,
    demo: true,
    checkProxyBeforeOpen: false,
    health,
    capabilities: caps(copy),
  });
  const connections = [
    conn('ix', 'ixbrowser', 'ixBrowser A', true),
    conn('cos', 'cos', 'CosLogin B', false),
  ];
  if (failing) connections.push(conn('down', 'cos', 'CosLogin Down', false));
  const groups = ['Ads', 'Shops', 'Social', 'Warmup'];
  const tags = ['vip', 'new', 'banned'];
  const types = ['direct', 'http', 'socks5'];
  const statuses = ['closed', 'closed', 'closed', 'open'];
  const profiles: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const connectionId = i % 2 ? 'cos' : 'ix';
    const vendorId = String(i + 1);
    const type = types[i % 3]!;
    profiles.push({
      key: `${connectionId}/${vendorId}`,
      connectionId,
      vendor: connectionId === 'ix' ? 'ixbrowser' : 'cos',
      vendorId,
      name: `Shop ${i + 1}`,
      groupId: `g${i % 4}`,
      groupName: groups[i % 4]!,
      tags: i % 5 === 0 ? [{ id: 't0', name: tags[(i / 5) % 3]! }] : [],
      remark: i % 7 === 0 ? 'needs review' : '',
      proxy: {
        method: 'custom',
        type,
        host: type === 'direct' ? '' : `10.0.${i % 250}.${i % 200}`,
        port: type === 'direct' ? null : 8000 + (i % 100),
        username: '',
        hasPassword: false,
        refreshUrl: '',
        extractionUrl: '',
        extractionChannel: '',
        checkService: '',
        socks5Udp: false,
      },
      proxyCheck:
        type === 'direct'
          ? undefined
          : i % 11 !== 0
            ? {
                ok: true,
                checkedAt: 1_760_000_000_000,
                exitIp: `203.0.113.${i % 250}`,
                country: ['DE', 'US', 'JP'][i % 3],
                latencyMs: 40 + (i % 200),
              }
            : {
                ok: false,
                checkedAt: 1_760_000_000_000,
                reason: 'timeout',
                message: 'No answer from the proxy within 10 s',
              },
      status: statuses[i % 4]!,
      lastOpenedAt: i % 3 ? 1_760_000_000_000 - i * 60_000 : undefined,
      debugPort: statuses[i % 4] === 'open' ? 20000 + i : undefined,
    });
  }
  const ok = (data: unknown) => Promise.resolve({ ok: true, data });
  const fake = { jobs: [] as unknown[], listCalls: 0 };
  w.__fake = fake;
  w.deck['connections']!['list'] = () => ok(connections);
  w.deck['profiles']!['list'] = () => {
    fake.listCalls++;
    const errors = failing
      ? [
          {
            connectionId: 'down',
            error: { code: 'unreachable', message: 'No answer from 127.0.0.1:1', retryable: true },
          },
        ]
      : [];
    return ok({ profiles, errors });
  };
  w.deck['groups']!['list'] = () =>
    ok(
      ['ix', 'cos'].flatMap((c) =>
        groups.map((name, i) => ({ connectionId: c, id: `g${i}`, name })),
      ),
    );
  w.deck['tags']!['list'] = () =>
    ok(tags.map((name, i) => ({ connectionId: 'ix', id: `t${i}`, name })));
  w.deck['jobs']!['start'] = (req: { action: { kind: string }; keys: string[] }) => {
    fake.jobs.push(req);
    return ok({
      id: `job-${fake.jobs.length}`,
      kind: req.action.kind,
      label: req.action.kind,
      state: 'running',
      createdAt: Date.now(),
      total: req.keys.length,
      ok: 0,
      failed: 0,
      cancelled: 0,
      interrupted: 0,
      skipped: 0,
    });
  };
}
