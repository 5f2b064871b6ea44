/**
 * jobs:copy-preview: what a copy-to-connection job would make of the selected profiles,
 * read the way the job reads them (copy-draft.ts), plus the groups and tags the target
 * lacks by name and would get. Passwords stay in main: the preview says only whether one
 * is carried.
 */
import { DeckError } from '../../../../shared/ipc/result';
import { splitProfileKey, type Connection } from '../../../../shared/model';
import {
  COPY_PREVIEW_ROWS,
  type CopyPreview,
  type CopyPreviewItem,
} from '../../../../shared/model/copy-preview';
import type { HandlerGroup } from '../../ipc/handle';
import type { VendorProvider } from '../../providers/provider';
import { carryPasswords, draftCopy, readSources, type CopyDraft } from './copy-draft';
import type { Profile } from '../../../../shared/model';

export interface CopyPreviewDeps {
  getProvider(connectionId: string): VendorProvider;
  connection(connectionId: string): Promise<Connection>;
}

export function copyPreviewHandlers(deps: CopyPreviewDeps): HandlerGroup<'jobs:copy-preview'> {
  return { 'jobs:copy-preview': (request) => previewCopy(deps, request) };
}

export async function previewCopy(
  deps: CopyPreviewDeps,
  request: { keys: readonly string[]; targetConnectionId: string },
  signal?: AbortSignal,
): Promise<CopyPreview> {
  const target = deps.getProvider(request.targetConnectionId);
  const connection = await deps.connection(request.targetConnectionId);
  const keys = [...new Set(request.keys)];
  const opts = signal ? { signal } : {};
  const readable = keys.filter(
    (k) => k.includes('/') && splitProfileKey(k).connectionId !== target.connectionId,
  );
  const sources = await readSources(readable, (id) => deps.getProvider(id), opts);

  const drafts = new Map<string, { profile: Profile; draft: CopyDraft }>();
  for (const [key, source] of sources)
    if (!(source instanceof DeckError))
      drafts.set(key, { profile: source, draft: draftCopy(source, target) });
  // Whether a password goes with each proxy is the source's stored proxy's to say (a listing
  // need not tell); the password itself goes no further than this function.
  const proxies = await carryPasswords([...drafts.values()], (id) => deps.getProvider(id), opts);

  const items: CopyPreviewItem[] = [];
  const groups = new Set<string>();
  const tags = new Set<string>();
  let failing = 0;
  for (const key of keys) {
    const drafted = drafts.get(key);
    const proxy = drafts.has(key) ? proxies.get(key) : undefined;
    const error =
      proxy instanceof DeckError
        ? proxy
        : drafted
          ? undefined
          : ((sources.get(key) as DeckError | undefined) ?? refused(key, target.connectionId));
    if (error || !drafted) {
      failing++;
      if (items.length < COPY_PREVIEW_ROWS)
        items.push({
          key,
          name: drafted?.draft.name ?? key,
          group: '',
          remark: '',
          tags: [],
          proxy: null,
          dropped: [],
          ...(error ? { error: error.toValue() } : {}),
        });
      continue;
    }
    const { draft } = drafted;
    if (draft.group) groups.add(draft.group);
    for (const t of draft.tags) tags.add(t);
    if (items.length < COPY_PREVIEW_ROWS)
      items.push({
        key,
        name: draft.name,
        group: draft.group,
        remark: draft.remark,
        tags: draft.tags,
        proxy: draft.proxyView && {
          ...draft.proxyView,
          ...(proxy && !(proxy instanceof DeckError)
            ? { username: proxy.username, hasPassword: proxy.password.action === 'set' }
            : {}),
        },
        dropped: draft.dropped,
      });
  }

  // What the target has already: the two lists are its only reads.
  const [haveGroups, haveTags] = await Promise.all([
    groups.size ? target.listGroups(opts) : [],
    tags.size && target.capabilities.tags ? target.listTags(opts) : [],
  ]);
  const hasGroup = new Set(haveGroups.map((g) => g.name));
  const hasTag = new Set(haveTags.map((t) => t.name));
  return {
    target: {
      connectionId: connection.id,
      label: connection.label || connection.id,
      vendor: connection.vendor,
    },
    total: keys.length,
    items,
    failing,
    newGroups: [...groups].filter((g) => !hasGroup.has(g)).sort(),
    newTags: [...tags].filter((t) => !hasTag.has(t)).sort(),
  };
}

function refused(key: string, targetId: string): DeckError {
  return key.includes('/')
    ? DeckError.of(
        'invalid-input',
        'This profile is already in the target connection: choose another connection',
        { reason: 'profile.already-in-target' },
      )
    : DeckError.of('invalid-input', `"${key}" is not a profile key (connection/id)`, {
        details: { connectionId: targetId },
        reason: 'profile-key.invalid',
        params: { key },
      });
}
