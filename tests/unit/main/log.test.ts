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

it('masks short secrets where they stand as a whole token, without garbling words and numbers', () => {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  for (const s of ['x', 'ab', '1234', 'p.w']) log.addSecret(s);
  log.warn('proxy user x with ab rejected: "1234" (p.w) on port 12345, xylophone, about, lab');
  expect(lines[0]).toMatch(
    /proxy user \*\*\* with \*\*\* rejected: "\*\*\*" \(\*\*\*\) on port 12345, xylophone, about, lab$/,
  );
});

it('masks a secret that contains a shorter one whole, not around the shorter one', () => {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  log.addSecret('abc');
  log.addSecret('abc-defgh');
  log.info('token abc-defgh used');
  expect(lines[0]).toMatch(/token \*\*\* used$/);
});

it('forgets a removed secret, whether it was settled or still pending, and keeps the others', () => {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  log.addSecret('old-token-1111');
  log.addSecret('kept-token-2222');
  log.info('warm up');
  log.addSecret('pending-token-3333');
  log.removeSecret('old-token-1111');
  log.removeSecret('pending-token-3333');
  log.info('old-token-1111 pending-token-3333 kept-token-2222');
  expect(lines[1]).toMatch(/old-token-1111 pending-token-3333 \*\*\*$/);
});
