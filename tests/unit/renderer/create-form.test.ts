import { describe, expect, it } from 'vitest';
import { inLanguage } from './support/i18n';
import {
  checkBulk,
  checkNameFields,
  checkSingle,
  EMPTY_BULK,
  EMPTY_COMMON,
  previewRows,
  proxyCountMismatch,
  sampleNames,
  type BulkDraft,
  type VendorNeeds,
} from '../../../renderer/src/features/create/create-form';

const IX: VendorNeeds = { startUrl: true, createNeedsConfig: false };
const COS: VendorNeeds = { startUrl: false, createNeedsConfig: true };

const bulk = (patch: Partial<BulkDraft> = {}): BulkDraft => ({
  ...EMPTY_BULK,
  count: '30',
  template: 'Shop {n}',
  start: '1',
  pad: '3',
  ...patch,
});

/** 30 distinct proxies, `host:port:user:pass`, hosts 10.0.0.1..10.0.0.30. */
const proxyLines = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `10.0.0.${i + 1}:${8000 + i}:user${i + 1}:secret${i + 1}`,
  ).join('\n');

function errorsOf(draft: BulkDraft, needs: VendorNeeds = IX) {
  const check = checkBulk(draft, needs);
  if (check.ok) throw new Error('expected the form to be refused');
  return check;
}

describe('bulk create: items from the form', () => {
  it('names 30 profiles Shop 001..Shop 030 from start 1 and padding 3', () => {
    const check = checkBulk(bulk({ groupId: '7', tags: 'shop, us, shop', remark: 'spring' }), IX);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const names = check.items.map((i) => i.name);
    expect(names).toHaveLength(30);
    expect(names[0]).toBe('Shop 001');
    expect(names[9]).toBe('Shop 010');
    expect(names[29]).toBe('Shop 030');
    expect(new Set(names).size).toBe(30);
    // Every item carries the shared fields; duplicate tags are dropped.
    for (const item of check.items) {
      expect(item).toMatchObject({ groupId: '7', tags: ['shop', 'us'], remark: 'spring' });
      expect(item.proxy).toBeUndefined();
    }
  });

  it('counts from the start number and pads to the given digits', () => {
    const check = checkBulk(bulk({ count: '3', start: '98', pad: '4' }), IX);
    expect(check.ok && check.items.map((i) => i.name)).toEqual([
      'Shop 0098',
      'Shop 0099',
      'Shop 0100',
    ]);
  });

  it('gives proxy i to profile i when 30 proxies are pasted for 30 profiles', () => {
    const check = checkBulk(bulk({ proxies: proxyLines(30) }), IX);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    check.items.forEach((item, i) => {
      expect(item.proxy).toMatchObject({
        method: 'custom',
        type: 'http',
        host: `10.0.0.${i + 1}`,
        port: 8000 + i,
        username: `user${i + 1}`,
        password: { action: 'set', value: `secret${i + 1}` },
      });
    });
  });

  it('reads lines without a scheme as the chosen type and skips blank lines', () => {
    const check = checkBulk(
      bulk({
        count: '2',
        proxies: '\n1.1.1.1:1080\n\n# spare\nhttp://2.2.2.2:80\n',
        proxyDefaultType: 'socks5',
      }),
      IX,
    );
    expect(check.ok && check.items.map((i) => i.proxy?.type)).toEqual(['socks5', 'http']);
  });

  it('says how many proxies are missing when fewer are pasted than profiles', () => {
    const { errors } = errorsOf(bulk({ proxies: proxyLines(28) }));
    expect(errors.proxies).toBe('Proxy list: 30 profiles need 30 proxies, 28 given: 2 missing');
  });

  it('says how many proxies are extra when more are pasted than profiles', () => {
    const { errors } = errorsOf(bulk({ proxies: proxyLines(32) }));
    expect(errors.proxies).toBe(
      'Proxy list: 32 proxies for 30 profiles: 2 too many (remove them or raise the count)',
    );
    expect(proxyCountMismatch(1, 0)).toBe('Proxy list: 1 profile need 1 proxy, 0 given: 1 missing');
    expect(proxyCountMismatch(5, 5)).toBeUndefined();
  });

  it('names each unreadable proxy line by its number', () => {
    const lines = proxyLines(30).split('\n');
    lines[3] = '10.0.0.4:80a';
    lines[6] = 'not a proxy';
    const check = errorsOf(bulk({ proxies: lines.join('\n') }));
    expect(check.errors.proxies).toBe('Proxy list: 2 lines could not be read (lines 4, 7)');
    expect(check.proxyLineErrors.map((e) => e.line)).toEqual([4, 7]);
    expect(check.proxyLineErrors[0]!.message).toContain('bad port "80a"');
  });
});

describe('bulk create: validation names the field', () => {
  it.each([
    ['count', { count: '0' }, 'Count must be a whole number from 1 to 1,000'],
    ['count', { count: '1001' }, 'Count must be a whole number from 1 to 1,000'],
    ['count', { count: '2.5' }, 'Count must be a whole number from 1 to 1,000'],
    [
      'template',
      { template: 'Shop' },
      'Name template must contain {n}, the running number (e.g. Shop {n})',
    ],
    ['template', { template: '  ' }, 'Name template is required, e.g. Shop {n}'],
    ['start', { start: '-1' }, 'Start number must be a whole number from 0 to 1,000,000'],
    ['pad', { pad: '9' }, 'Zero padding must be a whole number of digits from 0 to 8'],
    [
      'startUrl',
      { startUrl: 'ftp://example.com' },
      'Start URL must be an http(s) URL, such as https://example.com',
    ],
    ['remark', { remark: 'x'.repeat(1001) }, 'Remark: at most 1000 characters, not 1001'],
    [
      'template',
      { template: `${'x'.repeat(196)}{n}`, count: '10', pad: '5' },
      'Name template makes names longer than 200 characters',
    ],
    ['template', { template: `${'x'.repeat(198)}{n}` }, 'Name template: at most 200 characters'],
  ] as const)('%s: %j', (field, patch, message) => {
    const { errors } = errorsOf(bulk(patch));
    expect(errors).toEqual({ [field]: message });
  });

  it('reports every wrong field at once', () => {
    const { errors } = errorsOf(bulk({ count: '', template: 'Shop', pad: 'x' }));
    expect(Object.keys(errors).sort()).toEqual(['count', 'pad', 'template']);
  });

  it('asks CosLogin for the profile to take the configuration from, and only CosLogin', () => {
    const like = bulk({ configSource: 'like', likeProfileKey: '' });
    expect(errorsOf(like, COS).errors).toEqual({
      likeProfileKey: 'Configuration: choose the existing profile whose configuration to copy',
    });
    const ix = checkBulk(like, IX);
    expect(ix.ok && ix.items[0]!.likeProfileKey).toBeUndefined();
    const chosen = checkBulk(bulk({ configSource: 'like', likeProfileKey: 'cos-1/abc' }), COS);
    expect(chosen.ok && chosen.items.every((i) => i.likeProfileKey === 'cos-1/abc')).toBe(true);
  });

  it('drops a start URL the vendor has no field for', () => {
    const check = checkBulk(bulk({ startUrl: 'https://shop.example' }), COS);
    expect(check.ok && check.items[0]!.startUrl).toBeUndefined();
    const ix = checkBulk(bulk({ startUrl: 'https://shop.example' }), IX);
    expect(ix.ok && ix.items[0]!.startUrl).toBe('https://shop.example');
  });

  it('checks a name template on its own for the copy dialog', () => {
    expect(checkNameFields({ template: 'Copy', start: '1', pad: '0' })).toEqual({
      ok: false,
      errors: { template: 'Name template must contain {n}, the running number (e.g. Shop {n})' },
    });
    expect(checkNameFields({ template: 'Copy {n}', start: '5', pad: '2' })).toEqual({
      ok: true,
      value: { template: 'Copy {n}', start: 5, pad: 2 },
    });
  });
});

describe('new profile', () => {
  it('requires a name', () => {
    expect(checkSingle({ ...EMPTY_COMMON, name: '   ' }, undefined, IX)).toEqual({
      ok: false,
      errors: { name: 'Name is required' },
    });
  });

  it('builds one item with the trimmed name, the proxy and the CosLogin template profile', () => {
    const proxy = checkBulk(bulk({ count: '1', proxies: 'socks5://ana:pw@1.2.3.4:1080' }), IX);
    if (!proxy.ok) throw new Error('proxy line should parse');
    const check = checkSingle(
      { ...EMPTY_COMMON, name: ' Shop 1 ', configSource: 'like', likeProfileKey: 'cos-1/9' },
      proxy.items[0]!.proxy,
      COS,
    );
    expect(check).toEqual({
      ok: true,
      value: {
        name: 'Shop 1',
        tags: [],
        remark: '',
        likeProfileKey: 'cos-1/9',
        proxy: expect.objectContaining({ host: '1.2.3.4', port: 1080, type: 'socks5' }),
      },
    });
  });
});

describe('preview', () => {
  it('shows one row per profile with group name, tags and the proxy without its password', () => {
    const check = checkBulk(
      bulk({ count: '2', groupId: '7', tags: 'a, b', proxies: proxyLines(2) }),
      IX,
    );
    if (!check.ok) throw new Error('form should pass');
    const rows = previewRows(
      check.items,
      (id) => (id === '7' ? 'Shops' : 'Default group'),
      new Set(['Shop 002']),
    );
    expect(rows).toEqual([
      {
        n: 1,
        name: 'Shop 001',
        group: 'Shops',
        tags: 'a, b',
        proxy: 'http user1:•••@10.0.0.1:8000',
        nameTaken: false,
      },
      {
        n: 2,
        name: 'Shop 002',
        group: 'Shops',
        tags: 'a, b',
        proxy: 'http user2:•••@10.0.0.2:8001',
        nameTaken: true,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('secret');
  });

  it('samples the names a template makes as it is typed', () => {
    expect(sampleNames(bulk())).toBe('Shop 001, Shop 002 … Shop 030');
    expect(sampleNames(bulk({ count: '2', pad: '0' }))).toBe('Shop 1, Shop 2');
    expect(sampleNames(bulk({ template: 'Shop' }))).toBeUndefined();
  });

  it('words its messages in the language the UI shows', async () => {
    const zh = await inLanguage('zh-CN', () => ({
      single: checkSingle({ ...EMPTY_COMMON, name: '' }, undefined, IX),
      mismatch: proxyCountMismatch(30, 28),
    }));
    expect(zh.single).toEqual({ ok: false, errors: { name: '名称为必填项' } });
    expect(zh.mismatch).toBe('代理列表：30 个环境需要 30 个代理，只提供了 28 个：缺少 2 个');
    // And back: nothing was kept from the other language.
    expect(proxyCountMismatch(1, 0)).toBe('Proxy list: 1 profile need 1 proxy, 0 given: 1 missing');
  });
});
