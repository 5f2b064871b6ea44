import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportCycles } from '../../arch/import-cycles';

const root = join(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A throwaway source tree: path → file text. */
function plant(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('import cycles', () => {
  it("finds the bulk dialogs' shape: a type-only import back into the module that imports them", () => {
    const dir = plant({
      'bulk/BulkBar.tsx': "import { Dialog } from './Dialog';\nexport interface Props {}\n",
      'bulk/Dialog.tsx': "import type { Props } from './BulkBar';\nexport const Dialog = 1;\n",
      'ok/leaf.ts': "import { Dialog } from '../bulk/Dialog';\nimport 'react';\n",
    });
    const cycles = findImportCycles([dir]);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.files).toEqual([join(dir, 'bulk/BulkBar.tsx'), join(dir, 'bulk/Dialog.tsx')]);
    expect(cycles[0]!.loop).toEqual([
      join(dir, 'bulk/BulkBar.tsx'),
      join(dir, 'bulk/Dialog.tsx'),
      join(dir, 'bulk/BulkBar.tsx'),
    ]);
  });

  it('follows re-exports, index files and dynamic imports, and sees a self-import', () => {
    const dir = plant({
      'a/index.ts': "export * from './a';\n",
      'a/a.ts': "export const a = () => import('../b');\n",
      'b.ts': "export { a } from './a';\n",
      'self.ts': "import { x } from './self';\nexport const x = 1;\n",
      'acyclic.ts': "import { a } from './a';\n",
    });
    const found = findImportCycles([dir]).map((c) => c.files.map((f) => f.slice(dir.length + 1)));
    expect(found).toEqual(
      expect.arrayContaining([['a/a.ts', 'a/index.ts', 'b.ts'].sort(), ['self.ts']]),
    );
    expect(found).toHaveLength(2);
  });

  it('the command exits 1 on a planted cycle and names its files', () => {
    const dir = plant({
      'one.ts': "import { two } from './two';\nexport const one = two;\n",
      'two.ts': "import type { one } from './one';\nexport const two: typeof one = 2;\n",
    });
    const run = spawnSync('npx', ['tsx', 'tests/arch/import-cycles.ts', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('one.ts');
    expect(run.stdout).toContain('-> ');
    expect(run.stdout).toContain('two.ts');
  });
});
