import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const require = createRequire(__filename);

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const logger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    // The validator really rejects a wrong option (so the check above means something).
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, logger),
    ).rejects.toThrow(/configuration.nsis/);
  });

  it('builds NSIS, dmg, AppImage and deb from the built app with an app id and icon', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.win.target.map((t: { target: string }) => t.target)).toContain('nsis');
    expect(config.mac.target.map((t: { target: string }) => t.target)).toContain('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.files).toContain('out/**/*');
    for (const icon of [config.icon, config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(existsSync(join(root, icon))).toBe(true);
      // electron-builder derives .ico/.icns from a PNG of at least 512x512.
      const png = readFileSync(join(root, icon));
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    }
  });

  it('flips the Electron fuses that let anyone who can start the app run their own code', async () => {
    // electron-builder's own translation of the config, as it hands it to @electron/fuses.
    require('app-builder-lib');
    const { PlatformPackager } = require('app-builder-lib/out/platformPackager');
    const fuses: Record<number, boolean> = await PlatformPackager.prototype.generateFuseConfig.call(
      {},
      config.electronFuses,
    );
    const { FuseV1Options } = createRequire(require.resolve('app-builder-lib/package.json'))(
      '@electron/fuses',
    );
    expect(fuses).toMatchObject({
      // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js.
      [FuseV1Options.RunAsNode]: false,
      // NODE_OPTIONS (--require) and --inspect would load or attach code in the main process.
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      // Only app.asar, checked against the hash in the signed binary (macOS, Windows).
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    // Integrity validation is of the asar archive, so the app must be packed in one.
    expect(config.asar).toBe(true);
  });

  it('is wired to `npm run dist`, and main points at the built entry', () => {
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder/);
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.devDependencies.electron).toMatch(/^45\./);
  });
});
