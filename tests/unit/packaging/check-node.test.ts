import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs build script without types
import { REQUIRED, message, satisfies } from '../../../build/check-node.mjs';

describe('npm start on an old Node.js', () => {
  it('compares versions as numbers, not text', () => {
    expect(satisfies('v22.12.0')).toBe(true);
    expect(satisfies('v22.13.1')).toBe(true);
    expect(satisfies('v24.0.0')).toBe(true);
    expect(satisfies('v22.9.0')).toBe(false);
    expect(satisfies('v20.20.2')).toBe(false);
    expect(satisfies('v22.12.0', '22.12.1')).toBe(false);
  });

  it('names the version it needs and the one it found', () => {
    expect(message('v20.20.2')).toMatch(
      /needs Node\.js 22\.12\.0 or newer.*this is Node\.js 20\.20\.2/,
    );
  });

  it('package.json says the same: engines, and start, dev and dist check first', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    expect(pkg.engines.node).toBe(`>=${REQUIRED}`);
    for (const script of ['prestart', 'predev', 'predist'])
      expect(pkg.scripts[script]).toBe('node build/check-node.mjs');
    expect(pkg.scripts.pretest).toBeUndefined();
  });
});
