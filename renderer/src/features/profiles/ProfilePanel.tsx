import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Connection, Profile } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../lib/deck';
import { groupsQuery } from '../../lib/queries';
import { useProfilesUi, type ProfileDraft } from './store';
import { ProxyEditor } from '../proxy';
import { Field, inputClass } from '../../components/Field';
import { useKeepToastsOff } from '../../components/toast-insets';
import { useBulkJob } from './bulk/use-bulk-job';
import { formatTime, proxyCheckLabel, proxyLabel, tagsLabel } from './format';
import { statusLabel } from './columns';
import { useTranslation } from '../../i18n';
import { CLOSE_SHORTCUT, OPEN_SHORTCUT } from './open-close-shortcuts';
import { panelEdits } from './panel-edits';

/** Edits one profile. Unsaved edits are a draft in the UI store, so switching views keeps them. */
export function ProfilePanel({
  profile,
  connection,
}: {
  profile: Profile | undefined;
  connection: Connection | undefined;
}) {
  const panelKey = useProfilesUi((s) => s.panelKey);
  const openPanel = useProfilesUi((s) => s.openPanel);
  const draft = useProfilesUi((s) => (panelKey ? s.drafts[panelKey] : undefined)) ?? {};
  const setDraft = useProfilesUi((s) => s.setDraft);
  const groups = useQuery(groupsQuery);
  const job = useBulkJob();
  const [editingProxy, setEditingProxy] = useState(false);
  const toastsOff = useKeepToastsOff('right');
  const { t } = useTranslation();
  if (!panelKey) return null;

  const close = () => openPanel(null);
  if (!profile)
    return (
      <aside
        ref={toastsOff}
        aria-label={t('profiles.panel.label')}
        className="w-80 shrink-0 border-l border-zinc-200 p-4 dark:border-zinc-800"
      >
        <p className="text-zinc-500">{t('profiles.panel.gone')}</p>
        <Button className="mt-3" onClick={close}>
          {t('profiles.panel.close')}
        </Button>
      </aside>
    );

  const edit = (patch: ProfileDraft) => setDraft(profile.key, { ...draft, ...patch });
  const edits = panelEdits(profile, draft);
  const save = async () => {
    for (const e of edits) {
      const what = t(`profiles.panel.jobs.${e.what}`, { name: profile.name });
      if (!(await job.run(e.action, [profile.key], what))) return;
    }
    setDraft(profile.key, null);
  };
  const options = (groups.data ?? []).filter((g) => g.connectionId === profile.connectionId);

  return (
    <aside
      ref={toastsOff}
      aria-label={t('profiles.panel.label')}
      // Esc closes the panel from inside it too; a dialog opened from it keeps its own Esc.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || (e.target as HTMLElement).closest('dialog')) return;
        e.preventDefault();
        close();
        document.querySelector<HTMLElement>('[role=grid][aria-multiselectable]')?.focus();
      }}
      className="flex w-80 shrink-0 flex-col border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950"
    >
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <h2 className="truncate text-sm font-semibold">{profile.name || profile.vendorId}</h2>
        <button
          type="button"
          aria-label={t('profiles.panel.closePanel')}
          onClick={close}
          className="rounded px-1.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          ×
        </button>
      </header>
      <form
        className="min-h-0 flex-1 space-y-3 overflow-auto p-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          <dt>{t('profiles.panel.connection')}</dt>
          <dd className="truncate">{connection?.label ?? profile.connectionId}</dd>
          <dt>{t('profiles.panel.id')}</dt>
          <dd className="font-mono">{profile.vendorId}</dd>
          <dt>{t('profiles.panel.status')}</dt>
          <dd>
            {profile.debugPort !== undefined
              ? t('profiles.panel.port', {
                  status: statusLabel(profile.status),
                  port: profile.debugPort,
                })
              : statusLabel(profile.status)}
          </dd>
          <dt>{t('profiles.panel.lastOpened')}</dt>
          <dd>{formatTime(profile.lastOpenedAt) || '—'}</dd>
        </dl>
        <div className="flex gap-2">
          {/* An unknown status offers both: only the vendor knows which one applies. */}
          <Button
            onClick={() =>
              void job.run(
                { kind: 'open' },
                [profile.key],
                t('profiles.panel.jobs.open', { name: profile.name }),
              )
            }
            disabled={job.pending || profile.status === 'open' || profile.status === 'opening'}
            title={t('profiles.panel.openBrowserTitle', { shortcut: OPEN_SHORTCUT })}
          >
            {t('profiles.panel.openBrowser')}
          </Button>
          <Button
            onClick={() =>
              void job.run(
                { kind: 'close' },
                [profile.key],
                t('profiles.panel.jobs.close', { name: profile.name }),
              )
            }
            disabled={job.pending || profile.status === 'closed' || profile.status === 'closing'}
            title={t('profiles.panel.closeBrowserTitle', { shortcut: CLOSE_SHORTCUT })}
          >
            {t('profiles.panel.closeBrowser')}
          </Button>
        </div>
        <Field label={t('profiles.panel.name')}>
          <input
            value={draft.name ?? profile.name}
            maxLength={200}
            onChange={(e) => edit({ name: e.target.value })}
            className={inputClass}
          />
        </Field>
        <Field label={t('profiles.panel.group')}>
          <select
            value={draft.groupId ?? profile.groupId}
            onChange={(e) => edit({ groupId: e.target.value })}
            className={inputClass}
          >
            {!options.some((g) => g.id === profile.groupId) && (
              <option value={profile.groupId}>
                {profile.groupName || t('profiles.panel.noGroup')}
              </option>
            )}
            {options.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {groups.isError && (
            <span className="text-xs text-red-600">
              {t('profiles.panel.groupsFailed', { error: errorText(groups.error) })}
            </span>
          )}
        </Field>
        <Field label={t('profiles.panel.tags')}>
          <input
            value={draft.tags ?? tagsLabel(profile)}
            onChange={(e) => edit({ tags: e.target.value })}
            className={inputClass}
          />
        </Field>
        <Field label={t('profiles.panel.remark')}>
          <textarea
            rows={3}
            maxLength={1000}
            value={draft.remark ?? profile.remark}
            onChange={(e) => edit({ remark: e.target.value })}
            className={inputClass}
          />
        </Field>
        <div className="space-y-1">
          <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            {t('profiles.panel.proxy')}
          </span>
          <div className="flex items-center justify-between gap-2">
            <span className="truncate font-mono text-[12px]">{proxyLabel(profile.proxy)}</span>
            <Button className="shrink-0" onClick={() => setEditingProxy(true)}>
              {t('profiles.panel.editProxy')}
            </Button>
          </div>
          {profile.proxyCheck && (
            <div className="text-xs text-zinc-500">
              {t('profiles.panel.lastCheck', { check: proxyCheckLabel(profile.proxyCheck) })}
            </div>
          )}
        </div>
        <div className="flex gap-2 pt-2">
          <Button variant="primary" type="submit" disabled={edits.length === 0 || job.pending}>
            {t('profiles.panel.save')}
          </Button>
          <Button
            onClick={() => setDraft(profile.key, null)}
            disabled={Object.keys(draft).length === 0}
          >
            {t('profiles.panel.discard')}
          </Button>
        </div>
      </form>
      {editingProxy && (
        <Dialog
          title={t('profiles.panel.editProxyTitle', { name: profile.name })}
          onClose={() => setEditingProxy(false)}
        >
          <ProxyEditor
            initial={profile.proxy}
            count={1}
            onApply={(proxy) =>
              void job
                .run(
                  { kind: 'set-proxy', proxy },
                  [profile.key],
                  t('profiles.panel.jobs.proxy', { name: profile.name }),
                )
                .then((started) => started && setEditingProxy(false))
            }
            onCancel={() => setEditingProxy(false)}
          />
        </Dialog>
      )}
    </aside>
  );
}
