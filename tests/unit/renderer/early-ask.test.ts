/**
 * The page's first script asks for the last-known rows and reads the snapshots main hands
 * over as text when they arrive, while the app's code is still on its way: the app takes
 * rows, not text to parse after it has run (start.lastknown10k.ms).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotText } from '../../../shared/model/last-known-snapshot';
import { profile } from '../../fixtures/profile';

const snapshot = (connectionId: string, count: number, listedAt: number) =>
  snapshotText(connectionId, {
    listedAt,
    profiles: Array.from({ length: count }, (_, i) =>
      profile(i + 1, { connectionId, key: `${connectionId}/${i + 1}` }),
    ),
  });

const withDeck = (lastKnown: () => Promise<unknown>) =>
  vi.stubGlobal('window', { deck: { profiles: { lastKnown } } });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the early ask for the last-known rows', () => {
  it('reads the snapshots as soon as the answer arrives, before the app takes it', async () => {
    let arrive!: (answer: unknown) => void;
    withDeck(() => new Promise((resolve) => (arrive = resolve)));
    const { askLastKnownEarly, takeEarlyLastKnown } =
      await import('../../../renderer/src/early-ask');
    const parse = vi.spyOn(JSON, 'parse');
    askLastKnownEarly();
    arrive({
      ok: true,
      data: {
        profiles: [],
        connections: [],
        snapshots: [{ connectionId: 'ads', text: snapshot('ads', 3, 42) }],
      },
    });
    // Arrived, not yet taken: the text is read already.
    await vi.waitFor(() => expect(parse).toHaveBeenCalled());
    parse.mockRestore();

    const taken = await takeEarlyLastKnown()!;
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    expect(taken.data.snapshots).toEqual([]);
    expect(taken.data.connections).toEqual([{ connectionId: 'ads', listedAt: 42 }]);
    expect(taken.data.profiles.map((p) => [p.key, p.status])).toEqual([
      ['ads/1', 'unknown'],
      ['ads/2', 'unknown'],
      ['ads/3', 'unknown'],
    ]);
    // Taken once: a later read asks main again.
    expect(takeEarlyLastKnown()).toBeUndefined();
  });

  it('passes a failure on as it came', async () => {
    const error = { code: 'internal', message: 'disk', retryable: false };
    withDeck(() => Promise.resolve({ ok: false, error }));
    const { askLastKnownEarly, takeEarlyLastKnown } =
      await import('../../../renderer/src/early-ask');
    askLastKnownEarly();
    expect(await takeEarlyLastKnown()).toEqual({ ok: false, error });
  });

  it('asks nothing without a deck (a page opened outside the app): the app asks and says why', async () => {
    vi.stubGlobal('window', {});
    const { askLastKnownEarly, takeEarlyLastKnown } =
      await import('../../../renderer/src/early-ask');
    askLastKnownEarly();
    expect(takeEarlyLastKnown()).toBeUndefined();
  });
});
