/**
 * The UI state an older build saved under one key ('browserdeck.ui') comes back after the
 * app's view and the profiles table's settings moved into stores of their own.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COLUMN_VISIBILITY } from '../../../../renderer/src/features/profiles/column-layout';

/** A localStorage stand-in; the stores read it when their module loads. */
function memoryStorage(entries: Record<string, string>) {
  const data = new Map(Object.entries(entries));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const oldEntry = JSON.stringify({
  version: 1,
  state: {
    view: 'sessions',
    filters: { text: 'shop', connectionId: 'ix' },
    sorting: [{ id: 'name', desc: true }],
    columnVisibility: { remark: false },
    columnSizing: { name: 240 },
  },
});

async function loadStores() {
  vi.resetModules();
  const { useUi } = await import('../../../../renderer/src/store');
  const { useProfilesUi } = await import('../../../../renderer/src/features/profiles/store');
  const { EMPTY_FILTERS } = await import('../../../../renderer/src/features/profiles/filter');
  return { useUi, useProfilesUi, EMPTY_FILTERS };
}

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage({ 'browserdeck.ui': oldEntry });
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('UI state saved by an older build', () => {
  it('comes back: the view in the app store, filters and columns in the profiles store', async () => {
    const { useUi, useProfilesUi, EMPTY_FILTERS } = await loadStores();
    expect(useUi.getState().view).toBe('sessions');
    const p = useProfilesUi.getState();
    // A field added since that build gets its default; one value per filter becomes a list.
    expect(p.filters).toEqual({ ...EMPTY_FILTERS, text: 'shop', connectionId: ['ix'] });
    expect(p.sorting).toEqual([{ id: 'name', desc: true }]);
    // That build showed every column by default: the ones it left alone take today's.
    expect(p.columnVisibility).toEqual({ ...DEFAULT_COLUMN_VISIBILITY, remark: false });
    expect(p.columnSizing).toEqual({ name: 240 });
  });

  it('each store then saves only its own fields under its own key; the old entry stays as it was', async () => {
    const { useUi, useProfilesUi } = await loadStores();
    useUi.getState().setView('activity');
    useProfilesUi.getState().setSorting([]);
    expect(JSON.parse(storage.data.get('browserdeck.view')!)).toEqual({
      version: 1,
      state: { view: 'activity' },
    });
    const profiles = JSON.parse(storage.data.get('browserdeck.profiles')!);
    expect(Object.keys(profiles.state).sort()).toEqual([
      'columnOrder',
      'columnPinning',
      'columnSizing',
      'columnVisibility',
      'density',
      'filters',
      'sorting',
    ]);
    expect(storage.data.get('browserdeck.ui')).toBe(oldEntry);

    // After a restart each reads its own key, even though the old one still says otherwise.
    const again = await loadStores();
    expect(again.useUi.getState().view).toBe('activity');
    expect(again.useProfilesUi.getState().sorting).toEqual([]);
    expect(again.useProfilesUi.getState().filters.text).toBe('shop');
  });

  it('an unknown view in storage opens the profiles screen', async () => {
    storage.data.set(
      'browserdeck.view',
      JSON.stringify({ version: 1, state: { view: 'no-such-view' } }),
    );
    const { useUi } = await loadStores();
    expect(useUi.getState().view).toBe('profiles');
  });
});
