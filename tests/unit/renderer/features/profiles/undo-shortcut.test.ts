import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../../../shared/model/job';
import {
  isUndoKey,
  lastUndoable,
} from '../../../../../renderer/src/features/profiles/undo-shortcut';

const job = (id: string, over: Partial<JobSummary> = {}): JobSummary => ({
  id,
  kind: 'set-remark',
  label: 'Set remark',
  state: 'done',
  createdAt: 0,
  total: 1,
  ok: 1,
  failed: 0,
  cancelled: 0,
  interrupted: 0,
  skipped: 0,
  undoable: true,
  ...over,
});
const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>,
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('Ctrl/Cmd+Z on Profiles', () => {
  it('undoes the newest finished edit not undone yet, never an undo job (no redo)', () => {
    expect(
      lastUndoable([
        job('running', { state: 'running', undoable: false }),
        job('undo-of-b', { kind: 'undo', undoOf: 'b' }),
        job('b', { undoneBy: 'undo-of-b' }),
        job('open', { kind: 'open', undoable: undefined }),
        job('a'),
        job('older'),
      ])?.id,
    ).toBe('a');
    expect(lastUndoable([job('b', { undoneBy: 'x' }), job('open', { undoable: false })])).toBe(
      undefined,
    );
  });

  it('answers Ctrl+Z and Cmd+Z, not with Shift (redo) or Alt, nor a plain z', () => {
    expect(isUndoKey(key('z', { ctrlKey: true }))).toBe(true);
    expect(isUndoKey(key('Z', { metaKey: true }))).toBe(true);
    expect(isUndoKey(key('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoKey(key('z', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isUndoKey(key('z', {}))).toBe(false);
  });
});
