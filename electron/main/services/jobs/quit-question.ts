/**
 * What to ask before BrowserDeck quits with jobs running: quitting cuts the requests on the
 * wire, and the user should choose that knowing which jobs it stops and what becomes of them.
 */
import type { JobSummary } from '../../../../shared/model/job';

export interface QuitQuestion {
  message: string;
  detail: string;
  /** Button labels: the safe choice first. */
  stay: string;
  quit: string;
}

/** Undefined when nothing is running: quit without asking. */
export function quitQuestion(jobs: readonly JobSummary[]): QuitQuestion | undefined {
  const running = jobs.filter((j) => j.state === 'running');
  if (running.length === 0) return undefined;
  const progress = running.map((j) => {
    const done = j.ok + j.failed + j.cancelled + j.skipped + j.interrupted;
    return `${j.label}: ${done.toLocaleString('en')} of ${j.total.toLocaleString('en')} done`;
  });
  return {
    message:
      running.length === 1
        ? `"${running[0]!.label}" is still running. Quit anyway?`
        : `${running.length} jobs are still running. Quit anyway?`,
    detail: [
      ...progress,
      '',
      'Quitting stops them. After the next start, Activity shows each as interrupted, with what ' +
        'was applied, what was not started, and what was on its way (unknown); "Retry" checks ' +
        'the unknown ones with the vendor and finishes the rest.',
    ].join('\n'),
    stay: 'Keep running',
    quit: 'Quit anyway',
  };
}
