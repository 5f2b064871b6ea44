/**
 * The jobs feature's entry points for other features: start a job, the job cache and how
 * a job reads, Cancel / Retry / Undo, and the progress bar. Activity shows them.
 */
export { useStartJob, type StartJobInput } from './use-start-job';
export {
  applyJobProgress,
  doneCount,
  endText,
  jobQuery,
  jobsQuery,
  jobTitle,
  MAX_JOBS,
  progressText,
  resultText,
  retryCount,
  retryLabel,
} from './job-cache';
export { appliedText, noteText } from './job-words';
export { useCancelJob, useRetryFailed, useUndoJob } from './use-job-actions';
export { JobProgressBar } from './JobProgressBar';
