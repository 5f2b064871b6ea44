import { afterEach, describe, expect, it } from 'vitest';
import type { Job, JobProgress } from '../../../shared/model/job';
import {
  itemFailure,
  resultKeys,
  waitForJobEnd,
} from '../../../renderer/src/features/create/job-outcome';

const job = (state: Job['state'], items: Job['items'] = []): Job => ({
  id: 'j1',
  kind: 'create',
  label: 'Create profiles',
  state,
  createdAt: 1,
  total: items.length,
  ok: items.filter((i) => i.state === 'ok').length,
  failed: items.filter((i) => i.state === 'failed').length,
  cancelled: 0,
  interrupted: 0,
  skipped: 0,
  items,
});

/** A window.deck with just what the job follow-up calls; `get` returning undefined fails. */
function fakeDeck(get: () => Job | undefined) {
  const listeners = new Set<(p: JobProgress) => void>();
  const deck = {
    jobs: {
      get: async () => {
        const data = get();
        return data
          ? { ok: true as const, data }
          : { ok: false as const, error: { code: 'busy', message: 'busy', retryable: true } };
      },
    },
    events: {
      onJobsProgress: (l: (p: JobProgress) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
  };
  (globalThis as unknown as { window: unknown }).window = { deck };
  return {
    emit: (p: JobProgress) => listeners.forEach((l) => l(p)),
    listening: () => listeners.size,
  };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('following a job to its end', () => {
  it('resolves with the whole job when its progress says it ended', async () => {
    let current = job('running');
    const deck = fakeDeck(() => current);
    const ended = waitForJobEnd('j1');
    await Promise.resolve();
    current = job('done', [
      { key: 'create:0', connectionId: 'ix', label: 'Shop 001', state: 'ok', resultKey: 'ix/41' },
      {
        key: 'create:1',
        connectionId: 'ix',
        label: 'Shop 002',
        state: 'failed',
        error: {
          code: 'vendor-error',
          message: 'ixBrowser refused: profile name exists',
          retryable: false,
          details: { vendorCode: 101004 },
        },
      },
    ]);
    const { items: _items, ...summary } = current;
    deck.emit({ ...summary, id: 'other', changed: [] });
    deck.emit({ ...summary, changed: [] });
    const finished = await ended;
    expect(resultKeys(finished)).toEqual(['ix/41']);
    expect(itemFailure(finished.items[1])).toBe(
      'ixBrowser refused: profile name exists (vendor code 101004)',
    );
    expect(deck.listening()).toBe(0);
  });

  it('resolves a job that ended before anyone listened', async () => {
    const deck = fakeDeck(() => job('done'));
    await expect(waitForJobEnd('j1')).resolves.toMatchObject({ state: 'done' });
    expect(deck.listening()).toBe(0);
  });

  it('keeps waiting for the end when the first look at the job fails', async () => {
    let current: Job | undefined = undefined;
    const deck = fakeDeck(() => current);
    const ended = waitForJobEnd('j1');
    await new Promise((r) => setTimeout(r, 0));
    current = job('cancelled');
    const { items: _items, ...summary } = current;
    deck.emit({ ...summary, changed: [] });
    await expect(ended).resolves.toMatchObject({ state: 'cancelled' });
  });
});
