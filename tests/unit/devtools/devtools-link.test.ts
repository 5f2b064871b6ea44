/**
 * The devtools:// link to paste is built only from a ws URL that is exactly
 * ws://<loopback host>:<port>/devtools/(page|browser)/<id>; hostile values get no link.
 */
import { describe, expect, it } from 'vitest';
import { bundledDevtoolsUrl as mainLink } from '../../../electron/main/services/devtools';
import {
  bundledDevtoolsUrl as rendererLink,
  bundledDevtoolsUrlFromWs,
} from '../../../renderer/src/features/sessions/snippets';
import { devtoolsFallbackUrl, parseDevtoolsWsUrl } from '../../../shared/devtools/devtools-link';

const LINK = 'devtools://devtools/bundled/inspector.html?ws=';

const HOSTILE_WS = [
  'ws://evil.example:9222/devtools/page/ABC',
  'ws://127.0.0.1.evil.example:9222/devtools/page/ABC',
  'ws://10.0.0.5:9222/devtools/page/ABC',
  'wss://127.0.0.1:9222/devtools/page/ABC',
  'http://127.0.0.1:9222/devtools/page/ABC',
  'ws://user:pw@127.0.0.1:9222/devtools/page/ABC',
  'ws://127.0.0.1:9222/devtools/page/ABC?panel=x',
  'ws://127.0.0.1:9222/devtools/page/ABC#x',
  'ws://127.0.0.1:9222/devtools/page/ABC&remoteFrontendUrl=https://evil.example',
  'ws://127.0.0.1:9222/devtools/page/ABC%26x=1',
  'ws://127.0.0.1:9222/devtools/page/../../json/new?https://evil.example',
  'ws://127.0.0.1:9222/devtools/page/A/B',
  'ws://127.0.0.1:9222/devtools/worker/ABC',
  'ws://127.0.0.1:9222/json/version',
  'ws://127.0.0.1/devtools/page/ABC',
  'ws://127.0.0.1:0/devtools/page/ABC',
  'ws://127.0.0.1:70000/devtools/page/ABC',
  `ws://127.0.0.1:9222/devtools/page/${'A'.repeat(129)}`,
  'javascript:alert(1)//ws://127.0.0.1:9222/devtools/page/ABC',
  '127.0.0.1:9222/devtools/page/ABC',
  'not a url',
  '',
];

describe('the devtools:// fallback link', () => {
  it('is built from a loopback DevTools ws URL, rebuilt from its parsed parts', () => {
    expect(devtoolsFallbackUrl('ws://127.0.0.1:9222/devtools/browser/6b1f-42')).toBe(
      `${LINK}127.0.0.1:9222/devtools/browser/6b1f-42`,
    );
    expect(devtoolsFallbackUrl('ws://LOCALHOST:9222/devtools/page/A1B2')).toBe(
      `${LINK}localhost:9222/devtools/page/A1B2`,
    );
    expect(devtoolsFallbackUrl('ws://[::1]:9222/devtools/page/A1B2')).toBe(
      `${LINK}[::1]:9222/devtools/page/A1B2`,
    );
    // The URL parser's normal form is what goes into the link.
    expect(parseDevtoolsWsUrl('ws://127.1:9222/devtools/page/A1B2')).toEqual({
      host: '127.0.0.1',
      port: 9222,
      target: 'page',
      id: 'A1B2',
    });
  });

  it('is not built from hostile or malformed ws URLs', () => {
    for (const ws of HOSTILE_WS) {
      expect(devtoolsFallbackUrl(ws), ws).toBeUndefined();
      expect(bundledDevtoolsUrlFromWs(ws), ws).toBeUndefined();
    }
  });

  it('main and renderer build no link from a hostile address or target id', () => {
    for (const build of [mainLink, rendererLink]) {
      expect(build('127.0.0.1:9222', 'ABC')).toBe(`${LINK}127.0.0.1:9222/devtools/page/ABC`);
      for (const id of ['ABC?panel=x', 'ABC#x', '../../json/new', 'A&x=1', 'A B', '']) {
        expect(build('127.0.0.1:9222', id), id).toBeUndefined();
      }
    }
    for (const address of ['evil.example:9222', '127.0.0.1:9222/x?', 'user@127.0.0.1:9222']) {
      expect(rendererLink(address, 'ABC'), address).toBeUndefined();
    }
    // The renderer still takes the address with a scheme or a trailing slash.
    expect(rendererLink('http://127.0.0.1:9222/', 'ABC')).toBe(
      `${LINK}127.0.0.1:9222/devtools/page/ABC`,
    );
  });
});
