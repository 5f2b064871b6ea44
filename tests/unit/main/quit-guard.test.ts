import { describe, expect, it, vi } from 'vitest';
import { createQuitGuard, type QuitGuardDeps } from '../../../electron/main/quit-guard';
import { quitQuestion } from '../../../electron/main/services/jobs/quit-question';
import type { JobSummary } from '../../../shared/model/job';

const summary = (over: Partial<JobSummary>): JobSummary => ({
  id: 'j',
  kind: 'set-remark',
  label: 'Set remark',
  state: 'running',
  createdAt: 0,
  total: 500,
  ok: 120,
  failed: 3,
  cancelled: 0,
  interrupted: 0,
  skipped: 0,
  ...over,
});

function guard(answer: boolean | undefined) {
  const calls: string[] = [];
  const deps: QuitGuardDeps = {
    question: () => (answer === undefined ? undefined : quitQuestion([summary({})])),
    ask: vi.fn(async () => {
      calls.push('ask');
      return answer!;
    }),
    stop: async () => void calls.push('stop'),
    quit: () => calls.push('quit'),
    stayed: () => calls.push('stayed'),
  };
  const beforeQuit = createQuitGuard(deps);
  const fire = () => {
    let prevented = false;
    beforeQuit({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { fire, calls, deps };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('quitting with jobs running', () => {
  it('asks first, naming the job and its progress; nothing running: no question', () => {
    expect(quitQuestion([summary({ state: 'done' })])).toBeUndefined();
    const q = quitQuestion([summary({}), summary({ state: 'failures' })])!;
    expect(q.message).toBe('"Set remark" is still running. Quit anyway?');
    expect(q.detail).toContain('Set remark: 123 of 500 done');
    expect(q.detail).toContain('Retry');
    expect([q.stay, q.quit]).toEqual(['Keep running', 'Quit anyway']);
    expect(quitQuestion([summary({}), summary({ id: 'k' })])!.message).toBe(
      '2 jobs are still running. Quit anyway?',
    );
  });

  it('speaks the language the UI chose; one it has no words for reads English', () => {
    const zh = quitQuestion([summary({ label: '设置备注', total: 5000 })], 'zh-CN')!;
    expect(zh.message).toBe('“设置备注”仍在运行。仍要退出吗？');
    expect(zh.detail).toContain('设置备注：已完成 123 / 5,000');
    expect([zh.stay, zh.quit]).toEqual(['继续运行', '仍要退出']);
    expect(quitQuestion([summary({}), summary({ id: 'k' })], 'zh-CN')!.message).toBe(
      '2 个任务仍在运行。仍要退出吗？',
    );
    expect(quitQuestion([summary({})], 'fr')!.stay).toBe('Keep running');
  });

  it('"Keep running" stops nothing; the next quit asks again', async () => {
    const { fire, calls } = guard(false);
    expect(fire()).toBe(true);
    await settle();
    expect(calls).toEqual(['ask', 'stayed']);
    expect(fire()).toBe(true);
    await settle();
    expect(calls).toEqual(['ask', 'stayed', 'ask', 'stayed']);
  });

  it('"Quit anyway" stops core, then quits; that quit is let through', async () => {
    const { fire, calls } = guard(true);
    expect(fire()).toBe(true);
    await settle();
    expect(calls).toEqual(['ask', 'stop', 'quit']);
    expect(fire()).toBe(false);
  });

  it('asks once while the question is open', async () => {
    const { fire, deps } = guard(false);
    fire();
    fire();
    await settle();
    expect(deps.ask).toHaveBeenCalledTimes(1);
  });

  it('quits without asking when nothing runs', async () => {
    const { fire, calls } = guard(undefined);
    fire();
    await settle();
    expect(calls).toEqual(['stop', 'quit']);
  });
});
