/**
 * The last open/close status main pushed for each profile, in push order. A job's read-back
 * runs after its work, and another job may start opening or closing the same row while it
 * is on the wire: the read-back's status is then older than what the table already shows
 * and must not overwrite it (the row would flip back to "open" while it is closing).
 */
import type { Profile } from '../../../../shared/model';
import type { StatusChange } from './run-context';

export function createStatusLedger() {
  let seq = 0;
  const last = new Map<string, { seq: number; change: StatusChange }>();
  return {
    record(changes: readonly StatusChange[]): void {
      for (const change of changes) last.set(change.key, { seq: ++seq, change });
    },
    /** A point to compare read-backs against: take it before the read starts. */
    mark: (): number => seq,
    /** The profile as read, with any status pushed after `mark` laid over it. */
    latest(profile: Profile, mark: number): Profile {
      const pushed = last.get(profile.key);
      if (!pushed || pushed.seq <= mark) return profile;
      const { status, debugPort } = pushed.change;
      return { ...profile, status, debugPort };
    },
  };
}
