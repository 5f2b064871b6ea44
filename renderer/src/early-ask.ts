/**
 * The last-known rows, asked for by the page's first script (boot.ts) before the app's code
 * is fetched, parsed and run: main reads its snapshot meanwhile, so the table has the rows
 * when it mounts (start.lastknown10k.ms). The snapshots main hands over as text are read as
 * soon as they arrive, while the page still waits for the app's code, rather than after it
 * has run (40 ms at 10,000 rows). No other imports here: this module is in the tiny boot
 * chunk.
 */
import type { Result } from '../../shared/ipc/result';
import type { ResponseOf } from '../../shared/ipc/contract';
import { readLastKnownAnswer } from '../../shared/model/last-known-snapshot';

type LastKnownAnswer = Promise<Result<ResponseOf<'profiles:last-known'>>>;

let early: LastKnownAnswer | undefined;

/** Asks once; without a deck (a page opened outside the app) the app asks, and says why. */
export function askLastKnownEarly(): void {
  early ??=
    typeof window.deck === 'undefined'
      ? undefined
      : window.deck.profiles
          .lastKnown({})
          .then((answer) =>
            answer.ok ? { ok: true, data: readLastKnownAnswer(answer.data) } : answer,
          );
}

/** The early answer, once: the app's first read takes it, any later read asks again. */
export function takeEarlyLastKnown(): LastKnownAnswer | undefined {
  const answer = early;
  early = undefined;
  return answer;
}
