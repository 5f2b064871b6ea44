import { describe, expect, it } from 'vitest';
import {
  clearProfileSelection,
  useProfilesUi,
} from '../../../../../renderer/src/features/profiles/store';

describe('profiles UI state', () => {
  it('closes an open bulk dialog when the selection empties, keeping the focus row', () => {
    const ui = useProfilesUi.getState();
    ui.setSelection({ keys: new Set(['ix/1', 'ix/2']), anchor: 'ix/1', focus: 'ix/2' });
    ui.openBulkDialog('rename');
    useProfilesUi.getState().setSelection({
      keys: new Set(['ix/2']),
      anchor: 'ix/2',
      focus: 'ix/2',
    });
    expect(useProfilesUi.getState().bulkDialog).toBe('rename');

    clearProfileSelection();
    const after = useProfilesUi.getState();
    expect(after.selection.keys.size).toBe(0);
    expect(after.selection.focus).toBe('ix/2');
    expect(after.bulkDialog).toBeNull();
  });
});
