/**
 * Finds vendor clients on this machine by asking each vendor's default port a cheap,
 * harmless question in that vendor's own dialect. A CosLogin that answers 401 is there
 * but needs its token.
 */
import { DeckError } from '../../../shared/ipc/result';
import type { Vendor } from '../../../shared/model';
import type { Logger } from '../log';
import { createProvider } from '../providers';

export const DEFAULT_DETECT_PORTS: Record<Vendor, number[]> = {
  ixbrowser: [53200],
  cos: [54345],
};

export type ProbeResult = 'ok' | 'needs-token' | 'absent';

export async function probeVendor(
  vendor: Vendor,
  baseUrl: string,
  log: Pick<Logger, 'warn' | 'addSecret'>,
  token?: string,
  timeoutMs = 2000,
): Promise<ProbeResult> {
  const provider = createProvider(vendor, {
    connectionId: `probe:${vendor}`,
    baseUrl,
    token: () => token,
    log,
    timeoutMs,
    retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 },
  });
  try {
    await provider.test();
    return 'ok';
  } catch (e) {
    if (vendor === 'cos' && e instanceof DeckError && e.code === 'unauthorized')
      return 'needs-token';
    return 'absent';
  } finally {
    provider.dispose?.();
  }
}

export interface Detected {
  vendor: Vendor;
  baseUrl: string;
  probe: Exclude<ProbeResult, 'absent'>;
}

export async function detectClients(
  ports: Partial<Record<Vendor, number[]>>,
  log: Pick<Logger, 'warn' | 'addSecret'>,
): Promise<Detected[]> {
  const candidates = (Object.keys(DEFAULT_DETECT_PORTS) as Vendor[]).flatMap((vendor) =>
    (ports[vendor] ?? []).map((port) => ({ vendor, baseUrl: `http://127.0.0.1:${port}` })),
  );
  const probes = await Promise.all(
    candidates.map(async (c) => ({ ...c, probe: await probeVendor(c.vendor, c.baseUrl, log) })),
  );
  return probes.filter((p): p is Detected => p.probe !== 'absent');
}
