import { describe, expect, it } from 'vitest';
import { shownRange } from '../../../../../renderer/src/features/profiles/row-window';

const range = (startIndex: number, endIndex: number) => ({
  startIndex,
  endIndex,
  overscan: 2,
  count: 1000,
});

describe('shownRange', () => {
  it('draws the rows in view and the overscan, as the virtualizer would', () => {
    expect(shownRange(range(10, 14), 1000)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(shownRange(range(0, 3), 1000)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('never draws a row past the ones the filters show', () => {
    expect(shownRange(range(0, 9), 4)).toEqual([0, 1, 2, 3]);
    expect(shownRange(range(0, 9), 0)).toEqual([]);
  });

  it('draws the last shown rows when the view is past them (the filter just shrank the rows)', () => {
    // Scrolled to rows 500-509 of every row; the filter leaves 20.
    expect(shownRange(range(500, 509), 20)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // Partly past: the window slides up so it stays as tall as the view.
    expect(shownRange(range(15, 24), 20)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });
});
