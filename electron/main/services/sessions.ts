/**
 * Every open profile across connections, with what each vendor gives of its debug
 * endpoints. One connection failing leaves the others listed, its error alongside.
 */
import type { Session } from '../../../shared/model';
import { splitProfileKey } from '../../../shared/model';
import { DeckError, type DeckErrorValue } from '../../../shared/ipc/result';
import type { VendorProvider } from '../providers/provider';
import type { HandlerGroup } from '../ipc/handle';

export interface SessionsDeps {
  /** The providers of the connections to look at (all when ids are not given). */
  providers(connectionIds?: string[]): VendorProvider[];
  /** Known profile names, to label sessions whose vendor gives only an id. */
  nameOf?(profileKey: string): string | undefined;
}

const toValue = (e: unknown, connectionId: string): DeckErrorValue =>
  e instanceof DeckError
    ? { ...e.toValue(), details: { ...e.details, connectionId } }
    : {
        code: 'internal',
        message: 'Listing sessions failed; see the log',
        retryable: true,
        details: { connectionId },
      };

export function createSessionsService(deps: SessionsDeps) {
  const withName = (s: Session): Session =>
    s.profileName ? s : { ...s, profileName: deps.nameOf?.(s.profileKey) };

  return {
    async list(connectionIds?: string[]) {
      const providers = deps.providers(connectionIds);
      const settled = await Promise.allSettled(providers.map((p) => p.listSessions()));
      const sessions: Session[] = [];
      const errors: Array<{ connectionId: string; error: DeckErrorValue }> = [];
      settled.forEach((r, i) => {
        const connectionId = providers[i]!.connectionId;
        if (r.status === 'fulfilled') sessions.push(...r.value.map(withName));
        else errors.push({ connectionId, error: toValue(r.reason, connectionId) });
      });
      // A connection asked for by id that does not exist is reported, as profiles:list does.
      const found = new Set(providers.map((p) => p.connectionId));
      for (const connectionId of connectionIds ?? [])
        if (!found.has(connectionId))
          errors.push({
            connectionId,
            error: toValue(
              DeckError.of('not-found', `No connection ${connectionId}`, {
                reason: 'connection.unknown',
                params: { id: connectionId },
              }),
              connectionId,
            ),
          });
      sessions.sort(
        (a, b) => (b.openedAt ?? 0) - (a.openedAt ?? 0) || a.profileKey.localeCompare(b.profileKey),
      );
      return { sessions, errors };
    },

    /** The live session of one profile; not-found when it is not open. */
    async sessionFor(profileKey: string): Promise<Session> {
      const { connectionId, vendorId } = splitProfileKey(profileKey);
      const [provider] = deps.providers([connectionId]);
      if (!provider)
        throw DeckError.of('not-found', 'That connection no longer exists', {
          reason: 'session.connection-gone',
        });
      const found = (await provider.listSessions()).find((s) => s.vendorId === vendorId);
      if (!found)
        throw DeckError.of('not-found', 'This profile is not open', { reason: 'session.not-open' });
      return withName(found);
    },
  };
}
export type SessionsService = ReturnType<typeof createSessionsService>;

/** The `sessions:list` channel; without ids, every connection (`allIds`). */
export const sessionsHandlers = (
  sessions: SessionsService,
  allIds: () => Promise<string[]>,
): HandlerGroup<'sessions:list'> => ({
  'sessions:list': async ({ connectionIds }) => sessions.list(connectionIds ?? (await allIds())),
});
