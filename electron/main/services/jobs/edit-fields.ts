/**
 * The profile field each edit sets, read, compared and written the same way everywhere:
 * to tell after a restart whether an interrupted edit applied, to record what an edit
 * overwrites, and to put that back (Undo) where the profile still holds what the edit set.
 */
import { z } from 'zod';
import { ProxyConfigSchema, type Profile, type ProxyConfig } from '../../../../shared/model';
import type { JobAction } from '../../../../shared/model/job';
import { ProxyInputSchema, type ProxyInput } from '../../../../shared/model/proxy-input';
import { DeckError } from '../../../../shared/ipc/result';
import type { CallOptions, ItemResults, VendorProvider } from '../../providers/provider';
import type { EditKind, EngineAction, JobTask } from './job-plan';

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
  noun: string;
  read(profile: Profile): T;
  /** What the edit sets on this task's profile. */
  target(action: JobAction, task: JobTask): T | undefined;
  same(a: T, b: T): boolean;
  describe(value: T): string;
  /** Why this value cannot be written back as it is, if it cannot. */
  unrestorable?(value: T): string | undefined;
  /** Sets `value` on these profiles: one vendor request where the vendor batches the edit. */
  write(provider: VendorProvider, ids: string[], value: T, opts: CallOptions): Promise<ItemResults>;
}

const text: Pick<EditField<string>, 'same' | 'describe'> = {
  same: (a, b) => a === b,
  describe: (v) => (v ? `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"` : 'empty'),
};

const remark: EditField<string> = {
  noun: 'remark',
  read: (p) => p.remark,
  target: (a) => (a.kind === 'set-remark' ? a.remark : undefined),
  write: (provider, ids, value, opts) => provider.setRemark(ids, value, opts),
  ...text,
};

const name: EditField<string> = {
  noun: 'name',
  read: (p) => p.name,
  target: (a, task) =>
    a.kind === 'set-name' ? a.name : a.kind === 'rename' ? task.name : undefined,
  // The vendors refuse an empty name; a profile never had one to put back.
  unrestorable: (v) => (v ? undefined : 'its name before the edit was empty'),
  write: (provider, ids, value, opts) => provider.setName(ids, value, opts),
  ...text,
};

const group: EditField<GroupValue> = {
  noun: 'group',
  read: (p) => ({ id: p.groupId, name: p.groupName }),
  target: (a, task) => {
    const id = a.kind === 'move-group' ? a.groupIds[task.item.connectionId] : undefined;
    return id === undefined ? undefined : { id };
  },
  same: (a, b) => a.id === b.id,
  describe: (v) => (v.name ? `"${v.name}"` : `group ${v.id}`),
  write: (provider, ids, value, opts) => provider.moveToGroup(ids, value.id, opts),
};

const sortedNames = (names: readonly string[]) => [...names].sort();
const tags: EditField<string[]> = {
  noun: 'tags',
  read: (p) => sortedNames(p.tags.map((t) => t.name)),
  target: (a) => (a.kind === 'set-tags' ? sortedNames(a.tags) : undefined),
  same: (a, b) => {
    const [x, y] = [sortedNames(a), sortedNames(b)];
    return x.length === y.length && x.every((t, i) => t === y[i]);
  },
  describe: (v) => (v.length ? v.map((t) => `"${t}"`).join(', ') : 'no tags'),
  write: (provider, ids, value, opts) => provider.setTags(ids, value, opts),
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
function proxyIdentity(p: ProxyConfig): string {
  if (p.method === 'custom' && p.type === 'direct') return 'direct';
  const source =
    p.method === 'vendor' ? (p.vendorProxyId ?? '') : p.method === 'api' ? p.extractionUrl : '';
  return JSON.stringify([p.method, p.type, p.host, p.port, p.username, source]);
}

const proxy: EditField<ProxyConfig> = {
  noun: 'proxy',
  read: (p) => p.proxy,
  target: (a, task) =>
    a.kind === 'set-proxy'
      ? proxyConfigOf(a.proxy)
      : a.kind === 'assign-proxies' && task.proxy
        ? proxyConfigOf(task.proxy)
        : undefined,
  same: (a, b) => proxyIdentity(a) === proxyIdentity(b),
  describe: (v) =>
    v.method === 'custom' && v.type === 'direct'
      ? 'no proxy'
      : v.method === 'custom'
        ? `${v.type}://${v.host}:${v.port ?? ''}`
        : `a ${v.method === 'api' ? 'API-extracted' : 'vendor-managed'} proxy`,
  // BrowserDeck never keeps proxy passwords, so one it overwrote cannot come back.
  unrestorable: (v) =>
    v.hasPassword
      ? 'its proxy before the edit had a password, which BrowserDeck does not keep: set that proxy again by hand'
      : undefined,
  write(provider, ids, value, opts) {
    const { hasPassword: _hasPassword, ...rest } = value;
    // The old proxy had no password: clear it, never keep the one the edit set.
    const input = ProxyInputSchema.safeParse({ ...rest, password: { action: 'clear' } });
    if (!input.success) {
      const refused = DeckError.of(
        'invalid-input',
        `The proxy from before the edit cannot be written back: ${input.error.issues[0]?.message ?? 'invalid'}`,
      );
      return Promise.resolve(new Map(ids.map((id) => [id, refused])));
    }
    return provider.setProxy(ids, input.data, opts);
  },
};

/** The field each edit kind sets; kinds that set no field of a profile are absent. */
export const EDIT_FIELDS: Record<EditKind, EditField> = {
  'set-remark': remark,
  'set-name': name,
  rename: name,
  'move-group': group,
  'set-tags': tags,
  'set-proxy': proxy,
  'assign-proxies': proxy,
};

export const isEditKind = (kind: string): kind is EditKind => Object.hasOwn(EDIT_FIELDS, kind);

/** The field an action sets, and what it sets on this task's profile. */
export function editOf(
  action: EngineAction,
  task: JobTask,
): { field: EditField; target: FieldValue | undefined } | undefined {
  if (action.kind === 'undo')
    return { field: EDIT_FIELDS[action.edit], target: task.undo?.restore };
  if (!isEditKind(action.kind)) return undefined;
  const field = EDIT_FIELDS[action.kind];
  return { field, target: field.target(action, task) };
}
