/**
 * The bulk bar's dialogs, each loaded when first opened: none is in the start bundle
 * (components/lazy.tsx).
 */
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { lazyComponent } from '../../../components/lazy';

const bulkDialog = lazyComponent<BulkDialogProps>;

export const CopyDialog = bulkDialog(() => import('./CopyDialog').then((m) => m.CopyDialog));
export const CopyToConnectionDialog = bulkDialog(() =>
  import('./CopyToConnectionDialog').then((m) => m.CopyToConnectionDialog),
);
export const DeleteDialog = bulkDialog(() => import('./DeleteDialog').then((m) => m.DeleteDialog));
export const MoveGroupDialog = bulkDialog(() =>
  import('./MoveGroupDialog').then((m) => m.MoveGroupDialog),
);
export const EditProxyDialog = bulkDialog(() =>
  import('./ProxyDialogs').then((m) => m.EditProxyDialog),
);
export const ImportProxiesDialog = bulkDialog(() =>
  import('./ProxyDialogs').then((m) => m.ImportProxiesDialog),
);
export const RemarkDialog = bulkDialog(() => import('./RemarkDialog').then((m) => m.RemarkDialog));
export const RenameDialog = bulkDialog(() => import('./RenameDialog').then((m) => m.RenameDialog));
export const TagsDialog = bulkDialog(() => import('./TagsDialog').then((m) => m.TagsDialog));
