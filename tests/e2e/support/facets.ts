import type { Page } from '@playwright/test';

/** The button of a filter menu ("Groups", "Statuses"), whatever it says is chosen. */
export const facetButton = (page: Page, label: string) =>
  page.getByRole('search').getByRole('button', { name: new RegExp(`^${label}(:|$)`) });

/** Ticks `values` in the filter menu `label` and closes it, as a user would. */
export async function chooseFacet(page: Page, label: string, ...values: string[]) {
  await facetButton(page, label).click();
  const menu = page.getByRole('group', { name: label });
  for (const value of values)
    await menu.getByRole('checkbox', { name: value, exact: true }).check();
  await page.keyboard.press('Escape');
}
