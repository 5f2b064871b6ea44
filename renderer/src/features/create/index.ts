/** The create feature's entry points, mounted by the profiles toolbar and bulk bar. */
export { NewProfileDialog, type NewProfileDialogProps } from './NewProfileDialog';
export { BulkCreateDialog, type BulkCreateDialogProps } from './BulkCreateDialog';
export { CopyProfilesDialog, type CopyProfilesDialogProps } from './CopyProfilesDialog';
