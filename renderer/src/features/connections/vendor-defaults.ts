import { VENDOR_IDS, defaultBaseUrl, type Vendor } from '../../../../shared/model/vendors';

/** Where each vendor's client listens out of the box (its settings can change the port). */
export const DEFAULT_BASE_URL = Object.fromEntries(
  VENDOR_IDS.map((v) => [v, defaultBaseUrl(v)]),
) as Record<Vendor, string>;

export { takesToken } from '../../../../shared/model/vendors';
