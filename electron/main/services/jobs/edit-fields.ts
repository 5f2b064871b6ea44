/**
 * The profile fields edits set, read, compared and written the same way everywhere:
 * to tell after a restart whether an interrupted edit applied, to record what an edit
 * overwrites, and to put that back (Undo) where the profile still holds what the edit set.
 */
import { z } from 'zod';
import { ProxyConfigSchema, type Profile, type ProxyConfig } from '../../../../shared/model';
import { ProxyInputSchema, type ProxyInput } from '../../../../shared/model/proxy-input';
import { DeckError } from '../../../../shared/ipc/result';
import type { CallOptions, ItemResults, VendorProvider } from '../../providers/provider';
import type { FieldNoun, ValueWords } from '../../../../shared/model/job-words';
import type { BatchFlag } from './request-shape';

/** A value in English, and as words the renderer puts in the user's language. */
export interface Described {
  text: string;
  words: ValueWords;
}

/** A value of a field as the journal keeps it: plain JSON, never a password. */
export const FieldValueSchema = z.union([
  z.string().max(1000),
  z.array(z.string().max(200)).max(50),
  z.object({ id: z.string().max(200), name: z.string().max(200).optional() }).strict(),
  ProxyConfigSchema,
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;
export interface GroupValue {
  id: string;
  name?: string;
}

export interface EditField<T extends FieldValue = FieldValue> {
  /** What the field is called in messages: "remark", "group". */
  noun: FieldNoun;
  read(profile: Profile): T;
  same(a: T, b: T): boolean;
  describe(value: T): Described;
  /** Why this value cannot be written back as it is, if it cannot. */
  unrestorable?(value: T): Unrestorable | undefined;
  /** Sets `value` on these profiles: one vendor request where the vendor batches the edit. */
  write(provider: VendorProvider, ids: string[], value: T, opts: CallOptions): Promise<ItemResults>;
  /** The capability that says a vendor writes this field for many profiles in one request. */
  batchFlag: BatchFlag;
}

/** Why a value cannot be put back, in English and as the renderer's key. */
export interface Unrestorable {
  text: string;
  key: 'undoNameEmpty' | 'undoProxyPassword';
}

function describeText(v: string): Described {
  if (!v) return { text: 'empty', words: { key: 'empty' } };
  const cut = v.length > 60 ? `${v.slice(0, 57)}…` : v;
  return { text: `"${cut}"`, words: { key: 'text', params: { text: cut } } };
}

const text: Pick<EditField<string>, 'same' | 'describe'> = {
  same: (a, b) => a === b,
  describe: describeText,
};

const remark: EditField<string> = {
  noun: 'remark',
  read: (p) => p.remark,
  write: (provider, ids, value, opts) => provider.setRemark(ids, value, opts),
  batchFlag: 'batchRemark',
  ...text,
};

const name: EditField<string> = {
  noun: 'name',
  read: (p) => p.name,
  // The vendors refuse an empty name; a profile never had one to put back.
  unrestorable: (v) =>
    v ? undefined : { text: 'its name before the edit was empty', key: 'undoNameEmpty' },
  write: (provider, ids, value, opts) => provider.setName(ids, value, opts),
  batchFlag: 'batchName',
  ...text,
};

const group: EditField<GroupValue> = {
  noun: 'group',
  read: (p) => ({ id: p.groupId, name: p.groupName }),
  same: (a, b) => a.id === b.id,
  describe(v): Described {
    if (v.name) return { text: `"${v.name}"`, words: { key: 'text', params: { text: v.name } } };
    return { text: `group ${v.id}`, words: { key: 'groupId', params: { id: v.id } } };
  },
  write: (provider, ids, value, opts) => provider.moveToGroup(ids, value.id, opts),
  batchFlag: 'batchGroup',
};

export const sortedNames = (names: readonly string[]) => [...names].sort();
const tags: EditField<string[]> = {
  noun: 'tags',
  read: (p) => sortedNames(p.tags.map((t) => t.name)),
  same: (a, b) => {
    const [x, y] = [sortedNames(a), sortedNames(b)];
    return x.length === y.length && x.every((t, i) => t === y[i]);
  },
  describe: (v) =>
    v.length
      ? { text: v.map((t) => `"${t}"`).join(', '), words: { key: 'tags', params: { tags: v } } }
      : { text: 'no tags', words: { key: 'noTags' } },
  write: (provider, ids, value, opts) => provider.setTags(ids, value, opts),
  batchFlag: 'batchTags',
};

/** The proxy an input sets, as a profile would show it. */
export function proxyConfigOf(p: ProxyInput): ProxyConfig {
  const { password, vendorProxyId, ...rest } = p;
  return {
    ...rest,
    hasPassword: password.action === 'set',
    ...(vendorProxyId !== undefined ? { vendorProxyId } : {}),
  };
}

/** What tells two proxy settings apart; the password is not something BrowserDeck reads. */
export function proxyIdentity(p: ProxyConfig): string {
  if (p.method === 'custom' && p.type === 'direct') return 'direct';
  const source =
    p.method === 'vendor' ? (p.vendorProxyId ?? '') : p.method === 'api' ? p.extractionUrl : '';
  return JSON.stringify([p.method, p.type, p.host, p.port, p.username, source]);
}

const proxy: EditField<ProxyConfig> = {
  noun: 'proxy',
  read: (p) => p.proxy,
  same: (a, b) => proxyIdentity(a) === proxyIdentity(b),
  describe(v) {
    if (v.method === 'custom' && v.type === 'direct')
      return { text: 'no proxy', words: { key: 'noProxy' } };
    if (v.method === 'custom') {
      const url = `${v.type}://${v.host}:${v.port ?? ''}`;
      return { text: url, words: { key: 'proxyUrl', params: { url } } };
    }
    return v.method === 'api'
      ? { text: 'a API-extracted proxy', words: { key: 'someApiProxy' } }
      : { text: 'a vendor-managed proxy', words: { key: 'someVendorProxy' } };
  },
  // BrowserDeck never keeps proxy passwords, so one it overwrote cannot come back.
  unrestorable: (v) =>
    v.hasPassword
      ? {
          text: 'its proxy before the edit had a password, which BrowserDeck does not keep: set that proxy again by hand',
          key: 'undoProxyPassword',
        }
      : undefined,
  write(provider, ids, value, opts) {
    const { hasPassword: _hasPassword, ...rest } = value;
    // The old proxy had no password: clear it, never keep the one the edit set.
    const input = ProxyInputSchema.safeParse({ ...rest, password: { action: 'clear' } });
    if (!input.success) {
      const problem = input.error.issues[0]?.message ?? 'invalid';
      const refused = DeckError.of(
        'invalid-input',
        `The proxy from before the edit cannot be written back: ${problem}`,
        { reason: 'job.old-proxy-invalid', params: { problem } },
      );
      return Promise.resolve(new Map(ids.map((id) => [id, refused])));
    }
    return provider.setProxy(ids, input.data, opts);
  },
  batchFlag: 'batchProxy',
};

/** The profile fields a job edits; each edit kind names the one it sets (kinds/). */
export const FIELDS = { remark, name, group, tags, proxy };
