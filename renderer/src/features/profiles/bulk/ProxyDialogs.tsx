/** Bulk proxy edits through the proxy feature's editor and list import. */
import type { Profile, ProxyConfig } from '../../../../../shared/model';
import type { ProxyInput } from '../../../../../shared/model/proxy-input';
import { Dialog } from '../../../components/Dialog';
import { ProxyEditor, ProxyImport } from '../../proxy';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { countLabel, useBulkJob } from './use-bulk-job';
import { useTranslation } from '../../../i18n';

/** The proxy every selected profile has, to start the editor from; none when they differ. */
export function commonProxy(profiles: readonly Profile[]): ProxyConfig | undefined {
  const first = profiles[0]?.proxy;
  if (!first) return undefined;
  const same = JSON.stringify(first);
  return profiles.every((p) => p.proxy === first || JSON.stringify(p.proxy) === same)
    ? first
    : undefined;
}

export function EditProxyDialog({ profiles, onClose }: BulkDialogProps) {
  const job = useBulkJob();
  const { t } = useTranslation();
  const n = countLabel(profiles.length);
  const apply = async (proxy: ProxyInput) => {
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'set-proxy', proxy }, keys, t('bulk.jobs.proxy', { n }))) onClose();
  };
  return (
    <Dialog title={t('bulk.proxy.editTitle', { n })} onClose={onClose}>
      <ProxyEditor
        initial={commonProxy(profiles)}
        count={profiles.length}
        onApply={(proxy) => void apply(proxy)}
        onCancel={onClose}
      />
    </Dialog>
  );
}

export function ImportProxiesDialog({ profiles, onClose }: BulkDialogProps) {
  const job = useBulkJob();
  const { t } = useTranslation();
  const apply = async (assignments: { key: string; proxy: ProxyInput }[]) => {
    const keys = assignments.map((a) => a.key);
    const what = t('bulk.jobs.assignProxies', { n: countLabel(keys.length) });
    if (await job.run({ kind: 'assign-proxies', assignments }, keys, what)) onClose();
  };
  return (
    <Dialog title={t('bulk.proxy.importTitle')} onClose={onClose} wide>
      <ProxyImport
        profiles={profiles.map(({ key, name }) => ({ key, name }))}
        onApply={(assignments) => void apply(assignments)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
