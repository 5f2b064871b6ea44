/**
 * Spreadsheet export and import, loaded when first used: the CSV code (papaparse) is not
 * in the start bundle (components/lazy.tsx).
 */
import type { Connection, Profile } from '../../../../../shared/model';
import { lazyComponent } from '../../../components/lazy';

export const ImportSheetDialog = lazyComponent(() =>
  import('./ImportSheetDialog').then((m) => m.ImportSheetDialog),
);
export const ExportSheetDialog = lazyComponent(() =>
  import('./ExportSheetDialog').then((m) => m.ExportSheetDialog),
);

/** exportProfiles of export-sheet.ts, once its code is loaded (a few ms after the click). */
export function exportProfiles(
  profiles: readonly Profile[],
  connections: Iterable<Connection>,
): void {
  const chosen = [...connections];
  void import('./export-sheet').then((m) => m.exportProfiles(profiles, chosen));
}
