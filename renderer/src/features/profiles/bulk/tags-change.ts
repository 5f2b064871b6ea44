/**
 * What the Tags dialog asks main to do: add or remove some tags (each profile keeps its
 * others; main works out each profile's new set from the vendor) or replace them all.
 */
import i18next from 'i18next';
import type { Profile } from '../../../../../shared/model';
import type { ActionOf } from '../../../../../shared/model/job';

export type TagsMode = 'add' | 'remove' | 'replace';

/** The modes in the order the dialog offers them; each is worded by bulk.tags.mode/hint.<mode>. */
export const TAGS_MODES: readonly TagsMode[] = ['add', 'remove', 'replace'];

export type TagsJob =
  | { ok: true; action: ActionOf<'change-tags'> | ActionOf<'set-tags'>; what: string }
  | { ok: false; message: string };

const listed = (names: readonly string[]) =>
  names.map((name) => i18next.t('bulk.jobs.quoted', { name })).join(', ');

/** The job for `names` in `mode`, or why there is none yet, worded in the language chosen now. */
export function tagsJob(mode: TagsMode, names: readonly string[], n: string): TagsJob {
  const t = i18next.t;
  if (mode === 'replace')
    return names.length
      ? {
          ok: true,
          action: { kind: 'set-tags', tags: [...names] },
          what: t('bulk.jobs.setTags', { n }),
        }
      : {
          ok: true,
          action: { kind: 'set-tags', tags: [] },
          what: t('bulk.jobs.removeAllTags', { n }),
        };
  if (names.length === 0) return { ok: false, message: t(`bulk.tags.missing.${mode}`) };
  return mode === 'add'
    ? {
        ok: true,
        action: { kind: 'change-tags', add: [...names], remove: [] },
        what: t('bulk.jobs.addTags', { tags: listed(names), n }),
      }
    : {
        ok: true,
        action: { kind: 'change-tags', add: [], remove: [...names] },
        what: t('bulk.jobs.removeTags', { tags: listed(names), n }),
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
