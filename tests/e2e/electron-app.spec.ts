/**
 * The real Electron app, driven by Playwright's _electron. Runs where the Electron binary
 * is installed; reports itself skipped, with the reason, where it is not (this machine
 * cannot download it).
 */
import { _electron as electron, test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const root = join(__dirname, '../..');
function electronBinary(): string | undefined {
  try {
    const pathTxt = join(root, 'node_modules/electron/path.txt');
    if (!existsSync(pathTxt)) return undefined;
    const bin = join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}
const binary = electronBinary();
const reason =
  'Electron binary not installed: electron@45 downloads it on first run, and this machine cannot reach its download host';

test.describe('Electron app', () => {
  test.skip(!binary, reason);

  test('launches and shows app:info', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'deck-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [join(root, 'out/main/index.js'), `--user-data-dir=${userData}`],
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('app-info')).toBeVisible();
    } finally {
      await app.close();
    }
  });
});
