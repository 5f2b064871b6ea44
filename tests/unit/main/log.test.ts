import { expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/log';

it('redacts registered secrets, credential fields and URL credentials', () => {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  log.addSecret('tok-123456');
  log.info('calling with token tok-123456', { proxyPassword: 'hunter2', proxy_password: 'p@ss' });
  log.warn('proxy socks5://user:s3cr3t@1.2.3.4:1080 failed');
  const all = lines.join('\n');
  for (const secret of ['tok-123456', 'hunter2', 'p@ss', 's3cr3t'])
    expect(all).not.toContain(secret);
  expect(all).toContain('1.2.3.4:1080');
});

it('masks each of the many secrets a listing registers, however many came before the line', () => {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  const secrets = Array.from({ length: 60_000 }, (_, i) => `pw-${i}-secret`);
  for (const s of secrets) log.addSecret(s);
  log.warn(`vendor said: wrong password ${secrets[7]} / ${secrets[59_999]}`);
  log.addSecret('late-secret-value');
  log.error('retry with late-secret-value');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/wrong password \*\*\* \/ \*\*\*$/);
  expect(lines[1]).toMatch(/retry with \*\*\*$/);
});
