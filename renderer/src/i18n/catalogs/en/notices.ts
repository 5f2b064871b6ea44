/** English: Notices from main (data files, outages), and the words of the shared components (dialogs, the toast stack). (part of the catalog in ./index.ts). */
export const notices = {
  label: 'Data file problems',
  /** Worded by the notice's kind; main's own sentence (its details) follows. */
  kind: {
    'unreadable-file': 'A data file could not be read',
    'dropped-entries': 'Damaged entries were dropped from a data file',
  },
  file: 'File',
  backup: 'Backup',
  copy: 'Copy',
  copyBackupLabel: 'Copy the backup path',
  backupWhat: 'Backup path',
  noBackup: 'none: the file was left where it is',
  dismiss: 'Dismiss',
  dismissLabel: 'Dismiss the notice about {{file}}',
  dismissFailed: 'Could not dismiss the notice',
  dialog: {
    close: 'Close',
  },
  toaster: {
    label: 'Notifications',
    closeToast: 'Close toast',
  },
};
