/**
 * Distinct values written once in a file and referred to by index (the last-known snapshot's
 * proxies, tag lists and proxy checks). Objects are written without the fields they share
 * with most others, their `defaults`, and get them back when read: of a proxy's 11 fields,
 * five are the same empty string or `false` in nearly every proxy of a listing, and its
 * method and password flag mostly the same too.
 */
import { isRecord } from '../lib/is-record';

type Primitive = string | number | boolean | null | undefined;

/** Past this many distinct values, a field has no default worth counting towards. */
const FEW = 16;

interface FieldCount {
  /** How many of the objects have the field. */
  present: number;
  /** How many hold each value; null once it is not a primitive or too many are. */
  values: Map<Primitive, number> | null;
}

export function valueTable() {
  const index = new Map<string, number>();
  const list: unknown[] = [];
  let objects = 0;
  let onlyObjects = true;
  const fields = new Map<string, FieldCount>();

  const count = (value: unknown) => {
    if (!isRecord(value)) {
      onlyObjects = false;
      return;
    }
    objects++;
    for (const key in value) {
      const v = value[key];
      let c = fields.get(key);
      if (!c) fields.set(key, (c = { present: 0, values: new Map() }));
      c.present++;
      if (!c.values) continue;
      if (typeof v === 'object' && v !== null) c.values = null;
      else {
        c.values.set(v as Primitive, (c.values.get(v as Primitive) ?? 0) + 1);
        if (c.values.size > FEW) c.values = null;
      }
    }
  };

  /** Fields every object has, with the value most of them hold (when two or more do). */
  const defaults = (): Record<string, Primitive> => {
    const common: Record<string, Primitive> = {};
    if (!onlyObjects) return common;
    for (const [key, c] of fields) {
      if (c.present !== objects || !c.values) continue;
      let most = 1;
      for (const [v, n] of c.values)
        if (n > most) {
          most = n;
          common[key] = v;
        }
    }
    return common;
  };

  return {
    /** The value's index, written once however many rows refer to it. */
    ref(value: unknown): number {
      const json = JSON.stringify(value);
      let i = index.get(json);
      if (i === undefined) {
        index.set(json, (i = list.length));
        list.push(value);
        count(value);
      }
      return i;
    },
    /** `{"defaults":…,"list":[…]}`, the list `slice` values a piece. */
    *text(slice: number): Generator<string> {
      const common = defaults();
      const keys = Object.keys(common);
      const without = (value: unknown) => {
        if (!keys.length || !isRecord(value)) return JSON.stringify(value);
        const rest: Record<string, unknown> = {};
        for (const key in value) if (value[key] !== common[key]) rest[key] = value[key];
        return JSON.stringify(rest);
      };
      yield `{"defaults":${JSON.stringify(common)},"list":[`;
      for (let i = 0; i < list.length; i += slice)
        yield (
          (i ? ',' : '') +
          list
            .slice(i, i + slice)
            .map(without)
            .join(',')
        );
      yield ']}';
    },
  };
}

const frozen = (value: unknown): unknown => {
  if (Array.isArray(value)) for (const item of value) frozen(item);
  return typeof value === 'object' && value !== null ? Object.freeze(value) : value;
};

/**
 * A table as `text` wrote it, read back: each object with its defaults again, each value
 * frozen (rows that share one share one object; an edit in place would change them all).
 * Anything else reads as no values: the rows referring to them are refused.
 */
export function readValueTable(table: unknown): readonly unknown[] {
  if (!isRecord(table) || !Array.isArray(table['list'])) return [];
  const common = isRecord(table['defaults']) ? table['defaults'] : {};
  const filled = Object.keys(common).length > 0;
  return (table['list'] as unknown[]).map((v) =>
    frozen(filled && isRecord(v) ? { ...common, ...v } : v),
  );
}
