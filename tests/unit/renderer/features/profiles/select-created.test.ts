import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { keys } from '../../../../../renderer/src/lib/queries';
import { useProfilesUi } from '../../../../../renderer/src/features/profiles/store';
import { EMPTY_SELECTION } from '../../../../../renderer/src/features/profiles/selection';
import { selectWhenListed } from '../../../../../renderer/src/features/profiles/select-created';

const listOf = (...profileKeys: string[]) => ({
  profiles: profileKeys.map((key) => ({ key })),
  errors: [],
});

afterEach(() => {
  useProfilesUi.setState({ selection: EMPTY_SELECTION });
});

describe('selecting the profiles a job made', () => {
  it('selects the new keys only once the table lists them, so the table cannot drop them', () => {
    const client = new QueryClient();
    client.setQueryData(keys.profileList, listOf('ix/1'));
    selectWhenListed(['ix/2', 'ix/3'], client);
    expect(useProfilesUi.getState().selection.keys.size).toBe(0);

    client.setQueryData(keys.profileList, listOf('ix/1', 'ix/2'));
    expect(useProfilesUi.getState().selection.keys.size).toBe(0);

    client.setQueryData(keys.profileList, listOf('ix/1', 'ix/2', 'ix/3'));
    expect([...useProfilesUi.getState().selection.keys]).toEqual(['ix/2', 'ix/3']);
    expect(useProfilesUi.getState().selection.focus).toBe('ix/2');
  });

  it('leaves the selection alone when the user selected something else meanwhile', () => {
    const client = new QueryClient();
    client.setQueryData(keys.profileList, listOf('ix/1'));
    selectWhenListed(['ix/2'], client);
    useProfilesUi
      .getState()
      .setSelection({ keys: new Set(['ix/1']), anchor: 'ix/1', focus: 'ix/1' });
    client.setQueryData(keys.profileList, listOf('ix/1', 'ix/2'));
    expect([...useProfilesUi.getState().selection.keys]).toEqual(['ix/1']);
  });
});
