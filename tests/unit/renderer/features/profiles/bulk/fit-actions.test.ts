import { describe, expect, it } from 'vitest';
import { fitActions } from '../../../../../../renderer/src/features/profiles/bulk/fit-actions';

describe('bulk bar fit', () => {
  it('shows every button when all fit, with no "More"', () => {
    expect(fitActions([50, 50, 50], 160, 60, 5)).toBe(3);
  });

  it('keeps room for "More" once one does not fit, and never wraps', () => {
    // 50+5, 50+5 and More (60) take 170; a third button would need 55 more.
    expect(fitActions([50, 50, 50, 50, 50], 200, 60, 5)).toBe(2);
    expect(fitActions([50, 50, 50, 50, 50], 224, 60, 5)).toBe(2);
    expect(fitActions([50, 50, 50, 50, 50], 225, 60, 5)).toBe(3);
    expect(fitActions([50, 50], 40, 60, 5)).toBe(0);
  });
});
