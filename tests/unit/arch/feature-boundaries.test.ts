/** The lint rule that keeps renderer features apart (eslint.config.mjs). */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The restricted-import messages lint gives `source` placed at `path`. */
async function restrictions(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const x = 1;\n`, {
    filePath: join(root, path),
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('renderer feature boundaries', () => {
  it("refuses another feature's internals, from any depth", async () => {
    const [fromCreate] = await restrictions(
      'renderer/src/features/create/Planted.tsx',
      "import { inputClass } from '../profiles/bulk/fields';",
    );
    expect(fromCreate).toContain('through its index.ts');
    expect(
      await restrictions(
        'renderer/src/features/profiles/bulk/Planted.tsx',
        "import { ProxyEditor } from '../../proxy/ProxyEditor';",
      ),
    ).toHaveLength(1);
  });

  it("allows a feature's index, its own files, and components/ and lib/", async () => {
    expect(
      await restrictions(
        'renderer/src/features/profiles/bulk/Planted.tsx',
        [
          "import { ProxyEditor } from '../../proxy';",
          "import { useStartJob } from '../../jobs/index';",
          "import { formatTime } from '../format';",
          "import { countLabel } from './use-bulk-job';",
          "import { Button } from '../../../components/Button';",
          "import { deck } from '../../../lib/deck';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('still keeps electron and node out of a feature', async () => {
    const [message] = await restrictions(
      'renderer/src/features/proxy/Planted.ts',
      "import { readFile } from 'node:fs';",
    );
    expect(message).toContain('window.deck');
  });
});
