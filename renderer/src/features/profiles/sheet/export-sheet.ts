/**
 * Profiles out to a spreadsheet: the CSV of shared/export/profile-sheet.ts, downloaded with
 * a BOM so Excel reads Chinese names right. Profiles in the renderer carry no password,
 * so none can be in the file.
 */
import { profilesToCsv } from '../../../../../shared/export/profile-sheet';
import type { Connection, Profile } from '../../../../../shared/model';
import { downloadCsv } from '../../../lib/download';

export const sheetFileName = (now = new Date()): string =>
  `browserdeck-profiles-${now.toISOString().slice(0, 19).replaceAll(':', '-')}.csv`;

export function exportProfiles(
  profiles: readonly Profile[],
  connections: Iterable<Connection>,
): void {
  downloadCsv(profilesToCsv(profiles, [...connections]), sheetFileName());
}
