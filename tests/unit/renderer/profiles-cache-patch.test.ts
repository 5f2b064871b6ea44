import { describe, expect, it } from 'vitest';
import {
  applyProfileStatus,
  applyProfilesChanged,
  mergeConnections,
  newKeys,
  renamedOrNew,
  type ProfileList,
} from '../../../renderer/src/features/profiles/cache-patch';
import { profile } from '../../fixtures/profile';

const list: ProfileList = {
  profiles: [profile(1), profile(2), profile(1, { connectionId: 'cos' }), profile(3)],
  errors: [{ connectionId: 'cos', error: { code: 'timeout', message: 'slow', retryable: true } }],
};

describe('applyProfilesChanged', () => {
  it('replaces updated rows in place, removes removed ones, keeps the rest identical', () => {
    const renamed = profile(2, { name: 'Renamed' });
    const next = applyProfilesChanged(list, { updated: [renamed], removedKeys: ['ix/3'] });
    expect(next.profiles.map((p) => p.key)).toEqual(['ix/1', 'ix/2', 'cos/1']);
    expect(next.profiles[1]).toBe(renamed);
    expect(next.profiles[0]).toBe(list.profiles[0]);
  });

  it('appends updated rows it did not have, and is a no-op on an empty event', () => {
    const created = profile(9);
    expect(
      applyProfilesChanged(list, { updated: [created], removedKeys: [] }).profiles.at(-1),
    ).toBe(created);
    expect(applyProfilesChanged(list, { updated: [], removedKeys: [] })).toBe(list);
  });
});

describe('applyProfileStatus', () => {
  it('moves status and debug port of the named rows only', () => {
    const next = applyProfileStatus(list, {
      changes: [{ key: 'ix/2', status: 'open', debugPort: 9222 }],
    });
    expect(next.profiles[1]).toMatchObject({ status: 'open', debugPort: 9222 });
    expect(next.profiles[0]).toBe(list.profiles[0]);
  });

  it('returns the same list when nothing changed', () => {
    expect(applyProfileStatus(list, { changes: [{ key: 'ix/1', status: 'closed' }] })).toBe(list);
  });
});

describe('mergeConnections', () => {
  it('replaces one connection block where it was, and its error, leaving the others', () => {
    const fresh: ProfileList = {
      profiles: [profile(1, { connectionId: 'cos' }), profile(2, { connectionId: 'cos' })],
      errors: [],
    };
    const next = mergeConnections(list, ['cos'], fresh);
    expect(next.profiles.map((p) => p.key)).toEqual(['ix/1', 'ix/2', 'cos/1', 'cos/2', 'ix/3']);
    expect(next.errors).toEqual([]);
    expect(next.profiles[0]).toBe(list.profiles[0]);
  });

  it('appends a connection the list did not have and keeps its new error', () => {
    const fresh: ProfileList = {
      profiles: [profile(5, { connectionId: 'new' })],
      errors: [],
    };
    const next = mergeConnections(list, ['new'], fresh);
    expect(next.profiles.at(-1)?.key).toBe('new/5');
    expect(next.errors).toHaveLength(1);
  });
});

describe('rows to point out', () => {
  it('an update points out the rows it renames and the rows the cache did not have', () => {
    const updated = [
      profile(1, { name: 'Renamed' }),
      profile(2, { remark: 'only the remark' }),
      profile(9, { name: 'Created' }),
    ];
    expect(renamedOrNew(list, updated)).toEqual(['ix/1', 'ix/9']);
    expect(renamedOrNew(list, [])).toEqual([]);
  });

  it('a refetch points out the profiles it brought', () => {
    const after: ProfileList = { ...list, profiles: [...list.profiles, profile(4), profile(5)] };
    expect(newKeys(list, after)).toEqual(['ix/4', 'ix/5']);
    expect(newKeys(list, list)).toEqual([]);
  });
});
