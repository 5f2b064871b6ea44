import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, rendererBuildState } from '../../../tests/bench/renderer-build';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
/** Stands in for `npm run build`: writes an index.html naming a hash of the sources. */
let builds = 0;
const fakeBuild = (version: string) => () => {
  builds++;
  write('out/renderer/index.html', `<script src="./assets/index-${version}.js"></script>`);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'deck-renderer-build-'));
  builds = 0;
  write('renderer/src/main.tsx', 'render(<App />)');
  write('shared/model/profile.ts', 'export type Profile = {}');
  write('package-lock.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ensureRendererBuilt', () => {
  it('builds a fresh clone, which has no out/renderer', () => {
    expect(ensureRendererBuilt(root, fakeBuild('a'))).toBe('missing');
    expect(builds).toBe(1);
    expect(rendererBuildState(root)).toBe('fresh');
  });

  it('does not build again while the sources and the build are the ones it stamped', () => {
    ensureRendererBuilt(root, fakeBuild('a'));
    expect(ensureRendererBuilt(root, fakeBuild('a'))).toBe('fresh');
    expect(builds).toBe(1);
  });

  it('builds again when a renderer or shared source changed since', () => {
    ensureRendererBuilt(root, fakeBuild('a'));
    write('shared/model/profile.ts', 'export type Profile = { name: string }');
    expect(ensureRendererBuilt(root, fakeBuild('b'))).toBe('stale');
    write('renderer/src/new-view.tsx', 'export {}');
    expect(ensureRendererBuilt(root, fakeBuild('c'))).toBe('stale');
    expect(builds).toBe(3);
  });

  it('builds again when someone else built out/renderer from other sources', () => {
    ensureRendererBuilt(root, fakeBuild('a'));
    // npm run build on another branch, then back: the sources match, the build does not.
    fakeBuild('other')();
    expect(ensureRendererBuilt(root, fakeBuild('a'))).toBe('stale');
    expect(builds).toBe(3);
  });

  it('says so when the build wrote nothing', () => {
    expect(() => ensureRendererBuilt(root, () => {})).toThrow(/no out\/renderer\/index.html/);
  });
});
