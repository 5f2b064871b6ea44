/**
 * The snapshot's table of values: each written once, objects without the fields most of
 * them share, and read back whole.
 */
import { describe, expect, it } from 'vitest';
import { readValueTable, valueTable } from '../../../shared/model/value-table';

const written = (values: unknown[], slice = Infinity) => {
  const table = valueTable();
  const refs = values.map((v) => table.ref(v));
  return { refs, text: [...table.text(slice)].join('') };
};

describe('the value table', () => {
  it('writes each value once and refers to it by index', () => {
    const { refs, text } = written([{ a: 1 }, [1, 2], { a: 1 }, [1, 2], 'x']);
    expect(refs).toEqual([0, 1, 0, 1, 2]);
    expect(readValueTable(JSON.parse(text))).toEqual([{ a: 1 }, [1, 2], 'x']);
  });

  it('leaves out of each object the fields most objects share, and puts them back', () => {
    const proxies = [
      { type: 'socks5', host: 'a', port: 1, refreshUrl: '', udp: false },
      { type: 'socks5', host: 'b', port: 1, refreshUrl: '', udp: false },
      { type: 'http', host: 'c', port: 2, refreshUrl: 'https://r', udp: false },
    ];
    const { text } = written(proxies);
    const file = JSON.parse(text) as { defaults: object; list: object[] };
    expect(file.defaults).toEqual({ type: 'socks5', port: 1, refreshUrl: '', udp: false });
    expect(file.list).toEqual([
      { host: 'a' },
      { host: 'b' },
      { type: 'http', host: 'c', port: 2, refreshUrl: 'https://r' },
    ]);
    expect(readValueTable(file)).toEqual(proxies);
  });

  it('gives no default to a field some objects lack, to one too varied, nor to a table with arrays', () => {
    const some = written([{ a: 1, b: 2 }, { a: 1 }, { a: 1, b: 2 }]);
    expect(JSON.parse(some.text).defaults).toEqual({ a: 1 });
    expect(readValueTable(JSON.parse(some.text))).toEqual([{ a: 1, b: 2 }, { a: 1 }]);

    const varied = written(Array.from({ length: 40 }, (_, i) => ({ n: i % 20, k: 'same' })));
    expect(JSON.parse(varied.text).defaults).toEqual({ k: 'same' });

    const tags = written([[{ id: '1' }], []]);
    expect(JSON.parse(tags.text).defaults).toEqual({});
  });

  it('writes the same text in slices as at once', () => {
    const values = Array.from({ length: 7 }, (_, i) => ({ i, same: true }));
    expect(written(values, 3).text).toBe(written(values).text);
  });

  it('reads values frozen, and anything not a table as no values', () => {
    const [first] = readValueTable(JSON.parse(written([{ a: 1 }, { a: 1, b: 1 }]).text)) as [
      { a: number },
    ];
    expect(() => {
      first.a = 2;
    }).toThrow(TypeError);
    for (const bad of [null, [], { list: 'x' }, { defaults: 1 }])
      expect(readValueTable(bad), JSON.stringify(bad)).toEqual([]);
    expect(readValueTable({ defaults: 'x', list: [{ a: 1 }] })).toEqual([{ a: 1 }]);
  });
});
