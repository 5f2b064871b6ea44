/**
 * `csv.preview10k.ms`: a CSV of 10,000 profiles, 1,000 rows edited, chosen in "Import
 * CSV…", to its preview painted: reading the file, parsing, matching every row to its
 * profile and comparing each field, and the render. The file is the app's own export of
 * 10,000 fake profiles, edited as a spreadsheet would save it.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { repeat, skipped, verdict, type Scenario } from '../bench';
import { whyNoAppPage, withAppPage } from '../app-page';
import { installFakeDeck } from '../../e2e/support/fake-deck';

const PROFILES = 10_000;
const EDITED = 1_000;

/** Runs in the page: from a file chosen to the preview's summary painted, per choice. */
function instrumentImport() {
  const w = window as unknown as { __previewMs: number[] };
  w.__previewMs = [];
  document.addEventListener(
    'change',
    (e) => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      const t0 = performance.now();
      const frame = () =>
        requestAnimationFrame(() =>
          document.querySelector('[data-testid=sheet-summary]')
            ? requestAnimationFrame(() => w.__previewMs.push(performance.now() - t0))
            : frame(),
        );
      frame();
    },
    true,
  );
}

async function exportedFile(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  if (rows.length !== PROFILES + 1) throw new Error(`the export has ${rows.length - 1} rows`);
  for (let i = 1; i <= EDITED; i++) rows[i * 10 - 9]![2] = `改名 ${i}`;
  const file = join(tmpdir(), `browserdeck-bench-${process.pid}.csv`);
  await writeFile(file, `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
  return file;
}

export const csvScenario: Scenario = {
  name: 'csv',
  needsRenderer: true,
  async run() {
    const missing = whyNoAppPage();
    if (missing) return [skipped('csv.preview10k.ms', missing)];
    const samples = await withAppPage(async ({ page, appUrl }) => {
      await page.addInitScript(installFakeDeck, { count: PROFILES });
      await page.addInitScript(instrumentImport);
      await page.goto(appUrl);
      await page.getByTestId('shown-total').filter({ hasText: '10,000 / 10,000' }).waitFor();
      const file = await exportedFile(page);
      try {
        return await repeat(5, 1, async (i) => {
          await page.getByRole('button', { name: 'Import CSV…' }).click();
          const dialog = page.getByRole('dialog', { name: 'Import CSV' });
          await dialog.getByLabel('CSV file').setInputFiles(file);
          await dialog
            .getByTestId('sheet-summary')
            .filter({ hasText: `${EDITED.toLocaleString('en')} profiles change` })
            .waitFor();
          const ms = await page.waitForFunction(
            (n) => (window as unknown as { __previewMs: number[] }).__previewMs[n],
            i + 1,
          );
          await dialog.getByRole('button', { name: 'Cancel' }).click();
          return (await ms.jsonValue()) as number;
        });
      } finally {
        await rm(file, { force: true });
      }
    });
    return [verdict('csv.preview10k.ms', samples)];
  },
};
