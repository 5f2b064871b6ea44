/**
 * Ctrl/Cmd+Z on Profiles: undoes the newest finished bulk edit that can still be undone, as
 * its "Undo" in Activity does. Pressed again, it goes one edit further back (undo jobs
 * themselves are never picked, so it does not redo). A text field keeps its own Ctrl+Z, and
 * an open dialog its keys.
 */
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { toast } from 'sonner';
import type { JobSummary } from '../../../../shared/model/job';
import { jobsQuery, useUndoJob } from '../jobs';
import { isTyping } from './shortcuts';

/** The job Ctrl/Cmd+Z undoes, from the job list (newest first). */
export function lastUndoable(jobs: readonly JobSummary[]): JobSummary | undefined {
  return jobs.find((j) => j.state !== 'running' && j.undoable && !j.undoneBy && !j.undoOf);
}

/** Ctrl/Cmd+Z without Shift or Alt (Ctrl+Shift+Z is a redo elsewhere). */
export const isUndoKey = (
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z';

export function useUndoShortcut(): void {
  const jobs = useQuery(jobsQuery);
  const undo = useUndoJob();
  // The listener is added once; it reads the newest list and mutation through this.
  const latest = useRef({ jobs: jobs.data, undo });
  useEffect(() => {
    latest.current = { jobs: jobs.data, undo };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isUndoKey(e) || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const { jobs, undo } = latest.current;
      if (undo.isPending) return;
      const job = lastUndoable(jobs ?? []);
      if (job) undo.mutate(job.id);
      else toast(i18next.t('profiles.nothingToUndo'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
