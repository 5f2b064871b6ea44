/** Bulk proxy edits through the proxy feature's editor and list import. */
import type { Profile, ProxyConfig } from '../../../../../shared/model';
import type { ProxyInput } from '../../../../../shared/model/proxy-input';
import { Dialog } from '../../../components/Dialog';
import { ProxyEditor, ProxyImport } from '../../proxy';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { countLabel, useBulkJob } from './use-bulk-job';

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
  const n = countLabel(profiles.length);
  const apply = async (proxy: ProxyInput) => {
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'set-proxy', proxy }, keys, `Set the proxy of ${n}`)) onClose();
  };
  return (
    <Dialog title={`Edit proxy of ${n}`} onClose={onClose}>
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
  const apply = async (assignments: { key: string; proxy: ProxyInput }[]) => {
    const keys = assignments.map((a) => a.key);
    const what = `Assign proxies to ${countLabel(keys.length)}`;
    if (await job.run({ kind: 'assign-proxies', assignments }, keys, what)) onClose();
  };
  return (
    <Dialog title="Import proxy list" onClose={onClose} wide>
      <ProxyImport
        profiles={profiles.map(({ key, name }) => ({ key, name }))}
        onApply={(assignments) => void apply(assignments)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
