/**
 * Notices for the user that no request asked for (a data file set aside, damaged entries
 * dropped). They reach the renderer through `app:info` and stay until dismissed; the backups
 * they point to stay on disk.
 */
import type { Notice } from '../../shared/ipc/contract';
import type { HandlerGroup } from './ipc/handle';

export interface Notices {
  add(notice: Omit<Notice, 'id'>): Notice;
  list(): Notice[];
  /** False when there is no such notice (already dismissed): dismissing is idempotent. */
  dismiss(id: string): boolean;
}

export function createNotices(): Notices {
  const notices: Notice[] = [];
  let next = 1;
  return {
    add(notice) {
      const added = { id: `notice-${next++}`, ...notice };
      notices.push(added);
      return { ...added };
    },
    list: () => notices.map((n) => ({ ...n })),
    dismiss(id) {
      const at = notices.findIndex((n) => n.id === id);
      if (at < 0) return false;
      notices.splice(at, 1);
      return true;
    },
  };
}

/** The `notices:*` channels. */
export const noticesHandlers = (notices: Notices): HandlerGroup<'notices:dismiss'> => ({
  'notices:dismiss': ({ id }) => ({ dismissed: notices.dismiss(id) }),
});
