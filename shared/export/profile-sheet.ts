/**
 * Profiles as a spreadsheet: the columns both ways, and the export. One row per profile:
 * connection, id, name, group, tags, remark, proxy (never a password: profiles here carry
 * only whether one is set). Text cells a spreadsheet would run as a formula get a leading
 * `'` (spreadsheet-cell.ts); the import takes it off again.
 */
import Papa from 'papaparse';
import type { Profile } from '../model';
import { proxyCell } from './proxy-cell';
import { neutralizeFormula } from './spreadsheet-cell';

export const SHEET_COLUMNS = [
  'connection',
  'id',
  'name',
  'group',
  'tags',
  'remark',
  'proxy',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

/** The columns an import can change; connection and id only say which profile a row is. */
export const EDITABLE_COLUMNS = ['name', 'group', 'tags', 'remark', 'proxy'] as const;
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

export interface SheetConnection {
  id: string;
  label: string;
}

/**
 * What names each connection in the connection column: its label, which people read, or
 * its id where two connections share a label (a row must say which profile it is).
 */
export function connectionCells(connections: readonly SheetConnection[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const c of connections) uses.set(c.label, (uses.get(c.label) ?? 0) + 1);
  return new Map(
    connections.map((c) => [c.id, c.label && uses.get(c.label) === 1 ? c.label : c.id]),
  );
}

/** Tag names in one cell; the import splits on commas (also `，` and `;`). */
export const tagsCell = (p: Pick<Profile, 'tags'>): string => p.tags.map((t) => t.name).join(', ');

/** The text of each column for one profile, before formula neutralizing. */
export function sheetRow(p: Profile, connectionCell: string): Record<SheetColumn, string> {
  return {
    connection: connectionCell,
    id: p.vendorId,
    name: p.name,
    group: p.groupName,
    tags: tagsCell(p),
    remark: p.remark,
    proxy: proxyCell(p.proxy),
  };
}

/** CSV text (no BOM: the download adds it) of these profiles, in the order given. */
export function profilesToCsv(
  profiles: readonly Profile[],
  connections: readonly SheetConnection[],
): string {
  const cells = connectionCells(connections);
  const data = profiles.map((p) => {
    const row = sheetRow(p, cells.get(p.connectionId) ?? p.connectionId);
    return SHEET_COLUMNS.map((c) => neutralizeFormula(row[c]));
  });
  return Papa.unparse({ fields: [...SHEET_COLUMNS], data }, { newline: '\r\n' }) + '\r\n';
}

/**
 * A cell as the export wrote it back to its text: the `'` that kept a formula from running
 * comes off. A text that began with `'` itself and was no formula kept it, so it stays.
 */
export function cellText(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const rest = cell.slice(1);
  return neutralizeFormula(rest) === cell ? rest : cell;
}
