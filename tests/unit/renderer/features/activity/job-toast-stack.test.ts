import { beforeEach, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../../../shared/model/job';
import {
  dismissAllJobs,
  dismissJob,
  EMPTY_STACK,
  endsQuietly,
  layoutOf,
  onJobProgress,
  summaryText,
  type JobToastStack,
} from '../../../../../renderer/src/features/activity/job-toast-stack';
import { speak } from '../../support/i18n';

const job = (id: string, over: Partial<JobSummary> = {}): JobSummary => ({
  id,
  kind: 'set-remark',
  label: `Job ${id}`,
  state: 'running',
  createdAt: 0,
  total: 10,
  ok: 0,
  failed: 0,
  cancelled: 0,
  interrupted: 0,
  skipped: 0,
  ...over,
});
const ended = (id: string, over: Partial<JobSummary> = {}) =>
  job(id, { state: 'done', ok: 10, finishedAt: 1, ...over });
const run = (events: JobSummary[], from: JobToastStack = EMPTY_STACK) =>
  events.reduce(onJobProgress, from);
const shownIds = (s: JobToastStack) => [...s.shown.keys()];

describe('job toast stack', () => {
  beforeEach(() => speak('en'));

  it('shows a running job, then the same entry as ended', () => {
    const s = run([job('a'), job('a', { ok: 4 }), ended('a')]);
    expect(shownIds(s)).toEqual(['a']);
    expect(s.shown.get('a')!.state).toBe('done');
    expect(layoutOf(s)).toEqual({ kind: 'each', jobs: [s.shown.get('a')] });
  });

  it('a job closed while running stays quiet until it ends, then says how once', () => {
    let s = dismissJob(run([job('a')]), 'a');
    s = run([job('a', { ok: 5 })], s);
    expect(shownIds(s)).toEqual([]);
    s = run([ended('a', { state: 'failures', ok: 8, failed: 2 })], s);
    expect(shownIds(s)).toEqual(['a']);
    s = dismissJob(s, 'a');
    // A repeated final event does not bring it back.
    s = run([ended('a', { state: 'failures', ok: 8, failed: 2 })], s);
    expect(shownIds(s)).toEqual([]);
  });

  it('up to three jobs have a toast each; a fourth collapses them into one summary', () => {
    const three = run([job('a'), ended('b'), job('c')]);
    expect(layoutOf(three).kind).toBe('each');
    const four = run([ended('d', { state: 'failures', ok: 7, failed: 3 })], three);
    const layout = layoutOf(four);
    expect(layout.kind).toBe('summary');
    expect(layout.jobs.map((j) => j.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(summaryText(layout.jobs)).toBe('4 jobs: 2 running, 2 ended, 3 failed');
    // Dismissing one brings the rest back to a toast each.
    expect(layoutOf(dismissJob(four, 'b')).kind).toBe('each');
  });

  it('closing the summary hides everything; running jobs still report their end', () => {
    let s = dismissAllJobs(run([job('a'), job('b'), ended('c'), ended('d')]));
    expect(shownIds(s)).toEqual([]);
    s = run([job('a', { ok: 3 }), ended('b')], s);
    expect(shownIds(s)).toEqual(['b']);
  });

  it('only an ended job with nothing failed or unknown goes by itself', () => {
    expect(endsQuietly(ended('a'))).toBe(true);
    expect(endsQuietly(ended('a', { state: 'cancelled', ok: 3, cancelled: 7 }))).toBe(true);
    expect(endsQuietly(ended('a', { state: 'failures', failed: 1 }))).toBe(false);
    expect(endsQuietly(ended('a', { state: 'interrupted', interrupted: 2 }))).toBe(false);
    expect(endsQuietly(job('a'))).toBe(false);
  });
});

describe('the job toasts summary in 简体中文', () => {
  beforeEach(() => speak('zh-CN'));

  it('counts in Chinese', () => {
    const jobs = [job('a'), job('b'), ended('c'), ended('d', { state: 'failures', failed: 3 })];
    expect(summaryText(jobs)).toBe('4 个任务：2 个进行中，2 个已结束，3 个失败');
  });
});
