/**
 * Proxy passwords never reach a job's journal: one being set is written as "withheld",
 * and comes back as "keep" with a mark that the task needing it cannot run again.
 */
import type { ProxyInput } from '../../../../shared/model/proxy-input';

const WITHHELD = { action: 'withheld' } as const;

/** The proxy as a journal keeps it. */
export function withheld(proxy: ProxyInput): unknown {
  return proxy.password.action === 'set' ? { ...proxy, password: WITHHELD } : proxy;
}

/** A proxy read back from a journal, and whether its password was withheld there. */
export function restorePassword(value: unknown): { value: unknown; withheld: boolean } {
  if (!value || typeof value !== 'object') return { value, withheld: false };
  const record = value as Record<string, unknown>;
  const password = record['password'] as { action?: unknown } | undefined;
  if (password?.action !== WITHHELD.action) return { value, withheld: false };
  return { value: { ...record, password: { action: 'keep' } }, withheld: true };
}
