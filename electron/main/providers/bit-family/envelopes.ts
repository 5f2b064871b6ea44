/**
 * Which Bit-family envelope an answer is in. BitBrowser and CosLogin share the default port
 * 54345, so a dialect must refuse the other's answer outright (not read a BitBrowser 401 as
 * "CosLogin wants its token"): that is also how detection tells the two apart.
 */
import { DeckError } from '../../../../shared/ipc/result';
import { remoteParams } from '../../http/json-client';
import type { BitAnswer } from './bit-dialect';
import { isRecord } from '../../../../shared/lib/is-record';

/** `code`: CosLogin's `{code, msg, data}`; `success`: BitBrowser's `{success, msg?, data?}`. */
export function envelopeKind(json: unknown): 'code' | 'success' | undefined {
  if (!isRecord(json)) return undefined;
  if (typeof json['success'] === 'boolean' && !('code' in json)) return 'success';
  if ('code' in json && !('success' in json)) return 'code';
  return undefined;
}

/** The answer is the other dialect's: this port runs another client of the family. */
export function otherClient(answer: BitAnswer, own: string, other: string): DeckError {
  return DeckError.of(
    'vendor-error',
    `${answer.remote.label} answers as ${other} does, not as ${own}: add it as a ${other} connection`,
    {
      details: { connectionId: answer.connectionId, vendorCode: `HTTP ${answer.status}` },
      reason: 'vendor.other-client',
      params: { ...remoteParams(answer.remote), own, other },
    },
  );
}
