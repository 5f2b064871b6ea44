/**
 * The connection's rate limiter, on an injected clock: request starts are a rate's interval
 * apart whoever asks, in the order asked; a changed rate applies to the next request; a
 * cancelled wait starts nothing; and the call gate makes every attempt, retries too, take
 * a slot.
 */
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../shared/ipc/result';
import { createCallGate } from '../../../electron/main/providers/common/call-gate';
import {
  createRateLimiter,
  rateInterval,
} from '../../../electron/main/providers/common/rate-limiter';

/** A clock that moves only when someone sleeps: virtual time, in order of wake-up. */
function virtualTime() {
  let now = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  let scheduled = false;
  const run = () => {
    scheduled = false;
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After every microtask queued so far: callers that are ready get to reserve first.
    setImmediate(run);
  };
  return {
    clock: () => now,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const entry = { at: now + ms, wake: resolve };
        sleepers.push(entry);
        signal?.addEventListener('abort', () => {
          sleepers.splice(sleepers.indexOf(entry), 1);
          reject(DeckError.of('cancelled', 'Cancelled'));
        });
        schedule();
      }),
  };
}

describe('rate limiter', () => {
  it('at 1/s, 3 callers of 10 requests each: every start is at least a second after the last', async () => {
    const time = virtualTime();
    const limiter = createRateLimiter({ perSecond: () => 1, ...time });
    const starts: Array<{ at: number; who: string }> = [];
    await Promise.all(
      ['listing', 'job', 'sessions'].map(async (who) => {
        for (let i = 0; i < 10; i++) {
          await limiter.take();
          starts.push({ at: time.clock(), who });
        }
      }),
    );
    expect(starts).toHaveLength(30);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]!.at - starts[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    // Nobody is starved: all three are served through the run.
    expect(new Set(starts.slice(0, 6).map((s) => s.who)).size).toBe(3);
    expect(rateInterval(1)).toBeGreaterThan(1000);
    // A margin, not a slowdown: at most an eighth of the rate.
    expect(rateInterval(1)).toBeLessThan(1125);
  });

  it('reads the rate per request: raising it shortens the next interval', async () => {
    const time = virtualTime();
    let rate = 1;
    const limiter = createRateLimiter({ perSecond: () => rate, ...time });
    await limiter.take();
    await limiter.take();
    const slow = time.clock();
    rate = 10;
    await limiter.take();
    await limiter.take();
    expect(time.clock() - slow).toBeLessThan(rateInterval(1) + rateInterval(10) + 1);
    expect(time.clock() - slow).toBeGreaterThanOrEqual(rateInterval(1));
  });

  it('a late wake-up (a busy event loop) moves the next start: the interval holds from real starts', async () => {
    const time = virtualTime();
    let late = 80;
    // The first wait wakes 80 ms after it should, as a starved event loop does.
    const sleep = (ms: number, signal?: AbortSignal) => {
      const extra = late;
      late = 0;
      return time.sleep(ms + extra, signal);
    };
    const limiter = createRateLimiter({ perSecond: () => 1, clock: time.clock, sleep });
    await limiter.take();
    const starts: number[] = [];
    await Promise.all(
      [0, 1, 2].map(async () => {
        await limiter.take();
        starts.push(time.clock());
      }),
    );
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(rateInterval(1));
  });

  it('a cancelled wait rejects with cancelled and never counts as a start', async () => {
    const time = virtualTime();
    const limiter = createRateLimiter({ perSecond: () => 1, ...time });
    await limiter.take();
    const abort = new AbortController();
    const waiting = limiter.take(abort.signal);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('the gate: a busy answer retried takes a slot of its own', async () => {
    const time = virtualTime();
    const limiter = createRateLimiter({ perSecond: () => 1, ...time });
    const gate = createCallGate({
      concurrency: 3,
      limiter,
      clock: time.clock,
      sleep: time.sleep,
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const attempts: number[] = [];
    await gate.run(
      async () => {
        attempts.push(time.clock());
        if (attempts.length < 3) throw DeckError.of('busy', 'Too many request per second');
        return 'ok';
      },
      { idempotent: true },
    );
    expect(attempts).toHaveLength(3);
    for (let i = 1; i < attempts.length; i++)
      expect(attempts[i]! - attempts[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('a closed gate (a disposed provider) cancels what waits and sends nothing more', async () => {
    const time = virtualTime();
    const limiter = createRateLimiter({ perSecond: () => 1, ...time });
    const gate = createCallGate({
      concurrency: 1,
      limiter,
      clock: time.clock,
      sleep: time.sleep,
      retry: { retries: 50, baseDelayMs: 100, maxDelayMs: 100 },
    });
    let sent = 0;
    // A listing retrying a busy client until a deadline, and two calls queued behind it.
    const retrying = gate.run(
      async () => {
        sent++;
        throw DeckError.of('busy', 'Too many request per second');
      },
      { idempotent: true, deadline: 10_000_000 },
    );
    const queued = [1, 2].map(() => gate.run(async () => void sent++, { idempotent: true }));
    await new Promise((r) => setImmediate(r));
    const before = sent;
    gate.close();
    await expect(retrying).rejects.toMatchObject({ code: expect.stringMatching(/cancelled|busy/) });
    for (const q of queued) await expect(q).rejects.toMatchObject({ code: 'cancelled' });
    expect(sent).toBe(before);
    await expect(gate.run(async () => void sent++, { idempotent: true })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(sent).toBe(before);
  });
});
