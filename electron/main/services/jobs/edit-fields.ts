/**
 * The profile field each edit sets, read and compared the same way everywhere: to tell
 * after a restart whether an interrupted edit applied, to record what an edit overwrites,
 * and to tell whether a profile still holds what the edit set (Undo).
 */
import type { Profile, ProxyConfig } from '../../../../shared/model';
import type { JobAction, JobKind } from '../../../../shared/model/job';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import type { JobTask } from './job-plan';

/** A value of the field as the journal keeps it: plain JSON, never a password. */
export type FieldValue = string | string[] | GroupValue | ProxyValue;
export interface GroupValue {
  id: string;
  name?: string;
}
/** What identifies a proxy setting; whether it has a password is all a password leaves here. */
export interface ProxyValue {
  method: ProxyConfig['method'];
  type: ProxyConfig['type'];
  host: string;
  port: number | null;
  username: string;
  /** The vendor proxy id or the extraction URL, for those methods. */
  source: string;
  hasPassword?: boolean;
}

export interface EditField<T extends FieldValue = FieldValue> {
  /** What the field is called in messages: "remark", "group". */
  noun: string;
  read(profile: Profile): T;
  /** What the job sets on this task's profile. */
  target(action: JobAction, task: JobTask): T | undefined;
  same(a: T, b: T): boolean;
  describe(value: T): string;
}

const text: Pick<EditField<string>, 'same' | 'describe'> = {
  same: (a, b) => a === b,
  describe: (v) => (v ? `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"` : 'empty'),
};

const remark: EditField<string> = {
  noun: 'remark',
  read: (p) => p.remark,
  target: (a) => (a.kind === 'set-remark' ? a.remark : undefined),
  ...text,
};

const name: EditField<string> = {
  noun: 'name',
  read: (p) => p.name,
  target: (a, task) =>
    a.kind === 'set-name' ? a.name : a.kind === 'rename' ? task.name : undefined,
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
};

const sortedNames = (names: readonly string[]) => [...names].sort();
const tags: EditField<string[]> = {
  noun: 'tags',
  read: (p) => sortedNames(p.tags.map((t) => t.name)),
  target: (a) => (a.kind === 'set-tags' ? sortedNames(a.tags) : undefined),
  same: (a, b) => a.length === b.length && sortedNames(a).every((t, i) => t === sortedNames(b)[i]),
  describe: (v) => (v.length ? v.map((t) => `"${t}"`).join(', ') : 'no tags'),
};

export function proxyValue(p: ProxyConfig | ProxyInput): ProxyValue {
  const source =
    p.method === 'vendor' ? (p.vendorProxyId ?? '') : p.method === 'api' ? p.extractionUrl : '';
  const direct = p.method === 'custom' && p.type === 'direct';
  return {
    method: p.method,
    type: p.type,
    host: direct ? '' : p.host,
    port: direct ? null : p.port,
    username: direct ? '' : p.username,
    source,
    ...('hasPassword' in p ? { hasPassword: p.hasPassword } : {}),
  };
}

const proxy: EditField<ProxyValue> = {
  noun: 'proxy',
  read: (p) => proxyValue(p.proxy),
  target: (a, task) =>
    a.kind === 'set-proxy'
      ? proxyValue(a.proxy)
      : a.kind === 'assign-proxies' && task.proxy
        ? proxyValue(task.proxy)
        : undefined,
  same: (a, b) =>
    a.method === b.method &&
    a.type === b.type &&
    a.host === b.host &&
    a.port === b.port &&
    a.username === b.username &&
    a.source === b.source,
  describe: (v) =>
    v.method === 'custom' && v.type === 'direct'
      ? 'no proxy'
      : v.method === 'custom'
        ? `${v.type}://${v.host}:${v.port ?? ''}`
        : `${v.method} proxy ${v.source}`.trim(),
};

/** The field each edit kind sets; kinds that set no field of a profile are absent. */
export const EDIT_FIELDS: Partial<Record<JobKind, EditField>> = {
  'set-remark': remark,
  'set-name': name,
  rename: name,
  'move-group': group,
  'set-tags': tags,
  'set-proxy': proxy,
  'assign-proxies': proxy,
};
