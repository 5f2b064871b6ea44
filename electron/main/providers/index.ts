/** The vendor providers, reached through the vendor table. */
export { VENDOR_SPECS, specOf, vendorsOf, type VendorSpec, type VendorTable } from './vendor-table';
export type { VendorProvider } from './provider';
