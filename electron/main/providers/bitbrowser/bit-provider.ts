/** BitBrowser as a VendorProvider: the Bit-family provider in BitBrowser's dialect. */
import type { VendorProvider } from '../provider';
import type { ProviderOptions } from '../common/provider-options';
import { createBitFamilyProvider } from '../bit-family/bit-provider';
import { BIT_DIALECT } from './bit-dialect';

export const createBitProvider = (o: ProviderOptions): VendorProvider =>
  createBitFamilyProvider(BIT_DIALECT, o);
