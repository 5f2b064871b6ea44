/**
 * Issue 23, point 6: saved views keep a name with the table's filters, sort and columns,
 * and put them back.
 */
import { switchLanguage } from '../../support/i18n';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS } from '../../../../../renderer/src/features/profiles/filter';
import {
  checkViewName,
  describeView,
  readSavedViews,
  showsView,
  useSavedViews,
} from '../../../../../renderer/src/features/profiles/saved-views';
import { useProfilesUi } from '../../../../../renderer/src/features/profiles/store';

const table = () => {
  const s = useProfilesUi.getState();
  return {
    filters: s.filters,
    sorting: s.sorting,
    columnVisibility: s.columnVisibility,
    columnSizing: s.columnSizing,
  };
};

beforeEach(() => {
  useSavedViews.setState({ views: [], activeId: null });
  useProfilesUi.setState({
    filters: EMPTY_FILTERS,
    sorting: [],
    columnVisibility: {},
    columnSizing: {},
  });
});

describe('saved views', () => {
  it('keep the filters, sort and columns, and put them back', () => {
    const ui = useProfilesUi.getState();
    ui.setFilter('text', 'tag:vip "shop 1"');
    ui.setFilter('group', ['Ads', 'Shops']);
    ui.setSorting([{ id: 'name', desc: true }]);
    ui.setColumnVisibility({ remark: false });
    ui.setColumnSizing({ name: 260 });
    const saved = table();
    const view = useSavedViews.getState().save('  VIP shops ');
    expect(view.name).toBe('VIP shops');
    expect(useSavedViews.getState().activeId).toBe(view.id);

    ui.clearFilters();
    ui.setSorting([]);
    ui.setColumnVisibility({});
    ui.setColumnSizing({});
    expect(showsView(view)).toBe(false);

    useSavedViews.getState().open(view.id);
    expect(table()).toEqual(saved);
    expect(showsView(view)).toBe(true);
  });

  it('a name already used (in any case) replaces that view; delete and Undo put it back in place', () => {
    const store = useSavedViews.getState();
    const a = store.save('Ads');
    const b = store.save('Warmup');
    useProfilesUi.getState().setFilter('status', ['open']);
    const replaced = useSavedViews.getState().save('ADS');
    expect(replaced.id).toBe(a.id);
    expect(useSavedViews.getState().views.map((v) => [v.name, v.filters.status])).toEqual([
      ['ADS', ['open']],
      ['Warmup', []],
    ]);

    useSavedViews.getState().remove(replaced.id);
    expect(useSavedViews.getState().views.map((v) => v.id)).toEqual([b.id]);
    useSavedViews.getState().restore(replaced, 0);
    expect(useSavedViews.getState().views.map((v) => v.id)).toEqual([a.id, b.id]);
  });

  it('a view needs a name of at most 60 characters', () => {
    expect(checkViewName('   ')).toEqual({ ok: false, message: 'Give the view a name' });
    expect(checkViewName('x'.repeat(61))).toMatchObject({
      ok: false,
      message: expect.stringContaining('60'),
    });
    expect(checkViewName(' 账号 ')).toEqual({ ok: true, name: '账号' });
  });

  it('reads back what storage holds, dropping what is not a view', () => {
    const views = readSavedViews([
      {
        id: 'a',
        name: 'Old',
        filters: { group: 'Ads', text: 'x' },
        sorting: [{ id: 'name', desc: false }, { id: 3 }],
        columns: { columnVisibility: { remark: false }, other: 1 },
      },
      { id: 'a', name: 'Same id again' },
      { id: 'b', name: '' },
      { name: 'no id' },
      'junk',
    ]);
    expect(views).toEqual([
      {
        id: 'a',
        name: 'Old',
        filters: { ...EMPTY_FILTERS, group: ['Ads'], text: 'x' },
        sorting: [{ id: 'name', desc: false }],
        columns: { columnVisibility: { remark: false } },
      },
    ]);
    expect(readSavedViews({ not: 'a list' })).toEqual([]);
  });

  it('describes what a view puts on the table', () => {
    expect(
      describeView(
        {
          filters: {
            ...EMPTY_FILTERS,
            text: 'tag:vip',
            connectionId: ['ix-1'],
            proxyCheck: ['failed'],
          },
          sorting: [{ id: 'lastOpened', desc: true }],
          columns: { columnVisibility: { remark: false, id: false, name: true } },
        },
        (id) => (id === 'ix-1' ? 'Main ix' : id),
      ),
    ).toEqual([
      'Search: tag:vip',
      'Connections: Main ix',
      'Proxy checks: Failed',
      'Sorted by Last opened, descending',
      '2 columns hidden',
    ]);
    expect(describeView({ filters: EMPTY_FILTERS, sorting: [], columns: {} })).toEqual([
      'Every profile',
    ]);
  });

  afterEach(() => switchLanguage('en'));
  it('describes it in the language chosen when asked (the sidebar re-asks on a switch)', async () => {
    await switchLanguage('zh-CN');
    expect(
      describeView({
        filters: { ...EMPTY_FILTERS, text: 'tag:vip', proxyCheck: ['failed'] },
        sorting: [{ id: 'lastOpened', desc: true }],
        columns: { columnVisibility: { remark: false } },
      }),
    ).toEqual(['搜索：tag:vip', '代理检测：失败', '按“上次打开”降序排序', '隐藏了 1 列']);
    expect(checkViewName(' ')).toEqual({ ok: false, message: '请为视图命名' });
  });
});

describe('saved views across a restart', () => {
  it('come back from storage when the app starts, the current one still current', async () => {
    const data = new Map([
      [
        'browserdeck.saved-views',
        JSON.stringify({
          version: 1,
          state: {
            views: [
              {
                id: 'v1',
                name: 'Warmup',
                filters: { group: ['Warmup'] },
                sorting: [],
                columns: {},
              },
            ],
            activeId: 'v1',
          },
        }),
      ],
    ]);
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    });
    try {
      vi.resetModules();
      const fresh = await import('../../../../../renderer/src/features/profiles/saved-views');
      const state = fresh.useSavedViews.getState();
      expect(state.views.map((v) => [v.name, v.filters.group])).toEqual([['Warmup', ['Warmup']]]);
      expect(state.activeId).toBe('v1');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
