/**
 * errorText words main's code, reason and values in the chosen language (issue #24); a
 * vendor's own message is shown as given, with its code; an error without a known reason
 * (an older stored job) still reads, by its code.
 */
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/src/i18n/catalogs/en';
import zhCN from '../../../../renderer/src/i18n/catalogs/zh-CN';
import { errorText, fieldError } from '../../../../renderer/src/lib/deck';
import { DeckError, fail, type DeckErrorValue } from '../../../../shared/ipc/result';
import type { ErrorReason } from '../../../../shared/ipc/error-reasons';
import { ERROR_REASONS } from '../../../../shared/ipc/error-reasons';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
});
afterAll(() => i18next.changeLanguage('en'));

const inBoth = async (error: DeckErrorValue) => {
  await i18next.changeLanguage('en');
  const english = errorText(new DeckError(error));
  await i18next.changeLanguage('zh-CN');
  const chinese = errorText(new DeckError(error));
  return [english, chinese];
};

const invalid = (
  field: string,
  reason: ErrorReason,
  params: Record<string, string | number> = {},
): DeckErrorValue =>
  fail('invalid-input', `${field}: (main's English)`, { details: { field }, reason, params }).error;

describe('errorText', () => {
  it('names the field and says what is wrong, in English and in Chinese', async () => {
    expect(await inBoth(invalid('action.proxy.port', 'invalid.port-range'))).toEqual([
      'Proxy port: must be 1-65535',
      '代理端口：必须在 1-65535 之间',
    ]);
    expect(
      await inBoth(invalid('name', 'invalid.too_small', { context: 'string', count: 1 })),
    ).toEqual(['Name: must not be empty', '名称：至少需要 1 个字符']);
    expect(
      await inBoth(invalid('name', 'invalid.too_big', { context: 'string', count: 100 })),
    ).toEqual(['Name: must be at most 100 characters long', '名称：最多 100 个字符']);
    expect(
      await inBoth(
        invalid('requestTimeoutMs', 'invalid.whole-number', {
          min: 1000,
          max: 300000,
          unitName: 'ms',
        }),
      ),
    ).toEqual([
      'Request timeout: must be a whole number from 1,000 to 300,000 ms',
      '请求超时：必须是 1,000 到 300,000 之间的整数（毫秒）',
    ]);
    expect(
      await inBoth(invalid('vendor', 'invalid.invalid_value', { options: 'ixbrowser, cos' })),
    ).toEqual(['vendor: must be one of: ixbrowser, cos', 'vendor：必须是以下之一：ixbrowser, cos']);
  });

  it('words a vendor failure from its values', async () => {
    const unreachable = fail('unreachable', 'x', {
      reason: 'vendor.unreachable',
      params: { vendor: 'ixBrowser', baseUrl: 'http://127.0.0.1:53200', context: 'refused' },
    }).error;
    expect(await inBoth(unreachable)).toEqual([
      'ixBrowser at http://127.0.0.1:53200 is not reachable (connection refused: is the client running?)',
      '无法连接 http://127.0.0.1:53200 上的 ixBrowser（连接被拒绝：客户端是否已启动？）',
    ]);
  });

  it('shows the vendor’s own message as given, with its code', async () => {
    const said = fail('conflict', 'ixBrowser: 名称已存在 (code 101004)', {
      details: { vendorCode: 101004, vendorMessage: '名称已存在' },
      reason: 'vendor.said',
      params: { vendor: 'ixBrowser' },
    }).error;
    expect(await inBoth(said)).toEqual([
      'ixBrowser: 名称已存在 (code 101004)',
      'ixBrowser：名称已存在（代码 101004）',
    ]);
    // Our own sentence, then the vendor's words.
    const refused = fail('unauthorized', 'x', {
      details: { vendorCode: 401, vendorMessage: 'not logged in' },
      reason: 'vendor.token-refused-cos',
    }).error;
    expect(await inBoth(refused)).toEqual([
      'CosLogin refused the Local API token, or the client is logged out (not logged in, vendor code 401)',
      'CosLogin 拒绝了 Local API 令牌，或客户端已退出登录（not logged in，厂商代码 401）',
    ]);
  });

  it('an error without a known reason reads by its code (English keeps main’s sentence)', async () => {
    const old: DeckErrorValue = {
      code: 'unreachable',
      message: 'Office ix is not reachable (ECONNRESET)',
      retryable: true,
      details: { vendorCode: 'HTTP 502' },
    };
    expect(await inBoth(old)).toEqual([
      'Office ix is not reachable (ECONNRESET) (vendor code HTTP 502)',
      '无法连接浏览器客户端（厂商代码 HTTP 502）',
    ]);
    // A reason this renderer has no words for (a newer main) is no reason.
    const newer = {
      code: 'busy',
      message: 'Busy in a new way',
      retryable: true,
      details: { reason: 'vendor.some-new-reason' },
    } as unknown as DeckErrorValue;
    expect(await inBoth(newer)).toEqual(['Busy in a new way', '浏览器客户端繁忙：请稍后重试']);
  });

  it('fieldError gives the field and what is wrong without its name', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(fieldError(new DeckError(invalid('baseUrl', 'base-url.query')))).toEqual({
      field: 'baseUrl',
      text: '不能包含查询参数或片段',
    });
    await i18next.changeLanguage('en');
    expect(fieldError(new DeckError(invalid('baseUrl', 'base-url.query')))).toEqual({
      field: 'baseUrl',
      text: 'must not have a query or fragment',
    });
    // A stored error without a reason: main's sentence, its field prefix cut.
    const old = {
      code: 'invalid-input',
      message: 'port: too big',
      retryable: false,
      details: { field: 'port' },
    } as const;
    expect(fieldError(new DeckError(old))).toEqual({ field: 'port', text: 'too big' });
    expect(fieldError(new DeckError({ ...old, code: 'internal' }))).toBeNull();
  });

  it('every reason main may send has words in both languages', async () => {
    for (const lng of ['en', 'zh-CN']) {
      await i18next.changeLanguage(lng);
      for (const reason of ERROR_REASONS)
        expect(i18next.exists(`errors.reason.${reason}`, { lng }), `${lng} ${reason}`).toBe(true);
    }
  });
});
