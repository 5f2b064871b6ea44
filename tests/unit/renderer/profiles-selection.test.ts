import { describe, expect, it } from 'vitest';
import {
  clearSelection,
  clickRow,
  EMPTY_SELECTION,
  moveFocus,
  positionsOf,
  pruneSelection,
  selectAll,
  selectedInOrder,
  toggleFocus,
  type Selection,
} from '../../../renderer/src/features/profiles/selection';

const order = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}` }));
const keys = (s: Selection) => [...s.keys].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
const plain = { range: false, toggle: false };
const shift = { range: true, toggle: false };
const ctrl = { range: false, toggle: true };

describe('clicks', () => {
  it('a click selects one row; Shift-click selects the range from it, in view order', () => {
    const a = clickRow(EMPTY_SELECTION, 'k3', plain, order);
    expect(keys(a)).toEqual(['k3']);
    const b = clickRow(a, 'k27', shift, order);
    expect(b.keys.size).toBe(25);
    expect(keys(b)[0]).toBe('k3');
    expect(keys(b)[24]).toBe('k27');
    // A second Shift-click re-ranges from the same anchor, also upwards.
    const c = clickRow(b, 'k1', shift, order);
    expect(keys(c)).toEqual(['k1', 'k2', 'k3']);
  });

  it('the range follows the current order, not the data order', () => {
    const sorted = [{ key: 'c' }, { key: 'a' }, { key: 'd' }, { key: 'b' }];
    const s = clickRow(clickRow(EMPTY_SELECTION, 'a', plain, sorted), 'b', shift, sorted);
    expect([...s.keys].sort()).toEqual(['a', 'b', 'd']);
  });

  it('Ctrl-click toggles one row and moves the anchor; Ctrl+Shift adds a range', () => {
    let s = clickRow(EMPTY_SELECTION, 'k1', plain, order);
    s = clickRow(s, 'k5', ctrl, order);
    expect(keys(s)).toEqual(['k1', 'k5']);
    s = clickRow(s, 'k1', ctrl, order);
    expect(keys(s)).toEqual(['k5']);
    s = clickRow(s, 'k10', ctrl, order);
    s = clickRow(s, 'k12', { range: true, toggle: true }, order);
    expect(keys(s)).toEqual(['k5', 'k10', 'k11', 'k12']);
  });

  it('Shift-click with the anchor filtered away starts afresh', () => {
    const s = clickRow(
      clickRow(EMPTY_SELECTION, 'gone', plain, [{ key: 'gone' }]),
      'k2',
      shift,
      order,
    );
    expect(keys(s)).toEqual(['k2']);
  });
});

describe('keyboard', () => {
  it('arrows move the focus only; Shift+arrows select anchor..focus', () => {
    let s = clickRow(EMPTY_SELECTION, 'k5', plain, order);
    s = moveFocus(s, 1, order, false);
    expect(s.focus).toBe('k6');
    expect(keys(s)).toEqual(['k5']);
    s = moveFocus(s, 1, order, true);
    s = moveFocus(s, 1, order, true);
    expect(keys(s)).toEqual(['k6', 'k7', 'k8']);
    s = moveFocus(s, -3, order, true);
    expect(keys(s)).toEqual(['k5', 'k6']);
  });

  it('stops at the ends and starts at the top without a focus', () => {
    expect(moveFocus(EMPTY_SELECTION, 1, order, false).focus).toBe('k0');
    const atEnd = moveFocus({ ...EMPTY_SELECTION, focus: 'k38' }, 100, order, false);
    expect(atEnd.focus).toBe('k39');
    expect(moveFocus(atEnd, -1000, order, false).focus).toBe('k0');
    expect(moveFocus(EMPTY_SELECTION, 1, [], false)).toBe(EMPTY_SELECTION);
  });

  it('Space toggles the focus row', () => {
    const s = toggleFocus({ ...EMPTY_SELECTION, focus: 'k2' });
    expect(keys(s)).toEqual(['k2']);
    expect(keys(toggleFocus(s))).toEqual([]);
  });

  it('select all takes every row of the (filtered) order; clear keeps the focus', () => {
    const filtered = order.filter((_, i) => i % 2 === 0);
    const s = selectAll({ ...EMPTY_SELECTION, focus: 'k4' }, filtered);
    expect(s.keys.size).toBe(20);
    expect(s.keys.has('k1')).toBe(false);
    const cleared = clearSelection(s);
    expect(cleared.keys.size).toBe(0);
    expect(cleared.focus).toBe('k4');
  });
});

describe('surviving refetches', () => {
  it('drops keys that vanished and keeps the rest; unchanged when nothing vanished', () => {
    const s = clickRow(clickRow(EMPTY_SELECTION, 'k1', plain, order), 'k4', shift, order);
    const present = new Set(['k1', 'k2', 'k4']);
    const pruned = pruneSelection(s, (k) => present.has(k));
    expect(keys(pruned)).toEqual(['k1', 'k2', 'k4']);
    expect(pruneSelection(pruned, (k) => present.has(k))).toBe(pruned);
  });

  it('selectedInOrder lists selected rows in the given order', () => {
    expect(
      selectedInOrder([{ key: 'b' }, { key: 'a' }, { key: 'c' }], new Set(['a', 'b'])),
    ).toEqual([{ key: 'b' }, { key: 'a' }]);
  });

  it('with the positions of the order, a small selection comes out the same, gone keys left out', () => {
    const big = Array.from({ length: 1000 }, (_, i) => ({ key: `r${(i * 7) % 1000}` }));
    const picked = new Set(['r700', 'r7', 'gone', 'r14']);
    const positions = positionsOf(big);
    expect(selectedInOrder(big, picked, positions)).toEqual(selectedInOrder(big, picked));
    expect(selectedInOrder(big, picked, positions).map((r) => r.key)).toEqual([
      'r7',
      'r14',
      'r700',
    ]);
  });
});
