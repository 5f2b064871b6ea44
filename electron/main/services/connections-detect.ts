/**
 * Finds vendor clients on this machine by asking each vendor's default port a cheap,
 * harmless question in that vendor's own dialect. A client that answers "unauthorized"
 * (CosLogin without its token) is there but needs its token.
 *
 * Two vendors may share a default port (BitBrowser and CosLogin: 54345). Each dialect
 * refuses the other's answers, so only the client really there says yes; should two still
 * claim one address, the one that answered outright wins over one that wants a token.
 */
import { DeckError } from '../../../shared/ipc/result';
import type { Vendor } from '../../../shared/model';
import type { Logger } from '../log';
import { specOf, vendorsOf, type VendorTable } from '../providers';

/** Each vendor's default port, from the vendor table. */
export function defaultDetectPorts(vendors: VendorTable): Partial<Record<Vendor, number[]>> {
  return Object.fromEntries(
    vendorsOf(vendors).map((v) => [v, [specOf(vendors, v).info.defaultPort]]),
  );
}

export type ProbeResult = 'ok' | 'needs-token' | 'absent';

export async function probeVendor(
  vendors: VendorTable,
  vendor: Vendor,
  baseUrl: string,
  log: Pick<Logger, 'warn' | 'addSecret'>,
  token?: string,
  timeoutMs = 2000,
): Promise<ProbeResult> {
  const spec = specOf(vendors, vendor);
  const provider = spec.createProvider({
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
    return e instanceof DeckError && spec.needsToken(e) ? 'needs-token' : 'absent';
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
  vendors: VendorTable,
  ports: Partial<Record<Vendor, number[]>>,
  log: Pick<Logger, 'warn' | 'addSecret'>,
): Promise<Detected[]> {
  const candidates = vendorsOf(vendors).flatMap((vendor) =>
    (ports[vendor] ?? []).map((port) => ({ vendor, baseUrl: `http://127.0.0.1:${port}` })),
  );
  const probes = await Promise.all(
    candidates.map(async (c) => ({
      ...c,
      probe: await probeVendor(vendors, c.vendor, c.baseUrl, log),
    })),
  );
  const found = probes.filter((p): p is Detected => p.probe !== 'absent');
  // One client per address: the first that answered outright, else the first that asked.
  const byAddress = new Map<string, Detected>();
  for (const d of found) {
    const other = byAddress.get(d.baseUrl);
    if (!other || (other.probe === 'needs-token' && d.probe === 'ok')) byAddress.set(d.baseUrl, d);
  }
  return found.filter((d) => byAddress.get(d.baseUrl) === d);
}
