/**
 * The one place main learns which vendors exist: each vendor's shared facts (name, engine,
 * default port, auth: shared/model/vendors.ts) with what only main needs, its capabilities,
 * its provider and how to read a detection probe. Each vendor's folder under providers/
 * exports its spec; a vendor missing a field, or missing from the table, does not compile.
 */
import { VENDOR_IDS, VENDORS, type Vendor, type VendorInfo } from '../../../shared/model/vendors';
import type { DeckError } from '../../../shared/ipc/result';
import type { Capabilities } from '../../../shared/model';
import type { VendorProvider } from './provider';
import type { ProviderOptions } from './common/provider-options';
import { ADS_CAPABILITIES } from './adspower/ads-capabilities';
import { createAdsProvider } from './adspower/ads-provider';
import { BIT_CAPABILITIES } from './bitbrowser/bit-capabilities';
import { createBitProvider } from './bitbrowser/bit-provider';
import { COS_CAPABILITIES } from './cos/cos-capabilities';
import { createCosProvider } from './cos/cos-provider';
import { IX_CAPABILITIES } from './ixbrowser/ix-capabilities';
import { createIxProvider } from './ixbrowser/ix-provider';

export interface VendorSpec {
  info: VendorInfo;
  capabilities: Capabilities;
  createProvider(options: ProviderOptions): VendorProvider;
  /** A probe's failure that means "the client is there, but wants its token". */
  needsToken(error: DeckError): boolean;
}

/** Any vendor table: the app's own, or a test's with a vendor of its own added. */
export type VendorTable = Readonly<Record<string, VendorSpec>>;

export const VENDOR_SPECS: Readonly<Record<Vendor, VendorSpec>> = {
  ixbrowser: {
    info: VENDORS.ixbrowser,
    capabilities: IX_CAPABILITIES,
    createProvider: createIxProvider,
    needsToken: () => false,
  },
  cos: {
    info: VENDORS.cos,
    capabilities: COS_CAPABILITIES,
    createProvider: createCosProvider,
    needsToken: (e) => e.code === 'unauthorized',
  },
  bitbrowser: {
    info: VENDORS.bitbrowser,
    capabilities: BIT_CAPABILITIES,
    createProvider: createBitProvider,
    // A client with its API key turned on answers 401 (or says so) to a call without it.
    needsToken: (e) => e.code === 'unauthorized',
  },
  adspower: {
    info: VENDORS.adspower,
    capabilities: ADS_CAPABILITIES,
    createProvider: createAdsProvider,
    // With security verification on, a call without the key is refused.
    needsToken: (e) => e.code === 'unauthorized',
  },
};

/** The table's vendors in a stable order (the app's own first). */
export const vendorsOf = (table: VendorTable): Vendor[] => {
  const own = VENDOR_IDS.filter((v) => v in table);
  const extra = Object.keys(table).filter((v) => !(VENDOR_IDS as readonly string[]).includes(v));
  return [...own, ...(extra as Vendor[])];
};

/** The spec of a vendor; throws for one the table does not have. */
export function specOf(table: VendorTable, vendor: Vendor): VendorSpec {
  const spec = table[vendor];
  if (!spec) throw new Error(`No vendor ${vendor} in the vendor table`);
  return spec;
}
