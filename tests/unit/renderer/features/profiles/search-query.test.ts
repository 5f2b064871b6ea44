import { describe, expect, it } from 'vitest';
import { implies, parseSearch } from '../../../../../renderer/src/features/profiles/search-query';

describe('the search syntax', () => {
  it('reads words, quoted phrases and field prefixes, lowercased, each once', () => {
    expect(parseSearch('  Shop "账号 97"  tag:"Big Spender" group:ADS shop ')).toEqual([
      { value: 'shop' },
      { value: '账号 97' },
      { field: 'tag', value: 'big spender' },
      { field: 'group', value: 'ads' },
    ]);
  });

  it('keeps a word whose prefix names no field, and skips a prefix with nothing after it yet', () => {
    expect(parseSearch('http://10.0.0.1:80 10:30 tag: remark:""')).toEqual([
      { value: 'http://10.0.0.1:80' },
      { value: '10:30' },
    ]);
  });

  it('an unclosed quote runs to the end: the phrase being typed', () => {
    expect(parseSearch('name:"shop 4')).toEqual([{ field: 'name', value: 'shop 4' }]);
    expect(parseSearch('"')).toEqual([]);
  });

  it('a longer term of the same field narrows a shorter one; status only by its beginning', () => {
    expect(implies({ value: 'shop 4' }, { value: 'shop' })).toBe(true);
    expect(implies({ field: 'tag', value: 'vip' }, { value: 'vip' })).toBe(false);
    expect(implies({ field: 'status', value: 'open' }, { field: 'status', value: 'op' })).toBe(
      true,
    );
    expect(implies({ field: 'status', value: 'opening' }, { field: 'status', value: 'open' })).toBe(
      false,
    );
  });
});
