import { describe, expect, it } from 'vitest';
import { parseTags } from '../../../../renderer/src/lib/parse-tags';

describe('tag lists', () => {
  it('parses a comma-separated tag list', () => {
    expect(parseTags(' a, b,,a , c ')).toEqual(['a', 'b', 'c']);
  });
});
