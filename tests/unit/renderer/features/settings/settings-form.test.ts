import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../electron/main/settings';
import {
  checkDraft,
  draftChanged,
  spokenMs,
  toDraft,
  type SettingsDraft,
} from '../../../../../renderer/src/features/settings/settings-form';
import { speak } from '../../support/i18n';

const draftWith = (text: Partial<SettingsDraft['text']>): SettingsDraft => {
  const d = toDraft(DEFAULT_SETTINGS);
  return { ...d, text: { ...d.text, ...text } };
};

describe('the Settings form', () => {
  beforeEach(() => speak('en'));

  it('the saved settings read back as they are, with nothing to fix', () => {
    const { patch, errors } = checkDraft(toDraft(DEFAULT_SETTINGS));
    expect(errors).toEqual({});
    const { theme: _theme, ...rest } = DEFAULT_SETTINGS;
    expect(patch).toEqual(rest);
  });

  it('gives every wrong field its own message, in its own words', () => {
    const { errors } = checkDraft(
      draftWith({
        ipEchoUrl: 'ftp://echo.example',
        requestTimeoutMs: '20',
        openTimeoutMs: 'soon',
        openConcurrency: '2.5',
        proxyCheckConcurrency: '',
        proxyCheckTimeoutMs: '1e3',
        demoProfiles: '1',
        'vendorConcurrency.cos': '40',
        'vendorConcurrency.ixbrowser': '0',
      }),
    );
    expect(errors).toEqual({
      ipEchoUrl: 'must be an http(s) URL such as https://api.ipify.org?format=json',
      requestTimeoutMs: 'must be a whole number from 1,000 to 300,000 ms',
      openTimeoutMs: 'must be a whole number from 5,000 to 600,000 ms',
      openConcurrency: 'must be a whole number from 1 to 16 windows',
      proxyCheckConcurrency: 'must be a whole number from 1 to 64 checks',
      proxyCheckTimeoutMs: 'must be a whole number from 500 to 120,000 ms',
      demoProfiles: 'must be a whole number from 2 to 100,000 profiles',
      'vendorConcurrency.cos': 'must be a whole number from 1 to 16 requests',
      'vendorConcurrency.ixbrowser': 'must be a whole number from 1 to 16 requests',
    });
  });

  it('a vendor limit left empty is the vendor default; one typed is sent for that vendor only', () => {
    const { patch, errors } = checkDraft(
      draftWith({ 'vendorConcurrency.cos': ' 4 ', requestTimeoutMs: '30,000' }),
    );
    expect(errors).toEqual({});
    expect(patch.vendorConcurrency).toEqual({ cos: 4 });
    expect(patch.requestTimeoutMs).toBe(30_000);
    expect(toDraft({ ...DEFAULT_SETTINGS, vendorConcurrency: { cos: 4 } }).text).toMatchObject({
      'vendorConcurrency.cos': '4',
      'vendorConcurrency.ixbrowser': '',
    });
  });

  it('knows when there is something to save', () => {
    expect(draftChanged(toDraft(DEFAULT_SETTINGS), DEFAULT_SETTINGS)).toBe(false);
    expect(draftChanged(draftWith({ demoProfiles: '40' }), DEFAULT_SETTINGS)).toBe(true);
    expect(
      draftChanged({ ...toDraft(DEFAULT_SETTINGS), checkProxyBeforeOpen: true }, DEFAULT_SETTINGS),
    ).toBe(true);
  });

  it('says what a number of milliseconds means', () => {
    expect(spokenMs('15000')).toBe('15 s');
    expect(spokenMs('90000')).toBe('1 min 30 s');
    expect(spokenMs('1500')).toBe('1.5 s');
    expect(spokenMs('abc')).toBeUndefined();
  });
});

describe('the Settings form in 简体中文', () => {
  beforeEach(() => speak('zh-CN'));

  it('words each field’s message from the schema’s limits, in Chinese', () => {
    const { errors } = checkDraft(
      draftWith({ ipEchoUrl: 'ftp://x', requestTimeoutMs: '20', 'vendorConcurrency.cos': '40' }),
    );
    expect(errors).toEqual({
      ipEchoUrl: '必须是 http(s) 地址，例如 https://api.ipify.org?format=json',
      requestTimeoutMs: '必须是 1,000 到 300,000 之间的整数（毫秒）',
      'vendorConcurrency.cos': '必须是 1 到 16 之间的整数（请求数）',
    });
    expect(spokenMs('90000')).toBe('1 分 30 秒');
  });
});
