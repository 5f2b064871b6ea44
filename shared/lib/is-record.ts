/**
 * A JSON object: not null, not an array. The first check of every reader of JSON it did not
 * write itself (a vendor's answer, a file on disk, a message from the other side of IPC).
 */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
