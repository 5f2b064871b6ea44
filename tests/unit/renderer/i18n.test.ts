/**
 * The i18n plumbing: which language a first start picks, the pseudo-locale's transform,
 * Intl formatting per language, and catalogs that agree key for key.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/catalogs/en';
import zhCN from '../../../renderer/src/i18n/catalogs/zh-CN';
import { formatters } from '../../../renderer/src/i18n/format';
import { LANGUAGES, PSEUDO, pickLanguage } from '../../../renderer/src/i18n/languages';
import { pseudoCatalog, pseudoString } from '../../../renderer/src/i18n/pseudo';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`),
  );
const valuesOf = (o: object): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (x: object, prefix: string) => {
    for (const [k, v] of Object.entries(x)) {
      if (typeof v === 'string') out.set(prefix + k, v);
      else walk(v as object, `${prefix}${k}.`);
    }
  };
  walk(o, '');
  return out;
};

describe('the language of a first start', () => {
  it('follows the system: Simplified Chinese tags read zh-CN, others English', () => {
    expect(pickLanguage(null, ['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh-Hans-CN'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh-SG'])).toBe('zh-CN');
    // Traditional Chinese has no catalog yet: the next language the system lists, or English.
    expect(pickLanguage(null, ['zh-TW', 'ja'])).toBe('en');
    expect(pickLanguage(null, ['zh-Hant-HK'])).toBe('en');
    expect(pickLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });

  it('a remembered choice wins over the system; an unknown one is ignored', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLanguage(PSEUDO, ['en-US'])).toBe(PSEUDO);
    expect(pickLanguage('xx-YY', ['zh-CN'])).toBe('zh-CN');
  });
});

describe('catalogs', () => {
  it('every language has every English key and no other', async () => {
    const want = keysOf(en).sort();
    for (const l of LANGUAGES) expect(keysOf(await l.load()).sort(), l.code).toEqual(want);
  });

  it('zh-CN keeps each string’s placeholders and translates every string', () => {
    const zh = valuesOf(zhCN);
    for (const [key, text] of valuesOf(en)) {
      const placeholders = (s: string) => (s.match(/\{\{[^}]*\}\}/g) ?? []).sort();
      expect(placeholders(zh.get(key)!), key).toEqual(placeholders(text));
      expect(zh.get(key), key).not.toBe(text);
    }
  });
});

describe('the pseudo-locale', () => {
  it('wraps, accents and lengthens, and keeps placeholders as they are', () => {
    const p = pseudoString('Remove {{label}}?');
    expect(p).toMatch(/^⟦Rémóvé \{\{label\}\}\?~+⟧$/);
    expect(p.length).toBeGreaterThan('Remove {{label}}?'.length + 2);
  });

  it('transforms a whole catalog, nested', () => {
    const p = pseudoCatalog(en);
    expect(p.nav.profiles).toBe(pseudoString(en.nav.profiles));
    expect(keysOf(p)).toEqual(keysOf(en));
  });
});

describe('formatting through Intl', () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  it('numbers group in each language', () => {
    expect(formatters('en').number(5000)).toBe('5,000');
    expect(formatters('zh-CN').number(400011)).toBe('400,011');
  });

  it('relative times: now, minutes, hours, days, in the language', () => {
    const f = formatters('en');
    expect(f.relative(now - 10_000, now)).toBe('now');
    expect(f.relative(now - 3 * 60_000, now)).toBe('3 min. ago');
    expect(f.relative(now - 2 * 3_600_000, now)).toBe('2 hr. ago');
    expect(f.relative(now - 4 * 86_400_000, now)).toBe('4 days ago');
    expect(formatters('zh-CN').relative(now - 3 * 60_000, now)).toBe('3分钟前');
  });

  it('lists join as each language joins them', () => {
    expect(formatters('en').list(['ixBrowser', 'AdsPower', 'BitBrowser'])).toBe(
      'ixBrowser, AdsPower, and BitBrowser',
    );
    expect(formatters('zh-CN').list(['分组', '标签'])).toBe('分组和标签');
  });
});
