/** Pasted cookies: the extension JSON, Playwright's shape and cookies.txt, and what is refused. */
import { describe, expect, it } from 'vitest';
import { parseCookieText, toExtensionCookies } from '../../../shared/automation/cookie-text';
import { AutomationTaskSchema } from '../../../shared/model/automation';

describe('pasted cookies', () => {
  it('reads the JSON cookie extensions export', () => {
    const parsed = parseCookieText(
      JSON.stringify([
        {
          domain: '.shop.example',
          expirationDate: 1900000000.25,
          hostOnly: false,
          httpOnly: true,
          name: 'sid',
          path: '/',
          sameSite: 'no_restriction',
          secure: true,
          session: false,
          storeId: '0',
          value: 'abc',
        },
        { domain: 'shop.example', hostOnly: true, name: 'cart', value: '3', session: true },
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      format: 'json',
      cookies: [
        {
          name: 'sid',
          value: 'abc',
          domain: '.shop.example',
          path: '/',
          expires: 1900000000.25,
          httpOnly: true,
          secure: true,
          sameSite: 'None',
          hostOnly: false,
        },
        {
          name: 'cart',
          value: '3',
          domain: 'shop.example',
          path: '/',
          expires: -1,
          httpOnly: false,
          secure: false,
          sameSite: 'Lax',
          hostOnly: true,
        },
      ],
    });
  });

  it("reads a storage state's cookies with Playwright's field names", () => {
    const parsed = parseCookieText(
      JSON.stringify({
        cookies: [
          {
            name: 'a',
            value: '1',
            domain: 'x.example',
            path: '/',
            expires: 1900000000,
            sameSite: 'Strict',
          },
        ],
        origins: [],
      }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      cookies: [{ name: 'a', expires: 1900000000, sameSite: 'Strict' }],
    });
  });

  it('reads cookies.txt, with #HttpOnly_ lines and an empty value', () => {
    const text = [
      '# Netscape HTTP Cookie File',
      '',
      '.shop.example\tTRUE\t/\tTRUE\t1900000000\tsid\tabc',
      '#HttpOnly_shop.example\tFALSE\t/cart\tFALSE\t0\tcart\t',
    ].join('\n');
    expect(parseCookieText(text)).toEqual({
      ok: true,
      format: 'netscape',
      cookies: [
        expect.objectContaining({
          name: 'sid',
          domain: '.shop.example',
          secure: true,
          expires: 1900000000,
          hostOnly: false,
        }),
        expect.objectContaining({
          name: 'cart',
          value: '',
          domain: 'shop.example',
          path: '/cart',
          httpOnly: true,
          expires: -1,
          hostOnly: true,
        }),
      ],
    });
  });

  it('names the entry or line that is wrong', () => {
    expect(parseCookieText('[{"name":"a","value":"1"}]')).toEqual({
      ok: false,
      message: 'Cookie 1: "domain" of a must be a domain such as example.com',
    });
    expect(
      parseCookieText('[{"name":"a","value":"1","domain":"x","sameSite":"sometimes"}]'),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('"sameSite" of a'),
    });
    expect(parseCookieText('x.example\tTRUE\t/\tFALSE\n')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Line 1: expected 7 tab-separated fields/),
    });
    expect(parseCookieText('x.example\tTRUE\t/\tFALSE\tsoon\ta\tb')).toMatchObject({
      ok: false,
      message: 'Line 1: expires "soon" is not a number',
    });
    expect(parseCookieText('{ not json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not valid JSON/),
    });
    expect(parseCookieText('# only comments\n')).toEqual({
      ok: false,
      message: 'No cookie found in the pasted text',
    });
  });

  it('refuses a bad paste at the contract, naming the field', () => {
    const bad = AutomationTaskSchema.safeParse({ type: 'import-cookies', cookies: '[{}]' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['cookies'],
      message: 'Cookie 1: "name" must be a string',
    });
  });

  it('writes what it reads back in the extension format', () => {
    const parsed = parseCookieText('.a.example\tTRUE\t/\tTRUE\t1900000000\tsid\tabc');
    if (!parsed.ok) throw new Error(parsed.message);
    const again = parseCookieText(JSON.stringify(toExtensionCookies(parsed.cookies)));
    expect(again).toMatchObject({ ok: true, cookies: parsed.cookies });
  });
});
