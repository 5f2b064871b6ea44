import { beforeEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Job, JobItem, JobSummary } from '../../../shared/model/job';
import {
  applyJobProgress,
  endText,
  jobTitle,
  progressText,
  resultText,
  retryCount,
  retryLabel,
  upsertSummary,
} from '../../../renderer/src/features/jobs/job-cache';
import { itemStateText, itemsFailuresFirst } from '../../../renderer/src/features/activity/format';
import { JobStateSchema } from '../../../shared/model/job';
import { keys } from '../../../renderer/src/lib/queries';
import { speak } from '../renderer/support/i18n';

const summary = (id: string, extra: Partial<JobSummary> = {}): JobSummary => ({
  id,
  kind: 'move-group',
  label: 'Move to group',
  state: 'running',
  createdAt: 1,
  total: 500,
  ok: 0,
  failed: 0,
  cancelled: 0,
  interrupted: 0,
  skipped: 0,
  ...extra,
});
const item = (key: string, state: JobItem['state']): JobItem => ({
  key,
  connectionId: 'ix',
  label: key,
  state,
});

describe('the renderer job cache', () => {
  beforeEach(() => speak('en'));

  it('patches the list and an opened job from progress events', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.jobs, [summary('old', { state: 'done' })]);
    const job: Job = {
      ...summary('j1'),
      items: [item('ix/1', 'pending'), item('ix/2', 'pending')],
    };
    qc.setQueryData(keys.job('j1'), job);

    applyJobProgress(qc, {
      ...summary('j1', { ok: 1, failed: 1 }),
      changed: [item('ix/2', 'failed')],
    });

    expect(qc.getQueryData<JobSummary[]>(keys.jobs)!.map((j) => [j.id, j.failed])).toEqual([
      ['j1', 1],
      ['old', 0],
    ]);
    const cached = qc.getQueryData<Job>(keys.job('j1'))!;
    expect(cached.items.map((i) => i.state)).toEqual(['pending', 'failed']);
    expect(cached).toMatchObject({ ok: 1, failed: 1 });
  });

  it('does not invent a job list or item list it never loaded', () => {
    const qc = new QueryClient();
    applyJobProgress(qc, { ...summary('j1'), changed: [item('ix/1', 'ok')] });
    expect(qc.getQueryData(keys.jobs)).toBeUndefined();
    expect(qc.getQueryData(keys.job('j1'))).toBeUndefined();
  });

  it('keeps at most 200 jobs, newest first, and updates a known one in place', () => {
    let list: JobSummary[] = [];
    for (let i = 0; i < 205; i++) list = upsertSummary(list, summary(`j${i}`));
    expect(list).toHaveLength(200);
    expect(list[0]!.id).toBe('j204');
    list = upsertSummary(list, summary('j100', { ok: 7 }));
    expect(list).toHaveLength(200);
    expect(list.findIndex((j) => j.id === 'j100')).toBe(104);
  });

  it('says "Move to group: 120/500, 3 failed"', () => {
    expect(progressText(summary('j', { ok: 117, failed: 3 }))).toBe(
      'Move to group: 120/500, 3 failed',
    );
    expect(progressText(summary('j', { ok: 5 }))).toBe('Move to group: 5/500');
  });

  it('lists failures first, keeping the job order within a state', () => {
    const sorted = itemsFailuresFirst([
      item('a', 'ok'),
      item('b', 'failed'),
      item('c', 'cancelled'),
      item('d', 'failed'),
    ]);
    expect(sorted.map((i) => i.key)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('never says "done" for a job with failures, in any state', () => {
    for (const state of JobStateSchema.options) {
      const text = endText(summary('j', { state, ok: 497, failed: 3 }));
      expect(text, state).not.toMatch(/done/);
    }
    expect(endText(summary('j', { state: 'failures', ok: 497, failed: 3 }))).toBe(
      'finished with 3 failed',
    );
    expect(endText(summary('j', { state: 'done', ok: 500 }))).toBe('done');
  });

  it('tells an interrupted job: applied, unknown, not started, and what Retry runs', () => {
    const job = summary('j', { state: 'interrupted', ok: 120, failed: 2, interrupted: 3 });
    expect(resultText(job)).toBe('120 ok, 2 failed, 3 unknown, 375 not started');
    expect(retryCount(job)).toBe(380);
    expect(retryLabel(job)).toBe('Retry');
    const finished = summary('j', { state: 'failures', ok: 498, failed: 2 });
    expect([retryCount(finished), retryLabel(finished)]).toEqual([2, 'Retry failed']);
    expect(resultText(summary('j', { state: 'done', ok: 49, skipped: 1, total: 50 }))).toBe(
      '49 ok, 1 skipped',
    );
  });

  it('words item states: waiting while the job runs, not started once it stopped', () => {
    expect(itemStateText('pending', true)).toBe('waiting');
    expect(itemStateText('pending', false)).toBe('not started');
    expect(itemStateText('interrupted', false)).toBe('unknown');
    expect(itemStateText('skipped', false)).toBe('skipped');
  });
});

describe('a job in 简体中文', () => {
  beforeEach(() => speak('zh-CN'));

  it('is named from its kind, not from the English label main sent', () => {
    expect(progressText(summary('j', { ok: 117, failed: 3 }))).toBe(
      '移动到分组：120/500，3 个失败',
    );
    expect(jobTitle(summary('j', { retryOf: 'i', label: 'Move to group (retry)' }))).toBe(
      '移动到分组（重试）',
    );
    // A kind whose name depends on its action, from a job without its words (an older
    // journal), keeps main's words.
    expect(jobTitle(summary('j', { kind: 'change-tags', label: 'Add tags "vip"' }))).toBe(
      'Add tags "vip"',
    );
  });

  it('says how it ended and what it did in Chinese', () => {
    expect(endText(summary('j', { state: 'failures', ok: 497, failed: 3 }))).toBe(
      '已结束，3 个失败',
    );
    const job = summary('j', { state: 'interrupted', ok: 1200, failed: 2, interrupted: 3 });
    expect(resultText({ ...job, total: 5000 })).toBe(
      '1,200 个成功，2 个失败，3 个未知，3,795 个未开始',
    );
    expect(retryLabel(job)).toBe('重试');
    expect(itemStateText('pending', true)).toBe('等待中');
  });
});
