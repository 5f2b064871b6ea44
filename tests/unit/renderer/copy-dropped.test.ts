/** Why a field is not copied, worded in the UI's language from main's reason and values. */
import { describe, expect, it } from 'vitest';
import { COPY_DROP_REASONS } from '../../../shared/model/copy-preview';
import { droppedReason } from '../../../renderer/src/features/profiles/bulk/copy-dropped';
import { inLanguage } from './support/i18n';

describe('copy preview: what is not copied, and why', () => {
  it('words each reason with its values, in English and 中文', async () => {
    const d = {
      why: 'proxy-type',
      params: { target: 'BitBrowser', takes: 'http, socks5', type: 'ssh' },
    } as const;
    expect(droppedReason(d)).toBe(
      'BitBrowser takes http, socks5 proxies, not ssh: the copy gets no proxy',
    );
    expect(await inLanguage('zh-CN', () => droppedReason(d))).toBe(
      'BitBrowser 只支持 http, socks5 代理，不支持 ssh：副本不带代理',
    );
  });

  it('has a sentence for every reason main may send', async () => {
    for (const why of COPY_DROP_REASONS) {
      const en = droppedReason({ why, params: {} });
      const zh = await inLanguage('zh-CN', () => droppedReason({ why, params: {} }));
      expect(en).not.toContain('bulk.copy');
      expect(zh).not.toBe(en);
    }
  });
});
