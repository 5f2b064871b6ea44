/**
 * Which rows the grid draws. The virtualizer lays out `count` rows again whenever `count`
 * changes (about 25 ms at 400,000 rows), so a filter keystroke that changed it paid that
 * in its frame. Rows are all one height, so the layout of the first N rows is the same
 * whatever the count: the virtualizer is given every listed row once per listing, and
 * this window keeps to the rows the filters show.
 */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';

/**
 * The indexes to draw among `shown` rows. A view past the last shown row (the filter just
 * shrank the rows; the browser moves the scroll up on the next layout) draws the last
 * rows, which is where that scroll lands, so the frame is never blank.
 */
export function shownRange(range: Range, shown: number): number[] {
  if (shown === 0) return [];
  const end = Math.min(range.endIndex, shown - 1);
  const start = Math.max(0, Math.min(range.startIndex, end - (range.endIndex - range.startIndex)));
  return defaultRangeExtractor({ ...range, startIndex: start, endIndex: end, count: shown });
}
