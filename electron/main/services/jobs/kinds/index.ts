/**
 * Every kind of job, by name: the only place that lists them. A new kind is a module in
 * this folder plus one line here; the compiler refuses a started kind (a schema in
 * shared/model/job-actions.ts) without its line, or a line whose spec is of another kind.
 */
import type { JobAction, JobKind } from '../../../../../shared/model/job-actions';
import { assignProxiesKind } from './assign-proxies';
import { changeTagsKind } from './change-tags';
import { automateKind } from './automate';
import { checkProxyKind } from './check-proxy';
import { closeKind } from './close';
import { copyKind } from './copy';
import { copyToConnectionKind } from './copy-to-connection';
import { createKind } from './create';
import { deleteKind } from './delete';
import { importSheetKind } from './import-sheet';
import { moveGroupKind } from './move-group';
import { openKind } from './open';
import { renameKind } from './rename';
import { setNameKind } from './set-name';
import { setProxyKind } from './set-proxy';
import { setRemarkKind } from './set-remark';
import { setTagsKind } from './set-tags';
import { findKind, type JobKindSpec, type JobKinds } from './spec';
import { createUndoKind, type UndoAction } from './undo';

/** Whatever a job runs: an action a user starts, or an undo. */
export type EngineAction = JobAction | UndoAction;
export type EngineKind = JobKind | UndoAction['kind'];

const KINDS: { [K in EngineKind]: JobKindSpec<Extract<EngineAction, { kind: K }>> } = {
  open: openKind,
  close: closeKind,
  'move-group': moveGroupKind,
  'set-remark': setRemarkKind,
  rename: renameKind,
  'set-name': setNameKind,
  'set-tags': setTagsKind,
  'change-tags': changeTagsKind,
  'set-proxy': setProxyKind,
  'assign-proxies': assignProxiesKind,
  copy: copyKind,
  delete: deleteKind,
  'check-proxy': checkProxyKind,
  create: createKind,
  'import-sheet': importSheetKind,
  'copy-to-connection': copyToConnectionKind,
  automate: automateKind,
  undo: createUndoKind((kind) => findKind(JOB_KINDS, kind)),
};

export const JOB_KINDS: JobKinds = KINDS;
