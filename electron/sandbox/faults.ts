/**
 * Fault injection: one place decides whether a request is delayed, dropped or answered
 * busy, with rolls from the seeded PRNG so a flaky-network test is reproducible.
 */
import { DEFAULT_IX_CONCURRENCY_LIMIT, type FaultOptions } from './options';
import { createRandom, type Random } from './random';

export interface Faults {
  set(options: FaultOptions): void;
  latencyMs(): number;
  drop(): boolean;
  busy(): boolean;
  concurrencyLimit(): number;
  /** True when edits of this vendor id must fail. */
  failsEdit(vendorId: string | number): boolean;
  /** A roll for choosing between equivalent busy answers. */
  random: Random;
}

const clampRate = (rate: number | undefined): number =>
  Number.isFinite(rate) ? Math.min(1, Math.max(0, rate as number)) : 0;

export function createFaults(initial: FaultOptions | undefined, seed: number): Faults {
  const random = createRandom(seed ^ 0x5eed_fa17);
  let current: FaultOptions = {};
  let failIds = new Set<string>();
  const faults: Faults = {
    set(options) {
      current = { ...options };
      failIds = new Set((options.failIds ?? []).map(String));
    },
    latencyMs: () => Math.max(0, current.latencyMs ?? 0),
    // A rate of 0 never rolls, so fault-free runs do not consume the sequence.
    drop: () => clampRate(current.dropRate) > 0 && random.next() < clampRate(current.dropRate),
    busy: () => clampRate(current.errorRate) > 0 && random.next() < clampRate(current.errorRate),
    concurrencyLimit: () => Math.max(0, current.ixConcurrencyLimit ?? DEFAULT_IX_CONCURRENCY_LIMIT),
    failsEdit: (vendorId) => failIds.has(String(vendorId)),
    random,
  };
  faults.set(initial ?? {});
  return faults;
}
