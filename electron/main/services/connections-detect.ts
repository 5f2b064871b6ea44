/**
 * Finds vendor clients on this machine by asking each vendor's default port a cheap,
 * harmless question in that vendor's own dialect. A client that answers "unauthorized"
 * (CosLogin without its token) is there but needs its token.
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
  return probes.filter((p): p is Detected => p.probe !== 'absent');
}
