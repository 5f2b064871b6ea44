/**
 * Failures of jobs, automation, DevTools and listings cross IPC with a reason and its values
 * (issue #24), so the renderer words them: in English exactly main's own sentence, in
 * Chinese from the errors catalog (before, Chinese showed only a sentence for the code).
 */
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../renderer/support/i18n';
import { wordError } from '../../../renderer/src/lib/error-text';
import { DeckError, DeckErrorSchema, type DeckErrorValue } from '../../../shared/ipc/result';
import type { Session } from '../../../shared/model';
import { fetchAllPages } from '../../../electron/main/providers/common/paging';
import type { VendorProvider } from '../../../electron/main/providers/provider';
import { cdpEndpoint } from '../../../electron/main/services/automation/cdp-endpoint';
import { createJobFiles } from '../../../electron/main/services/automation/job-files';
import { sessionAddress } from '../../../electron/main/services/devtools';
import { checkProxyKind } from '../../../electron/main/services/jobs/kinds/check-proxy';
import { copyKind } from '../../../electron/main/services/jobs/kinds/copy';
import { createUndoKind } from '../../../electron/main/services/jobs/kinds/undo';

const HAN = /[\u4e00-\u9fff]/;

/** The error as the preload accepts it, worded in English and in Chinese. */
async function crossed(error: unknown) {
  const value: DeckErrorValue = DeckErrorSchema.parse(
    error instanceof DeckError ? error.toValue() : error,
  );
  const english = wordError(value);
  const chinese = await inLanguage('zh-CN', () => wordError(value));
  return { value, english, chinese };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('a failure with its reason', () => {
  it('a session’s ws URL that is no URL: DevTools names it', async () => {
    const e = await crossed(thrown(() => sessionAddress({ debugAddress: '', wsUrl: 'nope' })));
    expect(e.value.details).toMatchObject({
      reason: 'devtools.ws-not-url',
      params: { url: 'nope' },
    });
    expect(e.english).toBe("The session's ws URL nope is not a URL");
    expect(e.chinese).toBe('会话的 ws 地址 nope 不是有效网址');
  });

  it('automation of a Firefox profile, and of a vendor whose profiles all run Firefox', async () => {
    const session = { engine: 'firefox' } as Session;
    const one = await crossed(thrown(() => cdpEndpoint(session)));
    expect(one.value.details?.reason).toBe('automation.firefox');
    expect(one.english).toBe(one.value.message);
    expect(one.chinese).toMatch(/^自动化需要 Chromium 内核的环境/);
  });

  it('a kind the vendor cannot do is refused with the vendor named', async () => {
    const provider = { vendor: 'cos', capabilities: { copy: false } } as unknown as VendorProvider;
    const e = await crossed(copyKind.unsupported!(provider));
    expect(e.value).toMatchObject({
      code: 'unsupported',
      retryable: false,
      details: { reason: 'copy.unsupported', params: { vendor: 'cos' } },
    });
    expect(e.english).toBe(e.value.message);
    expect(e.chinese).toBe('此客户端的 Local API 不支持复制（cos）；仅支持 ixBrowser 环境');
  });

  it('a refusal told from the request alone', async () => {
    const refused = checkProxyKind.refuse!({} as never, {} as never, {
      canCheckProxy: false,
      canAutomate: true,
    });
    const e = await crossed(refused);
    expect(e.value.details?.reason).toBe('proxy-check.unavailable');
    expect(e.english).toBe('Proxy checks are not available in this build');
    expect(e.chinese).toBe('此版本不支持代理检测');
  });

  it('an undo started as a job of its own', async () => {
    const undo = createUndoKind(() => undefined);
    const e = await crossed(thrown(() => undo.plan!({} as never, [], {})));
    expect(e.value.details?.reason).toBe('job.undo-start');
    expect(e.english).toBe(e.value.message);
    expect(e.chinese).toMatch(HAN);
  });

  it('a listing larger than main reads: the vendor and how many', async () => {
    const listing = fetchAllPages(async () => ({ items: [1, 2], total: 5 }), 2, undefined, {
      label: 'ixBrowser',
      connectionId: 'c1',
      limits: { maxRows: 3 },
    });
    const e = await crossed(await listing.catch((err: unknown) => err));
    expect(e.value.details).toMatchObject({
      reason: 'vendor.listing-too-large',
      params: { vendor: 'ixBrowser', context: 'total', rows: 5 },
    });
    expect(e.english).toBe(e.value.message);
    expect(e.chinese).toBe('ixBrowser 报告共有 5 个环境；为避免耗尽内存，已停止读取列表');
  });

  it('a job file asked by an id that is none', async () => {
    const files = createJobFiles('/nonexistent-deck-data');
    const e = await crossed(await files.thumbnail('../x', 'c/1').catch((err: unknown) => err));
    expect(e.value.details).toMatchObject({
      field: 'jobId',
      reason: 'automation.bad-job-id',
      params: { id: '../x' },
    });
    expect(e.english).toBe('Job: "../x" is not a job id');
    expect(e.chinese).toBe('任务：“../x”不是任务编号');
  });
});
