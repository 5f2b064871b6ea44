import { describe, expect, it } from 'vitest';
import {
  EMPTY_PREVIEW,
  applyPage,
  mergePreviews,
  previewFromLastKnown,
} from '../../../../../renderer/src/features/profiles/listing-preview';
import { profile } from '../../../../fixtures/profile';

const p = (id: number, connectionId = 'c1', name = `old ${id}`) =>
  profile(id, { connectionId, key: `${connectionId}/${id}`, name });

describe('the listing preview', () => {
  it('starts from the last-known rows and their listing times', () => {
    const preview = previewFromLastKnown({
      profiles: [p(1), p(2)],
      connections: [{ connectionId: 'c1', listedAt: 5 }],
      snapshots: [],
    });
    expect(preview.profiles.map((x) => x.key)).toEqual(['c1/1', 'c1/2']);
    expect([...preview.staleSince]).toEqual([['c1', 5]]);
  });

  it('a page replaces the rows it names, in place, and adds the new ones at the end', () => {
    const base = previewFromLastKnown({
      profiles: [p(1), p(2), p(1, 'c2')],
      connections: [{ connectionId: 'c1', listedAt: 5 }],
      snapshots: [],
    });
    const next = applyPage(base, {
      connectionId: 'c1',
      profiles: [p(2, 'c1', 'fresh 2'), p(3, 'c1', 'fresh 3')],
    });
    expect(next.profiles.map((x) => x.name)).toEqual(['old 1', 'fresh 2', 'old 1', 'fresh 3']);
    expect(next.staleSince).toBe(base.staleSince);
    expect(applyPage(base, { connectionId: 'c1', profiles: [] })).toBe(base);
  });

  it('pages that came before the last-known rows stay on top of them', () => {
    const pages = applyPage(EMPTY_PREVIEW, {
      connectionId: 'c1',
      profiles: [p(2, 'c1', 'fresh 2')],
    });
    const known = previewFromLastKnown({
      profiles: [p(1), p(2)],
      connections: [{ connectionId: 'c1', listedAt: 5 }],
      snapshots: [],
    });
    expect(mergePreviews(known, pages).profiles.map((x) => x.name)).toEqual(['old 1', 'fresh 2']);
  });
});
