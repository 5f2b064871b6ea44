/**
 * How many of the bulk bar's buttons, from the first, fit its width: all of them, else as
 * many as leave room for "More" (which then holds the rest). Widths are measured, so longer
 * labels (a translation) move more into "More" instead of wrapping the bar.
 */
export function fitActions(
  widths: readonly number[],
  available: number,
  moreWidth: number,
  gap: number,
): number {
  const total = widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1);
  if (total <= available) return widths.length;
  let used = moreWidth;
  let fit = 0;
  for (const w of widths) {
    if (used + w + gap > available) break;
    used += w + gap;
    fit++;
  }
  return fit;
}
