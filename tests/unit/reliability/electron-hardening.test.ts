/**
 * Electron hardening that window-wiring.test.ts leaves open: the CSP the renderer ships
 * with (source and built page), and the DevTools window's session and contents refusing
 * everything outside the debugged browser's origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it, vi } from 'vitest';
import { electronMock, FakeSession, FakeWebContents } from '../mocks/electron';
import { guardWebContents, restrictSessionToOrigin } from '../../../electron/main/window';

vi.mock('electron', () => ({ ...electronMock, default: electronMock }));

const root = resolve(__dirname, '../../..');

/** The CSP meta tag's directives, by name. */
function csp(file: string): Map<string, string[]> {
  const html = readFileSync(file, 'utf8');
  const meta = /<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]+)"/i.exec(html);
  expect(meta, `${file} has a CSP meta tag`).not.toBeNull();
  return new Map(
    meta![1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const pages = ['renderer/index.html', 'out/renderer/index.html']
  .map((p) => resolve(root, p))
  .filter((p, i) => i === 0 || existsSync(p));

it.each(pages)(
  '%s has a strict CSP: scripts only from the app, no plugins, frames or foreign connects',
  (page) => {
    const policy = csp(page);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    // Nothing anywhere may allow eval or inline scripts (styles keep 'unsafe-inline', see SECURITY.md).
    for (const [name, values] of policy)
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    // The built page has no inline script either.
    expect(readFileSync(page, 'utf8')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  },
);

it("a DevTools window's session reaches only the debugged browser's host:port and grants nothing", () => {
  const session = new FakeSession();
  restrictSessionToOrigin(session as never, '127.0.0.1:9222');
  const cancelled = (url: string) => {
    let answer: { cancel: boolean } | undefined;
    session.beforeRequest!({ url }, (a: { cancel: boolean }) => (answer = a));
    return answer!.cancel;
  };
  expect(cancelled('http://127.0.0.1:9222/devtools/inspector.html')).toBe(false);
  expect(cancelled('ws://127.0.0.1:9222/devtools/page/ABC')).toBe(false);
  for (const url of [
    'http://127.0.0.1:9223/json/list',
    'https://evil.example/collect',
    'http://localhost:9222/',
    'file:///etc/passwd',
    'http://127.0.0.1:53200/api/v2/profile-list',
  ])
    expect(cancelled(url), url).toBe(true);
  // Its DevTools socket goes without Origin (Chromium 111+ answers 403 to one not allowed).
  expect(session.beforeSendHeaders!.filter.urls).toEqual(['ws://127.0.0.1:9222/devtools/*']);
  let sent: { requestHeaders: Record<string, string> } | undefined;
  session.beforeSendHeaders!.fn(
    {
      url: 'ws://127.0.0.1:9222/devtools/page/ABC',
      requestHeaders: { Origin: 'http://127.0.0.1:9222', 'Sec-WebSocket-Version': '13' },
    },
    (a: typeof sent) => (sent = a),
  );
  expect(sent!.requestHeaders).toEqual({ 'Sec-WebSocket-Version': '13' });
  const granted = vi.fn();
  session.permissionRequest!({}, 'clipboard-read', granted);
  expect(granted).toHaveBeenCalledWith(false);
});

it('a DevTools window can neither navigate away nor open windows or webviews', () => {
  const wc = new FakeWebContents();
  guardWebContents(wc as never, (u) => new URL(u).host === '127.0.0.1:9222');
  expect(wc.windowOpenHandler?.({ url: 'http://127.0.0.1:9222/devtools/inspector.html' })).toEqual({
    action: 'deny',
  });
  expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
  expect(wc.fire('will-redirect', 'http://127.0.0.1:53200/')).toBe(true);
  expect(wc.fire('will-navigate', 'http://127.0.0.1:9222/devtools/inspector.html')).toBe(false);
  expect(wc.fire('will-attach-webview')).toBe(true);
});
