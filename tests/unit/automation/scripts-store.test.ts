/** Custom scripts saved in the data dir, through the scripts:* channels. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, mergeHandlers, type Dispatch } from '../../../electron/main/ipc/handle';
import { createLogger } from '../../../electron/main/log';
import {
  createScriptsStore,
  scriptsHandlers,
} from '../../../electron/main/services/automation/scripts-store';
import { handlersFor } from '../../fixtures/handlers';

let dataDir: string;
let dispatch: Dispatch;
const warnings: string[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deck-scripts-'));
  let now = 1_700_000_000_000;
  const store = createScriptsStore({
    dataDir,
    log: createLogger((l) => warnings.push(l)),
    clock: () => (now += 1000),
  });
  dispatch = createDispatch(handlersFor(mergeHandlers(scriptsHandlers(store))), {
    log: createLogger(() => {}),
    validateResponses: true,
  });
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('saved scripts', () => {
  it('saves, lists by name, reads back, updates and deletes', async () => {
    const made = await dispatch('scripts:save', {
      name: ' Titles ',
      source: 'export default async ({ page }) => page.title();',
    });
    expect(made).toMatchObject({ ok: true, data: { name: 'Titles', size: 48 } });
    const { id } = (made as { data: { id: string } }).data;
    await dispatch('scripts:save', { name: 'Another', source: '' });
    expect(await readdir(join(dataDir, 'scripts'))).toHaveLength(2);

    const listed = await dispatch('scripts:list', {});
    expect((listed as { data: Array<{ name: string }> }).data.map((s) => s.name)).toEqual([
      'Another',
      'Titles',
    ]);
    await dispatch('scripts:save', { id, name: 'Titles', source: 'export default () => 2;' });
    expect(await dispatch('scripts:get', { id })).toMatchObject({
      ok: true,
      data: { id, source: 'export default () => 2;', updatedAt: 1_700_000_003_000 },
    });
    expect(await dispatch('scripts:delete', { id })).toMatchObject({ ok: true });
    expect(await dispatch('scripts:get', { id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses a script without a name, or too long, naming the field', async () => {
    expect(await dispatch('scripts:save', { name: '  ', source: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'name' } },
    });
    expect(
      await dispatch('scripts:save', { name: 'Big', source: 'x'.repeat(200_001) }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'source' } } });
  });

  it('lists the others when one file is damaged, and leaves that file alone', async () => {
    await dispatch('scripts:save', { name: 'Good', source: 'export default () => 1;' });
    const damaged = join(dataDir, 'scripts', '0123456789abcdef.json');
    await writeFile(damaged, '{"v":1,"id":');
    const listed = await dispatch('scripts:list', {});
    expect((listed as { data: Array<{ name: string }> }).data.map((s) => s.name)).toEqual(['Good']);
    expect(await readdir(join(dataDir, 'scripts'))).toContain('0123456789abcdef.json');
    expect(warnings.join('\n')).toContain('0123456789abcdef.json is unreadable');
  });

  it('answers not-found for an id that names no script, whatever it looks like', async () => {
    for (const id of ['no-such-id', '../../connections', 'ffffffffffffffff'])
      expect(await dispatch('scripts:get', { id })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
  });
});
