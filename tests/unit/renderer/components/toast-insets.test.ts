import { describe, expect, it } from 'vitest';
import { insetsOf } from '../../../../renderer/src/components/toast-insets';

describe('toast insets', () => {
  it('keep toasts past the furthest claim of each edge, in whole pixels', () => {
    expect(insetsOf([])).toEqual({ bottom: 0, right: 0 });
    expect(
      insetsOf([
        { edge: 'bottom', px: 45.2 },
        { edge: 'right', px: 320 },
        { edge: 'bottom', px: 30 },
      ]),
    ).toEqual({ bottom: 46, right: 320 });
  });
});
