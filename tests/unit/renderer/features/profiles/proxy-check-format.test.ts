import { switchLanguage } from '../../support/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import {
  proxyCheckLabel,
  proxyCheckShort,
} from '../../../../../renderer/src/features/profiles/format';

describe('the Proxy-check column', () => {
  it('shows the exit IP, country and latency of a check that worked', () => {
    const check = {
      ok: true,
      checkedAt: 1_760_000_000_000,
      exitIp: '203.0.113.7',
      country: 'DE',
      latencyMs: 84,
    };
    expect(proxyCheckShort(check)).toBe('203.0.113.7 · DE · 84 ms');
    expect(proxyCheckLabel(check)).toMatch(/^works: 203\.0\.113\.7 · DE · 84 ms · checked /);
    expect(proxyCheckShort({ ok: true, checkedAt: 1, exitIp: '203.0.113.7' })).toBe('203.0.113.7');
  });

  it('says why a check failed: briefly in the cell, the whole reason in its tooltip', () => {
    const check = {
      ok: false,
      checkedAt: 1_760_000_000_000,
      reason: 'refused' as const,
      message: 'The proxy refused the connection on 10.0.0.1:8080',
    };
    expect(proxyCheckShort(check)).toBe('refused');
    expect(proxyCheckLabel(check)).toMatch(
      /^failed: The proxy refused the connection on 10\.0\.0\.1:8080 · checked /,
    );
    expect(proxyCheckShort({ ok: false, checkedAt: 1 })).toBe('failed');
    expect(proxyCheckShort(undefined)).toBe('');
  });

  afterEach(() => switchLanguage('en'));
  it('words the cell and its tooltip in the language chosen; the vendor’s reason stays', async () => {
    await switchLanguage('zh-CN');
    const ok = { ok: true, checkedAt: 1_760_000_000_000, exitIp: '203.0.113.7', latencyMs: 84 };
    expect(proxyCheckShort(ok)).toBe('203.0.113.7 · 84 毫秒');
    expect(proxyCheckLabel(ok)).toMatch(/^可用：203\.0\.113\.7 · 84 毫秒 · 检测于 /);
    expect(proxyCheckShort({ ok: false, checkedAt: 1, reason: 'timeout' })).toBe('超时');
    expect(proxyCheckLabel({ ok: false, checkedAt: 1, message: 'The proxy refused' })).toMatch(
      /^失败：The proxy refused · 检测于 /,
    );
  });
});
