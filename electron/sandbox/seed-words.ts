/**
 * What seeded demo data is made of, shared by both vendors. Proxy hosts are in the
 * documentation ranges (RFC 5737) and the .example domain: they look real in a demo and
 * can never reach anyone's server.
 */
import type { Random } from './random';

export const GROUP_NAMES = [
  'Amazon US',
  'Facebook Ads',
  'TikTok Shop',
  'Etsy Sellers',
  'eBay UK',
  'Twitter Growth',
  'Shopify Stores',
  'Google Ads',
] as const;

export const GROUP_PREFIX: Record<(typeof GROUP_NAMES)[number], string> = {
  'Amazon US': 'AMZ',
  'Facebook Ads': 'FB',
  'TikTok Shop': 'TT',
  'Etsy Sellers': 'ETSY',
  'eBay UK': 'EBAY',
  'Twitter Growth': 'TW',
  'Shopify Stores': 'SHOP',
  'Google Ads': 'GADS',
};

export const TAG_NAMES = ['warm', 'new', 'verified', 'ads', 'vip', 'review', 'paused'] as const;

export const TAG_COLORS = [
  '#F5222D',
  '#FA8C16',
  '#FADB14',
  '#52C41A',
  '#1890FF',
  '#722ED1',
  '#EB2F96',
];

export const PROFILE_COLORS = [
  '#CC9966',
  '#90EE90',
  '#FFD700',
  '#C71585',
  '#1E90FF',
  '#FF7F50',
  '#20B2AA',
  '#9370DB',
];

const FIRST_NAMES = [
  'Maria',
  'James',
  'Li',
  'Aisha',
  'Carlos',
  'Sofia',
  'Ivan',
  'Emma',
  'Kenji',
  'Noah',
];
const LAST_NAMES = [
  'Smith',
  'Garcia',
  'Chen',
  'Khan',
  'Rossi',
  'Novak',
  'Brown',
  'Sato',
  'Silva',
  'Weber',
];

const REMARKS = [
  'warmed up 2 weeks',
  'needs phone verification',
  'main shop account',
  'do not open before 9am',
  'card added',
  '2FA on',
  'checkout tested',
  'backup account',
  'ads limit raised',
];

export const CHECK_SERVICES = ['ip-api', 'ipinfo', 'ip123in'];

export interface Person {
  first: string;
  last: string;
}

export const person = (random: Random): Person => ({
  first: random.pick(FIRST_NAMES),
  last: random.pick(LAST_NAMES),
});

/** Empty for about half the profiles, as in real accounts. */
export const remark = (random: Random): string => (random.chance(0.45) ? random.pick(REMARKS) : '');

/** A proxy in neutral terms; each vendor maps it to its own fields. */
export type SeedProxy =
  | { kind: 'direct' }
  | {
      kind: 'http' | 'https' | 'socks5';
      host: string;
      port: number;
      user: string;
      password: string;
    }
  | { kind: 'api'; type: 'http' | 'socks5'; url: string }
  | { kind: 'vendor'; mode: 'purchased' | 'traffic' };

const HOST_BLOCKS = ['203.0.113', '198.51.100', '192.0.2'];
const HOST_NAMES = ['gw.us.proxy-one.example', 'de.residential.example', 'sg.mobile-proxy.example'];

function host(random: Random): string {
  return random.chance(0.8)
    ? `${random.pick(HOST_BLOCKS)}.${random.int(2, 254)}`
    : random.pick(HOST_NAMES);
}

/**
 * The mix a real account has: direct, HTTP and SOCKS5 with and without auth, some API
 * extraction, and (when `vendorManaged`) the vendor's own purchased proxies.
 */
export function seedProxy(random: Random, vendorManaged: boolean): SeedProxy {
  const roll = random.next();
  const withAuth = random.chance(0.6);
  const creds = withAuth
    ? { user: `u${random.hex(6)}`, password: random.hex(10) }
    : { user: '', password: '' };
  if (roll < 0.2) return { kind: 'direct' };
  if (roll < 0.45)
    return {
      kind: 'http',
      host: host(random),
      port: random.pick([3128, 8080, 8000, 8888]),
      ...creds,
    };
  if (roll < 0.5)
    return { kind: 'https', host: host(random), port: random.pick([443, 8443]), ...creds };
  if (roll < 0.8)
    return { kind: 'socks5', host: host(random), port: random.pick([1080, 1085, 9050]), ...creds };
  if (roll < 0.9 || !vendorManaged)
    return {
      kind: 'api',
      type: random.pick(['http', 'socks5'] as const),
      url: `https://api.proxy-vendor.example/extract?num=1&key=${random.hex(16)}`,
    };
  return { kind: 'vendor', mode: random.chance(0.5) ? 'purchased' : 'traffic' };
}

/** A fixed start for seeded timestamps, so the same seed gives the same data any day. */
export const SEED_EPOCH_MS = Date.UTC(2025, 0, 6, 9, 0, 0);
