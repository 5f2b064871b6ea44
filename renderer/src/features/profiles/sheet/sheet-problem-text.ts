/**
 * An imported CSV's problem in the chosen language: the reader (shared/export/sheet-import.ts)
 * says it as a key and its values (issue #24); a proxy cell's problem is the proxy list's.
 */
import i18next from 'i18next';
import type { SheetProblem } from '../../../../../shared/export/sheet-import';
import { listProblemText } from '../../../lib/proxy-list-text';

export function sheetProblemText(problem: Pick<SheetProblem, 'key' | 'params' | 'proxy'>): string {
  const cell = problem.proxy;
  if (cell?.key === 'list') return listProblemText(cell.list);
  if (cell) return i18next.t(`bulk.sheetProblems.proxyCell.${cell.key}`);
  return i18next.t(`bulk.sheetProblems.${problem.key}`, problem.params ?? {});
}
