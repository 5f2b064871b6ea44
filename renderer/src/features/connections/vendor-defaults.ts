import type { Vendor } from '../../../../shared/model';

/** Where each vendor's client listens out of the box (its settings can change the port). */
export const DEFAULT_BASE_URL: Record<Vendor, string> = {
  ixbrowser: 'http://127.0.0.1:53200',
  cos: 'http://127.0.0.1:54345',
};

/** Only CosLogin's Local API takes a token (X-Cos-Local-Token). */
export const takesToken = (vendor: Vendor): boolean => vendor === 'cos';
