import { describe, expect, it } from 'vitest';
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
});
