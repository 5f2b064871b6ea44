/**
 * What to ask before BrowserDeck quits with jobs running: quitting cuts the requests on the
 * wire, and the user should choose that knowing which jobs it stops and what becomes of them.
 * A native dialog, so main words it, in the language the UI last chose (app:language); job
 * labels are the renderer's own words already.
 */
import type { JobSummary } from '../../../../shared/model/job';

export interface QuitQuestion {
  message: string;
  detail: string;
  /** Button labels: the safe choice first. */
  stay: string;
  quit: string;
}

interface Words {
  one(label: string): string;
  many(count: number): string;
  progress(label: string, done: string, total: string): string;
  after: string;
  stay: string;
  quit: string;
}

/** Per UI language; a language without an entry reads English (as the native menu does). */
const WORDS: Record<string, Words> = {
  en: {
    one: (label) => `"${label}" is still running. Quit anyway?`,
    many: (count) => `${count} jobs are still running. Quit anyway?`,
    progress: (label, done, total) => `${label}: ${done} of ${total} done`,
    after:
      'Quitting stops them. After the next start, Activity shows each as interrupted, with what ' +
      'was applied, what was not started, and what was on its way (unknown); "Retry" checks ' +
      'the unknown ones with the vendor and finishes the rest.',
    stay: 'Keep running',
    quit: 'Quit anyway',
  },
  'zh-CN': {
    one: (label) => `“${label}”仍在运行。仍要退出吗？`,
    many: (count) => `${count} 个任务仍在运行。仍要退出吗？`,
    progress: (label, done, total) => `${label}：已完成 ${done} / ${total}`,
    after:
      '退出会停止这些任务。下次启动后，“活动”会把每个任务标为已中断，并列出已应用的、未开始的' +
      '和正在发往厂商的（结果未知）；“重试”会向厂商核实结果未知的项目，并完成其余项目。',
    stay: '继续运行',
    quit: '仍要退出',
  },
};

/** Undefined when nothing is running: quit without asking. */
export function quitQuestion(
  jobs: readonly JobSummary[],
  language = 'en',
): QuitQuestion | undefined {
  const running = jobs.filter((j) => j.state === 'running');
  if (running.length === 0) return undefined;
  const words = WORDS[language] ?? WORDS.en!;
  const number = new Intl.NumberFormat(WORDS[language] ? language : 'en');
  const progress = running.map((j) => {
    const done = j.ok + j.failed + j.cancelled + j.skipped + j.interrupted;
    return words.progress(j.label, number.format(done), number.format(j.total));
  });
  return {
    message: running.length === 1 ? words.one(running[0]!.label) : words.many(running.length),
    detail: [...progress, '', words.after].join('\n'),
    stay: words.stay,
    quit: words.quit,
  };
}
