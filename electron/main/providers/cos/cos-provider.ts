/** CosLogin as a VendorProvider: the Bit-family provider in CosLogin's dialect. */
import type { VendorProvider } from '../provider';
import type { ProviderOptions } from '../common/provider-options';
import { createBitFamilyProvider } from '../bit-family/bit-provider';
import { COS_DIALECT } from './cos-dialect';

export const createCosProvider = (o: ProviderOptions): VendorProvider =>
  createBitFamilyProvider(COS_DIALECT, o);
