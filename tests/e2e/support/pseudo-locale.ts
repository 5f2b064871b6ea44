/**
 * The pseudo-locale check every screen's i18n spec shares: start the demo in en-XA (every
 * catalog string wrapped in ⟦ ⟧ and lengthened) and list the visible text under some roots
 * that came from no catalog. Data (vendor labels, URLs, profile names) is cut out first.
 */
import type { Page } from '@playwright/test';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoString } from '../../../renderer/src/i18n/pseudo';
import { VENDOR_LABEL } from '../../../shared/model';
import type { Harness } from './harness';

export { pseudoString as pseudo };

export interface PseudoDemo {
  /** Words that are data, not UI: product name, versions, vendor and connection labels… */
  data: string[];
  connections: Array<{ id: string; label: string; baseUrl: string }>;
}

/** Starts the demo sandbox with `profiles` profiles and opens the app in the pseudo-locale. */
export async function openInPseudoLocale(harness: Harness, profiles = 8): Promise<PseudoDemo> {
  const { page, appUrl, core } = harness;
  await page.addInitScript(() => localStorage.setItem('deck.language', 'en-XA'));
  const demo = (await core.dispatch('demo:start', { profiles })) as
    | {
        ok: true;
        data: {
          connections: Array<{ id: string; label: string; baseUrl: string }>;
          browserPath?: string;
        };
      }
    | { ok: false; error: unknown };
  if (!demo.ok) throw new Error(`demo:start failed: ${JSON.stringify(demo.error)}`);
  await page.goto(appUrl);
  const started = demo.data;
  return {
    connections: started.connections,
    data: [
      'BrowserDeck',
      '0.1.0-harness',
      process.platform,
      'English',
      '简体中文',
      ...Object.values(VENDOR_LABEL),
      ...started.connections.flatMap((c) => [c.label, c.baseUrl]),
      ...(started.browserPath ? [started.browserPath] : []),
    ],
  };
}

/**
 * Visible text (and what a screen reader reads: aria-label, title, placeholder) under the
 * roots that is neither inside ⟦ ⟧ nor data. Returns one line per offending text.
 */
export async function textNotFromCatalog(
  page: Page,
  roots: string[],
  data: string[],
): Promise<string[]> {
  return page.evaluate(
    ({ roots, data, open, close }) => {
      const out: string[] = [];
      const check = (raw: string, where: string) => {
        let rest = raw;
        // Catalog strings, with any data interpolated into them; innermost first, since a
        // catalog string can be interpolated into another ("Move ⟦Name⟧ left").
        const innermost = new RegExp(`${open}[^${open}${close}]*${close}`, 'g');
        for (let before = ''; before !== rest;) {
          before = rest;
          rest = rest.replace(innermost, ' ');
        }
        // Longest first: "Demo ixBrowser" before "ixBrowser".
        for (const d of [...data].sort((a, b) => b.length - a.length))
          rest = rest.split(d).join(' ');
        if (/\p{L}/u.test(rest)) out.push(`${where}: "${raw.trim()}"`);
      };
      let matched = 0;
      for (const selector of roots)
        for (const root of document.querySelectorAll(selector)) {
          matched++;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || !el.getClientRects().length || !n.textContent?.trim()) continue;
            if (el.closest('option') || getComputedStyle(el).visibility === 'hidden') continue;
            check(n.textContent, el.tagName.toLowerCase());
          }
          for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]'))
            for (const a of ['aria-label', 'title', 'placeholder'])
              if (el.getAttribute(a))
                check(el.getAttribute(a)!, `${el.tagName.toLowerCase()}[${a}]`);
        }
      // A root that matched nothing would make the check pass vacuously.
      if (!matched) out.push(`no element matched ${roots.join(', ')}`);
      return out;
    },
    { roots, data, open: PSEUDO_OPEN, close: PSEUDO_CLOSE },
  );
}
