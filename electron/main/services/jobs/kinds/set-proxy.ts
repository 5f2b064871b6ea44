/**
 * Set proxy: the same proxy on every selected profile, in vendor requests. A password it
 * sets is withheld from the journal, so after a restart its items cannot run again.
 */
import { SetProxyActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { formatProxyInput } from '../../../../../shared/proxy/proxy-format';
import { FIELDS, proxyConfigOf } from '../edit-fields';
import { sendEdit } from '../send-tasks';
import { restorePassword, withheld } from '../withheld-password';
import type { JobKindSpec } from './spec';
import type { ProxyInput } from '../../../../../shared/model/proxy-input';
import type { ValueWords } from '../../../../../shared/model/job-words';

const field = FIELDS.proxy;

/** The proxy as formatProxyInput reads it, with its words where they are not data. */
function proxyWords(p: ProxyInput): ValueWords {
  if (p.method === 'vendor')
    return { key: 'proxyVendor', ...(p.vendorProxyId ? { params: { id: p.vendorProxyId } } : {}) };
  if (p.method === 'api') return { key: 'proxyApi', params: { type: p.type } };
  if (p.type === 'direct') return { key: 'proxyDirect' };
  // A custom proxy reads as data only: its type, user and address.
  return { key: 'proxy', params: { proxy: formatProxyInput(p) } };
}

export const setProxyKind: JobKindSpec<ActionOf<'set-proxy'>> = {
  schema: SetProxyActionSchema,
  label: 'Set proxy',
  affects: 'updates',
  // Shows a password as •••, never its value.
  sets: ({ proxy }) => ({ text: formatProxyInput(proxy), words: proxyWords(proxy) }),
  edit: { field, target: (action) => proxyConfigOf(action.proxy) },
  run: (action, provider, tasks, ctx) =>
    sendEdit(provider, tasks, ctx, field.batchFlag, (ids, opts) =>
      provider.setProxy(ids, action.proxy, opts),
    ),
  stored: (action) => ({ ...action, proxy: withheld(action.proxy) }),
  restored(stored, tasks) {
    const proxy = restorePassword(stored['proxy']);
    if (!proxy.withheld) return stored;
    for (const task of tasks) task.withheld = true;
    return { ...stored, proxy: proxy.value };
  },
};
