/**
 * Job texts main sends as keys and data (item notes, what a job set, names that depend on
 * the action), worded by the renderer in the chosen language. In English each reads exactly
 * as main's own English (the strings the main-side tests assert); a job from a journal
 * older than the keys shows main's English as it is.
 */
import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../shared/model/job';
import type { LabelWords, NoteWords, ValueWords } from '../../../shared/model/job-words';
import { jobTitle } from '../../../renderer/src/features/jobs/job-cache';
import { appliedText, noteText, valueText } from '../../../renderer/src/features/jobs/job-words';
import { inLanguage } from './support/i18n';

const NOTES: Array<[NoteWords[], string, string]> = [
  [[{ key: 'openedAndClosed' }], 'opened and closed', '已打开并关闭'],
  [[{ key: 'alreadyClosed' }], 'already closed', '已处于关闭状态'],
  [
    [{ key: 'alreadyOpen' }, { key: 'proxyChecked', params: { ip: '203.0.113.5' } }],
    'already open: attached; proxy checked: exit IP 203.0.113.5',
    '已处于打开状态：已接入该窗口；代理已检测：出口 IP 203.0.113.5',
  ],
  [
    [{ key: 'proxyNotChecked', params: { reason: 'API-extracted proxy' } }],
    'proxy not checked: API-extracted proxy',
    '代理未检测：API-extracted proxy',
  ],
  [
    [{ key: 'proxyWorks', params: { ip: '203.0.113.9', ms: 120 } }],
    'proxy works: exit IP 203.0.113.9, 120 ms',
    '代理可用：出口 IP 203.0.113.9，120 毫秒',
  ],
  [[{ key: 'proxyWorks' }], 'proxy works', '代理可用'],
  [[{ key: 'alreadyHadTags' }], 'already had these tags', '已有这些标签'],
  [[{ key: 'hadNoneOfTags' }], 'had none of these tags', '本来就没有这些标签'],
  [[{ key: 'fieldsSet', params: { fields: ['name'] } }], 'name set', '已设置名称'],
  [
    [{ key: 'fieldsSet', params: { fields: ['name', 'remark', 'proxy'] } }],
    'name, remark and proxy set',
    '已设置名称、备注和代理',
  ],
  [
    [{ key: 'renamedTo', params: { name: 'Shop 07' } }],
    'renamed to "Shop 07"',
    '已重命名为“Shop 07”',
  ],
  [
    [{ key: 'alreadyApplied' }],
    'had already applied when BrowserDeck stopped',
    'BrowserDeck 停止时已生效',
  ],
  [
    [{ key: 'notCopied', params: { target: 'BitBrowser', of: 'tags', why: 'no-tag-calls' } }],
    "tags not copied: BitBrowser's Local API has no tag calls: the copy gets no tags",
    '标签未复制：BitBrowser 的 Local API 没有标签接口：副本不带标签',
  ],
  [[{ key: 'stoppedByCancel' }], 'stopped by cancel', '已因取消而中止'],
  [
    [{ key: 'unknownOutcome' }],
    'On its way to the vendor when BrowserDeck stopped: Retry reads the vendor to see whether it applied',
    'BrowserDeck 停止时正在发往浏览器客户端：“重试”会先向浏览器客户端核实是否已生效',
  ],
  [
    [{ key: 'undoNotRead', params: { field: 'remark' } }],
    'Left as it is: its remark before the edit could not be read',
    '未改动：无法读取编辑前的备注',
  ],
  [[{ key: 'undoGone' }], 'Left as it is: the profile no longer exists', '未改动：该环境已不存在'],
  [
    [{ key: 'undoAlreadyBack', params: { field: 'name' } }],
    'Left as it is: it already has its name from before the edit',
    '未改动：名称已是编辑前的值',
  ],
  [
    [
      {
        key: 'undoChangedSince',
        params: { field: 'tags' },
        values: {
          now: { key: 'tags', params: { tags: ['by hand'] } },
          set: { key: 'tags', params: { tags: ['vip'] } },
        },
      },
    ],
    'Left as it is: its tags was changed after the edit (now "by hand", the edit set "vip")',
    '未改动：编辑后标签又被修改过（现在为“by hand”，编辑设置的是“vip”）',
  ],
  [
    [
      {
        key: 'undoChangedSince',
        params: { field: 'remark' },
        values: { now: { key: 'empty' }, set: { key: 'text', params: { text: 'NEW' } } },
      },
    ],
    'Left as it is: its remark was changed after the edit (now empty, the edit set "NEW")',
    '未改动：编辑后备注又被修改过（现在为空，编辑设置的是“NEW”）',
  ],
  [
    [{ key: 'undoNameEmpty' }],
    'Left as it is: its name before the edit was empty',
    '未改动：编辑前的名称为空',
  ],
  [
    [{ key: 'undoProxyPassword' }],
    'Left as it is: its proxy before the edit had a password, which BrowserDeck does not keep: set that proxy again by hand',
    '未改动：编辑前的代理带密码，而 BrowserDeck 不保存代理密码：请手动重新设置该代理',
  ],
];

describe("an item's note", () => {
  it.each(NOTES)('%j reads "%s" in English and "%s" in 中文', async (noteWords, en, zh) => {
    // Main's English beside the keys is not what shows: a wrong one proves it.
    const item = { note: 'main English', noteWords };
    expect(noteText(item)).toBe(en);
    expect(await inLanguage('zh-CN', () => noteText(item))).toBe(zh);
  });

  it('of a job from before the keys shows main’s English note, in any language', async () => {
    const old = { note: 'already open: attached' };
    expect(noteText(old)).toBe('already open: attached');
    expect(await inLanguage('zh-CN', () => noteText(old))).toBe('already open: attached');
    expect(noteText({})).toBe('');
    // A reason this build has no words for: main's English, not half a sentence.
    const unknown: NoteWords[] = [{ key: 'notCopied', params: { of: 'tags', why: 'new-reason' } }];
    expect(noteText({ note: 'tags not copied: why', noteWords: unknown })).toBe(
      'tags not copied: why',
    );
  });
});

const VALUES: Array<[ValueWords, string, string]> = [
  [
    { key: 'groups', params: { names: ['Warmup'], ids: ['g7'] } },
    'Warmup, group g7',
    'Warmup、分组 g7',
  ],
  [{ key: 'tags', params: { tags: ['vip', 'new'] } }, '"vip", "new"', '“vip”、“new”'],
  [{ key: 'empty' }, 'empty', '空'],
  [{ key: 'noTags' }, 'no tags', '无标签'],
  [
    { key: 'template', params: { template: 'Shop {n}', start: 5 } },
    '"Shop {n}" from 5',
    '“Shop {n}”，从 5 开始',
  ],
  [{ key: 'named', params: { template: 'Copy {n}' } }, 'named "Copy {n}"', '名称为“Copy {n}”'],
  [{ key: 'proxyList', params: { count: 1 } }, '1 proxy from a list', '列表中的 1 个代理'],
  [
    { key: 'proxyList', params: { count: 1200 } },
    '1,200 proxies from a list',
    '列表中的 1,200 个代理',
  ],
  [
    { key: 'sheet', params: { name: 2, tags: 1, proxy: 1 } },
    '2 names, 1 tag set, 1 proxy',
    '2 个名称、1 组标签、1 个代理',
  ],
  [
    { key: 'proxy', params: { proxy: 'socks5 u:•••@198.51.100.4:1080' } },
    'socks5 u:•••@198.51.100.4:1080',
    'socks5 u:•••@198.51.100.4:1080',
  ],
  [{ key: 'proxyDirect' }, 'direct', '直连'],
  [{ key: 'proxyVendor', params: { id: '42' } }, 'vendor-managed #42', '客户端托管 #42'],
  [
    { key: 'proxyApi', params: { type: 'socks5' } },
    'API extraction (socks5)',
    'API 提取（socks5）',
  ],
  [{ key: 'someVendorProxy' }, 'a vendor-managed proxy', '客户端托管的代理'],
];

const summary = (extra: Partial<JobSummary>): JobSummary => ({
  id: 'j',
  kind: 'set-tags',
  label: 'Set tags',
  state: 'done',
  createdAt: 1,
  total: 2,
  ok: 2,
  failed: 0,
  cancelled: 0,
  interrupted: 0,
  skipped: 0,
  ...extra,
});

describe('what a job set', () => {
  it.each(VALUES)('%j reads "%s" in English and "%s" in 中文', async (words, en, zh) => {
    expect(valueText(words)).toBe(en);
    expect(await inLanguage('zh-CN', () => valueText(words))).toBe(zh);
  });

  it('of a job from before the keys is main’s English', async () => {
    const old = summary({ applied: '"vip", "new"' });
    expect(await inLanguage('zh-CN', () => appliedText(old))).toBe('"vip", "new"');
    const worded = summary({
      applied: 'main English',
      appliedWords: { key: 'tags', params: { tags: ['vip'] } },
    });
    expect(await inLanguage('zh-CN', () => appliedText(worded))).toBe('“vip”');
    expect(appliedText(summary({}))).toBeUndefined();
  });
});

const TITLES: Array<[string, LabelWords, string, string]> = [
  [
    'change-tags',
    { key: 'changeTags', add: ['vip'], remove: [] },
    'Add tags "vip"',
    '添加标签 “vip”',
  ],
  [
    'change-tags',
    { key: 'changeTags', add: [], remove: ['a', 'b'] },
    'Remove tags "a", "b"',
    '移除标签 “a”、“b”',
  ],
  [
    'change-tags',
    { key: 'changeTags', add: ['x'], remove: ['y'] },
    'Add tags "x", remove "y"',
    '添加标签 “x”，移除 “y”',
  ],
  ['automate', { key: 'automation', task: 'screenshot' }, 'Automation: Screenshot', '自动化：截图'],
  ['automate', { key: 'script' }, 'Script', '脚本'],
  ['automate', { key: 'script', name: 'Titles' }, 'Script: Titles', '脚本：Titles'],
  ['undo', { key: 'undo', kind: 'set-remark' }, 'Undo set remark', '撤销设置备注'],
  ['undo', { key: 'undo', kind: 'change-tags' }, 'Undo change tags', '撤销修改标签'],
];

describe('a job named from its action', () => {
  it.each(TITLES)(
    '%s %j reads "%s" in English and "%s" in 中文',
    async (kind, labelWords, en, zh) => {
      const job = summary({ kind, label: 'main English', labelWords });
      expect(jobTitle(job)).toBe(en);
      expect(await inLanguage('zh-CN', () => jobTitle(job))).toBe(zh);
    },
  );

  it('says it is a retry, and keeps main’s label without words or for an unknown undo', async () => {
    const retry = summary({
      kind: 'undo',
      label: 'Undo set remark (retry)',
      retryOf: 'i',
      labelWords: { key: 'undo', kind: 'set-remark' },
    });
    expect(jobTitle(retry)).toBe('Undo set remark (retry)');
    expect(await inLanguage('zh-CN', () => jobTitle(retry))).toBe('撤销设置备注（重试）');
    const old = summary({ kind: 'change-tags', label: 'Add tags "vip"' });
    expect(await inLanguage('zh-CN', () => jobTitle(old))).toBe('Add tags "vip"');
    const unknown = summary({
      kind: 'undo',
      label: 'Undo something',
      labelWords: { key: 'undo', kind: 'x' },
    });
    expect(jobTitle(unknown)).toBe('Undo something');
  });
});
