import { describe, expect, it } from 'vitest';
import {
  columnGroups,
  DEFAULT_COLUMN_PINNING,
  DEFAULT_COLUMN_VISIBILITY,
  moveColumn,
  pinColumn,
  shiftColumn,
  type ColumnLayout,
} from '../../../../../renderer/src/features/profiles/column-layout';
import { PROFILE_COLUMNS } from '../../../../../renderer/src/features/profiles/columns';

const ALL = ['a', 'b', 'c', 'd', 'e'];
const none: ColumnLayout = { order: [], pinning: { left: [], right: [] } };
const drawn = (l: ColumnLayout) => {
  const g = columnGroups(ALL, l);
  return [...g.left.map((id) => `<${id}`), ...g.center, ...g.right.map((id) => `${id}>`)].join(' ');
};

describe('column layout', () => {
  it('out of the box, the shown columns fit a 1280 px laptop beside the nav, Status pinned in view', () => {
    // The nav is w-48 (192 px); a classic scrollbar takes up to 17 px.
    const room = 1280 - 192 - 17;
    const shown = PROFILE_COLUMNS.filter((c) => DEFAULT_COLUMN_VISIBILITY[c.id] !== false);
    expect(shown.reduce((w, c) => w + c.size, 0)).toBeLessThanOrEqual(room);
    expect(shown.map((c) => c.id)).toContain('status');
    expect(DEFAULT_COLUMN_PINNING.right).toEqual(['status']);
  });

  it('a dragged header lands before or after its target, in the same order of every column', () => {
    expect(drawn(moveColumn(ALL, none, 'd', 'b', 'before'))).toBe('a d b c e');
    expect(drawn(moveColumn(ALL, none, 'a', 'c', 'after'))).toBe('b c a d e');
    expect(moveColumn(ALL, none, 'a', 'a', 'after')).toBe(none);
    expect(moveColumn(ALL, none, 'zz', 'a', 'after')).toBe(none);
  });

  it('dropped among pinned columns, a column is pinned there; dragged out, it scrolls again', () => {
    const pinned = pinColumn(ALL, none, 'e', 'right');
    expect(drawn(pinned)).toBe('a b c d e>');
    const joined = moveColumn(ALL, pinned, 'a', 'e', 'before');
    expect(drawn(joined)).toBe('b c d a> e>');
    expect(joined.pinning).toEqual({ left: [], right: ['a', 'e'] });
    expect(drawn(moveColumn(ALL, joined, 'a', 'c', 'after'))).toBe('b c a d e>');
  });

  it('pinning puts a column at the inner end of its edge; unpinning puts it back in its place', () => {
    let l = pinColumn(ALL, none, 'c', 'left');
    l = pinColumn(ALL, l, 'e', 'left');
    expect(drawn(l)).toBe('<c <e a b d');
    l = pinColumn(ALL, l, 'b', 'right');
    l = pinColumn(ALL, l, 'a', 'right');
    expect(drawn(l)).toBe('<c <e d a> b>');
    expect(drawn(pinColumn(ALL, l, 'c', false))).toBe('<e c d a> b>');
  });

  it('keyboard moves step over hidden columns and stop at the edge of the group', () => {
    const shown = (id: string) => id !== 'c';
    expect(drawn(shiftColumn(ALL, none, 'b', 1, shown))).toBe('a c d b e');
    expect(drawn(shiftColumn(ALL, none, 'd', -1, shown))).toBe('a d b c e');
    expect(shiftColumn(ALL, none, 'a', -1, shown)).toBe(none);
    const pinned = pinColumn(ALL, none, 'e', 'right');
    expect(shiftColumn(ALL, pinned, 'd', 1, shown)).toBe(pinned);
  });

  it('ids a later build no longer has are ignored, new ones are appended', () => {
    const old: ColumnLayout = { order: ['gone', 'c', 'a'], pinning: { left: ['gone'], right: [] } };
    expect(drawn(old)).toBe('c a b d e');
  });
});
