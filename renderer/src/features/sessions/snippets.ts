/**
 * Ready-to-paste automation code for an open profile, built from the endpoints its vendor
 * reported. Pure: the Sessions view renders these, unit tests pin the escaping (Windows
 * webdriver paths are full of backslashes).
 */
import i18next from 'i18next';
import { devtoolsFallbackUrl } from '../../../../shared/devtools/devtools-link';
import type { Session } from '../../../../shared/model';

export type SnippetId =
  'playwright' | 'puppeteer' | 'selenium-python' | 'selenium-js' | 'selenium-java';

export interface Snippet {
  id: SnippetId;
  label: string;
  code: string;
}

type Endpoints = Pick<Session, 'debugAddress' | 'wsUrl' | 'webdriverPath' | 'engine'>;

/** `host:port`, whether the vendor reported `127.0.0.1:9222` or `http://127.0.0.1:9222/`. */
export function hostPort(address: string): string {
  return address
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/+$/, '');
}

/** A JavaScript single-quoted string literal. */
export function jsString(value: string): string {
  return `'${escapeCommon(value).replace(/'/g, "\\'")}'`;
}

/** A Java (or plain Python) double-quoted string literal. */
export function doubleQuoted(value: string): string {
  return `"${escapeCommon(value).replace(/"/g, '\\"')}"`;
}

/**
 * A Python literal for a path: a raw string where one can hold it (it reads like the path
 * the user sees), else an escaped string. A raw string cannot contain `"` nor end in an
 * odd run of backslashes.
 */
export function pythonPath(value: string): string {
  const trailing = /\\*$/.exec(value)![0].length;
  const rawOk = !/["\r\n]/.test(value) && trailing % 2 === 0;
  return rawOk ? `r"${value}"` : doubleQuoted(value);
}

function escapeCommon(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Chromium's built-in DevTools frontend on one page target: what to paste into a Chromium
 * address bar when BrowserDeck cannot open the window itself. None when the vendor's
 * address or the target id do not make a loopback DevTools socket (devtools-link.ts).
 */
export function bundledDevtoolsUrl(address: string, targetId: string): string | undefined {
  return devtoolsFallbackUrl(`ws://${hostPort(address)}/devtools/page/${targetId}`);
}

/** The same frontend on the target of the vendor's ws URL, when no page id is known. */
export function bundledDevtoolsUrlFromWs(wsUrl: string): string | undefined {
  return devtoolsFallbackUrl(wsUrl);
}

/** Every snippet these endpoints allow; none for Firefox (no CDP, no chromedriver). */
export function buildSnippets(session: Endpoints): Snippet[] {
  if (session.engine === 'firefox') return [];
  const out: Snippet[] = [];
  const address = session.debugAddress ? hostPort(session.debugAddress) : undefined;
  const driver = session.webdriverPath;
  // A comment in the user's language: the code is theirs to paste and read.
  const NO_WEBDRIVER = i18next.t('sessions.snippetsDialog.noWebdriver');

  if (address) {
    out.push({
      id: 'playwright',
      label: 'Playwright',
      code: [
        "import { chromium } from 'playwright';",
        '',
        `const browser = await chromium.connectOverCDP(${jsString(`http://${address}`)});`,
        'const page = browser.contexts()[0]?.pages()[0];',
      ].join('\n'),
    });
  }
  if (session.wsUrl) {
    out.push({
      id: 'puppeteer',
      label: 'Puppeteer',
      code: [
        "import puppeteer from 'puppeteer-core';",
        '',
        `const browser = await puppeteer.connect({ browserWSEndpoint: ${jsString(session.wsUrl)} });`,
        'const [page] = await browser.pages();',
      ].join('\n'),
    });
  }
  if (address) {
    out.push({
      id: 'selenium-python',
      label: 'Selenium (Python)',
      code: [
        'from selenium import webdriver',
        'from selenium.webdriver.chrome.options import Options',
        'from selenium.webdriver.chrome.service import Service',
        '',
        'options = Options()',
        `options.add_experimental_option("debuggerAddress", ${doubleQuoted(address)})`,
        ...(driver
          ? [`service = Service(executable_path=${pythonPath(driver)})`]
          : [`# ${NO_WEBDRIVER}`, 'service = Service()']),
        'driver = webdriver.Chrome(service=service, options=options)',
      ].join('\n'),
    });
    out.push({
      id: 'selenium-js',
      label: 'Selenium (JavaScript)',
      code: [
        "const { Builder } = require('selenium-webdriver');",
        "const chrome = require('selenium-webdriver/chrome');",
        '',
        `const options = new chrome.Options().debuggerAddress(${jsString(address)});`,
        ...(driver ? [] : [`// ${NO_WEBDRIVER}`]),
        'const driver = await new Builder()',
        "  .forBrowser('chrome')",
        '  .setChromeOptions(options)',
        ...(driver ? [`  .setChromeService(new chrome.ServiceBuilder(${jsString(driver)}))`] : []),
        '  .build();',
      ].join('\n'),
    });
    out.push({
      id: 'selenium-java',
      label: 'Selenium (Java)',
      code: [
        'ChromeOptions options = new ChromeOptions();',
        `options.setExperimentalOption("debuggerAddress", ${doubleQuoted(address)});`,
        ...(driver
          ? [
              'ChromeDriverService service = new ChromeDriverService.Builder()',
              `    .usingDriverExecutable(new File(${doubleQuoted(driver)}))`,
              '    .build();',
              'WebDriver driver = new ChromeDriver(service, options);',
            ]
          : [`// ${NO_WEBDRIVER}`, 'WebDriver driver = new ChromeDriver(options);']),
      ].join('\n'),
    });
  }
  return out;
}
