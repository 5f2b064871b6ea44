/**
 * The create feature's entry points, mounted by the profiles toolbar and bulk bar. Each
 * loads when it first opens: the start bundle is the Profiles table's (components/lazy.tsx).
 */
import { lazyDialog } from '../../components/lazy';
import type { NewProfileDialogProps } from './NewProfileDialog';
import type { BulkCreateDialogProps } from './BulkCreateDialog';
import type { CopyProfilesDialogProps } from './CopyProfilesDialog';

export type { NewProfileDialogProps, BulkCreateDialogProps, CopyProfilesDialogProps };

export const NewProfileDialog = lazyDialog<NewProfileDialogProps>(() =>
  import('./NewProfileDialog').then((m) => m.NewProfileDialog),
);
export const BulkCreateDialog = lazyDialog<BulkCreateDialogProps>(() =>
  import('./BulkCreateDialog').then((m) => m.BulkCreateDialog),
);
export const CopyProfilesDialog = lazyDialog<CopyProfilesDialogProps>(() =>
  import('./CopyProfilesDialog').then((m) => m.CopyProfilesDialog),
);
