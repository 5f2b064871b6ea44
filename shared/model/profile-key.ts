/**
 * A profile's key: its connection and its id at the vendor, unique across connections. A
 * module without zod, so the page's first chunk can make keys (last-known-snapshot.ts).
 */
export const profileKey = (connectionId: string, vendorId: string): string =>
  `${connectionId}/${vendorId}`;

export function splitProfileKey(key: string): { connectionId: string; vendorId: string } {
  const at = key.lastIndexOf('/');
  return { connectionId: key.slice(0, at), vendorId: key.slice(at + 1) };
}
