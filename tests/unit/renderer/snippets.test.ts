import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildSnippets,
  bundledDevtoolsUrl,
  bundledDevtoolsUrlFromWs,
  hostPort,
  jsString,
  pythonPath,
  type SnippetId,
} from '../../../renderer/src/features/sessions/snippets';
import { speak } from './support/i18n';

const WIN_DRIVER = String.raw`C:\Users\Ana\AppData\Roaming\ixBrowser\chromedriver.exe`;
const session = {
  engine: 'chromium' as const,
  debugAddress: '127.0.0.1:28545',
  wsUrl: 'ws://127.0.0.1:28545/devtools/browser/6b1f-42',
  webdriverPath: WIN_DRIVER,
};
const code = (id: SnippetId, s: Parameters<typeof buildSnippets>[0] = session) =>
  buildSnippets(s).find((x) => x.id === id)?.code;

/** Evaluates a JS string literal the way an engine would, to prove the escaping round-trips. */
const evalJs = (literal: string): unknown => new Function(`return ${literal};`)();

describe('snippets', () => {
  beforeEach(() => speak('en'));

  it('connects Playwright over CDP to the debugging address', () => {
    expect(code('playwright')).toContain(
      "const browser = await chromium.connectOverCDP('http://127.0.0.1:28545');",
    );
  });

  it('connects Puppeteer to the ws URL', () => {
    expect(code('puppeteer')).toContain(
      "const browser = await puppeteer.connect({ browserWSEndpoint: 'ws://127.0.0.1:28545/devtools/browser/6b1f-42' });",
    );
  });

  it('gives Selenium (Python) the debugger address and the Windows webdriver path verbatim', () => {
    const py = code('selenium-python')!;
    expect(py).toContain('options.add_experimental_option("debuggerAddress", "127.0.0.1:28545")');
    // A raw string: the path reads exactly as in Explorer, backslashes kept single.
    expect(py).toContain(`Service(executable_path=r"${WIN_DRIVER}")`);
  });

  it('doubles backslashes where the language has no raw strings (JS, Java)', () => {
    const escaped = WIN_DRIVER.replace(/\\/g, '\\\\');
    expect(code('selenium-js')).toContain(`new chrome.ServiceBuilder('${escaped}')`);
    expect(code('selenium-java')).toContain(`new File("${escaped}")`);
    const literal = /ServiceBuilder\(('.*')\)/.exec(code('selenium-js')!)![1]!;
    expect(evalJs(literal)).toBe(WIN_DRIVER);
  });

  it('escapes quotes and line breaks so a string literal cannot be broken out of', () => {
    const nasty = "C:\\it's\nhere\\";
    expect(evalJs(jsString(nasty))).toBe(nasty);
    // A raw Python string cannot end in a lone backslash nor hold a quote: fall back.
    expect(pythonPath('C:\\tools\\')).toBe('"C:\\\\tools\\\\"');
    expect(pythonPath('C:\\a"b')).toBe('"C:\\\\a\\"b"');
    expect(pythonPath('C:\\tools\\\\')).toBe('r"C:\\tools\\\\"');
  });

  it('normalises addresses reported with a scheme or trailing slash', () => {
    expect(hostPort('http://127.0.0.1:9222/')).toBe('127.0.0.1:9222');
    expect(code('playwright', { ...session, debugAddress: 'http://127.0.0.1:9222/' })).toContain(
      "connectOverCDP('http://127.0.0.1:9222')",
    );
  });

  it('offers only what the reported endpoints allow', () => {
    expect(buildSnippets({ engine: 'chromium', wsUrl: session.wsUrl }).map((s) => s.id)).toEqual([
      'puppeteer',
    ]);
    expect(buildSnippets({ engine: 'firefox', debugAddress: '127.0.0.1:5000' })).toEqual([]);
    const noDriver = code('selenium-python', { engine: 'chromium', debugAddress: '127.0.0.1:1' })!;
    expect(noDriver).not.toContain('executable_path');
    expect(noDriver).toContain('no webdriver path');
  });

  it('builds the devtools:// fallback URL for a page and for the browser target', () => {
    expect(bundledDevtoolsUrl('127.0.0.1:28545', 'A1B2')).toBe(
      'devtools://devtools/bundled/inspector.html?ws=127.0.0.1:28545/devtools/page/A1B2',
    );
    expect(bundledDevtoolsUrlFromWs(session.wsUrl)).toBe(
      'devtools://devtools/bundled/inspector.html?ws=127.0.0.1:28545/devtools/browser/6b1f-42',
    );
  });
});
