import type { Page } from '@playwright/test';
import { repeat, skipped, verdict, type Scenario } from '../bench';
import { installFakeDeck } from '../../e2e/support/fake-deck';
import { whyNoAppPage, withAppPage } from '../app-page';

const PROFILES = 50_000;
const METRIC = 'contextmenu.open50k.ms';

interface MenuProbe {
  openMs: number[];
}

/**
 * Runs in the page: from the right button going down (the event's own time, so the work the
 * press itself sets off counts) to the frame after the one whose rAF saw the menu open with
 * its items. Self-contained: it is serialized into the page.
 */
function instrumentMenu() {
  const w = window as unknown as { __menu: MenuProbe };
  const probe: MenuProbe = { openMs: [] };
  w.__menu = probe;
  const open = () => {
    const menu = document.querySelector('[data-testid=context-menu]');
    return !!menu?.matches(':popover-open') && menu.querySelector('[role=menuitem]') !== null;
  };
  document.addEventListener(
    'mousedown',
    (e) => {
      if (e.button !== 2) return;
      const t0 = e.timeStamp;
      const frame = () =>
        requestAnimationFrame(() =>
          open() ? requestAnimationFrame(() => probe.openMs.push(performance.now() - t0)) : frame(),
        );
      frame();
    },
    true,
  );
}

const row = (page: Page, key: string) => page.locator(`[role=row][data-key="${key}"]`);

/** Right-clicks `key`, waits for the menu's time, closes it with Esc. */
async function openMenuOn(page: Page, key: string): Promise<number> {
  const before = await page.evaluate(
    () => (window as unknown as { __menu: MenuProbe }).__menu.openMs.length,
  );
  await row(page, key).click({ button: 'right' });
  await page.waitForFunction(
    (n) => (window as unknown as { __menu: MenuProbe }).__menu.openMs.length > n,
    before,
  );
  await page.keyboard.press('Escape');
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=context-menu]')?.matches(':popover-open'),
  );
  return page.evaluate(() => (window as unknown as { __menu: MenuProbe }).__menu.openMs.at(-1)!);
}

/**
 * `contextmenu.open50k.ms`: 50,000 fake profiles; per run, the slowest of right clicks on
 * rows outside the selection (the click selects that row alone) and on rows inside a
 * selection of all 50,000 (every action's enabled-when runs over them).
 */
export const contextMenuScenario: Scenario = {
  name: 'context-menu',
  needsRenderer: true,
  async run() {
    const missing = whyNoAppPage();
    if (missing) return [skipped(METRIC, missing)];
    const runs = await withAppPage(async ({ page, appUrl }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.addInitScript(installFakeDeck, { count: PROFILES });
      await page.addInitScript(instrumentMenu);
      await page.goto(appUrl);
      await row(page, 'ix/1').waitFor();
      return repeat(5, 1, async () => {
        const times: number[] = [];
        await page.evaluate(() => (document.querySelector('[role=grid]')!.scrollTop = 0));
        await row(page, 'ix/1').click();
        for (const key of ['ix/5', 'ix/9', 'ix/13']) times.push(await openMenuOn(page, key));
        await page.keyboard.press('ControlOrMeta+a');
        await page.getByTestId('selected-count').filter({ hasText: '50,000' }).waitFor();
        for (const key of ['cos/4', 'cos/10']) times.push(await openMenuOn(page, key));
        await page.keyboard.press('Escape');
        return Math.max(...times);
      });
    });
    return [verdict(METRIC, runs)];
  },
};
