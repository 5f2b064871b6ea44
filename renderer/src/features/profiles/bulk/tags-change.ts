/**
 * What the Tags dialog asks main to do: add or remove some tags (each profile keeps its
 * others; main works out each profile's new set from the vendor) or replace them all.
 */
import type { Profile } from '../../../../../shared/model';
import type { ActionOf } from '../../../../../shared/model/job';

export type TagsMode = 'add' | 'remove' | 'replace';

export const TAGS_MODES: readonly { mode: TagsMode; label: string; hint: string }[] = [
  {
    mode: 'add',
    label: 'Add',
    hint: 'Added to every selected profile; the tags it has stay. Tags that do not exist yet are created.',
  },
  {
    mode: 'remove',
    label: 'Remove',
    hint: 'Taken off every selected profile that has them; its other tags stay.',
  },
  {
    mode: 'replace',
    label: 'Replace',
    hint: 'Every selected profile gets exactly these tags. Tags that do not exist yet are created.',
  },
];

export type TagsJob =
  | { ok: true; action: ActionOf<'change-tags'> | ActionOf<'set-tags'>; what: string }
  | { ok: false; message: string };

const listed = (names: readonly string[]) => names.map((t) => `"${t}"`).join(', ');

/** The job for `names` in `mode`, or why there is none yet. */
export function tagsJob(mode: TagsMode, names: readonly string[], n: string): TagsJob {
  if (mode === 'replace')
    return names.length
      ? { ok: true, action: { kind: 'set-tags', tags: [...names] }, what: `Set tags on ${n}` }
      : { ok: true, action: { kind: 'set-tags', tags: [] }, what: `Remove all tags from ${n}` };
  if (names.length === 0)
    return { ok: false, message: `Name the tags to ${mode}, separated by commas` };
  return mode === 'add'
    ? {
        ok: true,
        action: { kind: 'change-tags', add: [...names], remove: [] },
        what: `Add ${listed(names)} to ${n}`,
      }
    : {
        ok: true,
        action: { kind: 'change-tags', add: [], remove: [...names] },
        what: `Remove ${listed(names)} from ${n}`,
      };
}

/** The tags the selected profiles have, most common first: what "Remove" offers. */
export function tagsOnProfiles(profiles: readonly Profile[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of profiles)
    for (const t of p.tags) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
