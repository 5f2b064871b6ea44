/** The profiles screen's remembered settings, through a localStorage as the page has one. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COLUMN_VISIBILITY } from '../../../../../renderer/src/features/profiles/column-layout';

const KEY = 'browserdeck.profiles';
let saved: Map<string, string>;

beforeEach(() => {
  saved = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
    removeItem: (k: string) => void saved.delete(k),
  });
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

const load = async () =>
  (await import('../../../../../renderer/src/features/profiles/store')).useProfilesUi;

describe('remembered profiles settings', () => {
  it('column order, pins, widths and density come back after a restart', async () => {
    const first = await load();
    first.getState().setColumnOrder(['name', 'connection']);
    first.getState().setColumnPinning({ left: ['name'], right: ['status'] });
    first.getState().setColumnSizing({ name: 240 });
    first.getState().setDensity('compact');

    vi.resetModules();
    const again = (await load()).getState();
    expect(again.columnOrder).toEqual(['name', 'connection']);
    expect(again.columnPinning).toEqual({ left: ['name'], right: ['status'] });
    expect(again.columnSizing).toEqual({ name: 240 });
    expect(again.density).toBe('compact');
  });

  it('settings of the build that showed every column take the new defaults for untouched ones', async () => {
    saved.set(
      KEY,
      JSON.stringify({
        state: { columnVisibility: { remark: false, debugPort: true } },
        version: 1,
      }),
    );
    const s = (await load()).getState();
    expect(s.columnVisibility).toEqual({
      ...DEFAULT_COLUMN_VISIBILITY,
      remark: false,
      debugPort: true,
    });
    expect(s.columnPinning).toEqual({ left: [], right: ['status'] });
    expect(s.density).toBe('standard');
  });

  it('a density it does not know falls back to the default', async () => {
    saved.set(KEY, JSON.stringify({ state: { density: 'huge' }, version: 2 }));
    expect((await load()).getState().density).toBe('standard');
  });
});
