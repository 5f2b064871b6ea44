/** One provider per connection, by vendor. */
import type { Vendor } from '../../../shared/model';
import { createCosProvider, type CosProviderOptions } from './cos/cos-provider';
import { createIxProvider } from './ixbrowser/ix-provider';
import type { VendorProvider } from './provider';

export function createProvider(vendor: Vendor, options: CosProviderOptions): VendorProvider {
  return vendor === 'ixbrowser' ? createIxProvider(options) : createCosProvider(options);
}

export { CAPABILITIES, TAKES_TOKEN } from './capabilities';
export type { VendorProvider } from './provider';
