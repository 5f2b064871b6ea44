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
