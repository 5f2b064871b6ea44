/**
 * A spreadsheet of profiles read back for a bulk edit: each row is matched to its profile by
 * connection + id, compared field by field with the profile as it is now, and becomes the
 * edit of exactly the fields that differ. What cannot be read is said per line and column;
 * a line with a wrong cell changes nothing. Lines are the sheet's rows as a spreadsheet
 * numbers them (the header is line 1), so a cell holding a line break is still one line.
 *
 * Only the columns the file has are compared: a file without a proxy column leaves every
 * proxy alone. The delimiter is whatever the file uses (a spreadsheet set to a language
 * that writes decimal commas saves with `;`).
 */
import Papa from 'papaparse';
import type { Group, Profile } from '../model';
import type { SheetEdit } from '../model/job-actions';
import { profileKey } from '../model';
import {
  cellText,
  connectionCells,
  EDITABLE_COLUMNS,
  SHEET_COLUMNS,
  tagsCell,
  type EditableColumn,
  type SheetColumn,
  type SheetConnection,
} from './profile-sheet';
import {
  describeProxy,
  describeProxyChange,
  readProxyCell,
  type ProxyCellProblem,
} from './proxy-cell';

/** What the file is compared with: the profiles, connections and groups as they are now. */
export interface SheetContext {
  profiles: readonly Profile[];
  connections: readonly SheetConnection[];
  groups: readonly Group[];
}

export interface FieldChange {
  column: EditableColumn;
  before: string;
  after: string;
}

export interface ProfileChange {
  line: number;
  key: string;
  /** The profile's name now, and its connection as the sheet names it. */
  name: string;
  connection: string;
  changes: FieldChange[];
  edit: SheetEdit;
}

/**
 * What is wrong with a line, as a key the renderer words in the user's language (issue
 * #24); the English `message` stays beside it. `proxy` says why a proxy cell was refused
 * (or, for a warning, which reading of it was taken).
 */
export const SHEET_PROBLEMS = [
  'csv-unterminated',
  'csv-malformed-quote',
  'csv',
  'empty-file',
  'header-unknown',
  'header-twice',
  'header-needs-both',
  'header-needs-connection',
  'header-needs-id',
  'too-many-rows',
  'cell-count',
  'connection-empty',
  'connection-unknown',
  'connection-ambiguous',
  'group-ambiguous',
  'group-unknown',
  'group-empty',
  'id-empty',
  'profile-unknown',
  'profile-repeated',
  'name-empty',
  'too-long',
  'tags-many',
  'tag-long',
  'proxy',
] as const;
export type SheetProblemKey = (typeof SHEET_PROBLEMS)[number];

export interface SheetProblem {
  line: number;
  column?: string;
  message: string;
  key: SheetProblemKey;
  params?: Record<string, string | number>;
  proxy?: ProxyCellProblem;
  /** Read one way of several (a proxy), or a column left out: the line still counts. */
  warning?: boolean;
}

export interface SheetPreview {
  changed: ProfileChange[];
  problems: SheetProblem[];
  /** Rows read that change nothing. */
  unchanged: number;
  /** Profile rows in the file (the header and blank lines not counted). */
  rows: number;
  /** The editable columns the file has. */
  columns: EditableColumn[];
}

/** As many rows as a job takes. */
export const MAX_SHEET_ROWS = 100_000;
const MAX_NAME = 200;
const MAX_REMARK = 1000;
const MAX_TAGS = 50;

/** Tags are split on commas, full-width commas and semicolons. */
export const splitTags = (cell: string): string[] => [
  ...new Set(
    cell
      .split(/[,，;；]/)
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

class CellError extends Error {
  constructor(
    readonly column: SheetColumn,
    message: string,
    readonly key: SheetProblemKey,
    readonly params?: Record<string, string | number>,
    readonly proxy?: ProxyCellProblem,
  ) {
    super(message);
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((t, i) => t === y[i]);
};

/** Which connection a cell names: its id, or a label only one connection has. */
function connectionResolver(connections: readonly SheetConnection[]) {
  const byId = new Map(connections.map((c) => [c.id, c]));
  const byLabel = new Map<string, SheetConnection[]>();
  for (const c of connections) byLabel.set(c.label, [...(byLabel.get(c.label) ?? []), c]);
  return (cell: string): SheetConnection => {
    const text = cell.trim();
    if (text === '')
      throw new CellError(
        'connection',
        'empty: say which connection the profile is in',
        'connection-empty',
      );
    const found = byId.get(text) ?? byLabel.get(text);
    if (!found)
      throw new CellError('connection', `no connection "${text}"`, 'connection-unknown', { text });
    if (!Array.isArray(found)) return found;
    if (found.length > 1) {
      const ids = found.map((c) => c.id).join(', ');
      throw new CellError(
        'connection',
        `"${text}" names ${found.length} connections; write the id of one (${ids})`,
        'connection-ambiguous',
        { text, count: found.length, ids },
      );
    }
    return found[0]!;
  };
}

/** Which group a cell names in a connection: its name, or `#id`. */
function groupResolver(groups: readonly Group[]) {
  const byConnection = new Map<
    string,
    { byId: Map<string, Group>; byName: Map<string, Group[]> }
  >();
  for (const g of groups) {
    let c = byConnection.get(g.connectionId);
    if (!c) byConnection.set(g.connectionId, (c = { byId: new Map(), byName: new Map() }));
    c.byId.set(g.id, g);
    c.byName.set(g.name, [...(c.byName.get(g.name) ?? []), g]);
  }
  return (connection: SheetConnection, text: string): string => {
    const c = byConnection.get(connection.id);
    const named = c?.byName.get(text);
    if (named?.length === 1) return named[0]!.id;
    if (named && named.length > 1) {
      const ids = named.map((g) => `#${g.id}`).join(', ');
      throw new CellError(
        'group',
        `${named.length} groups of ${connection.label} are called "${text}"; write #id (${ids})`,
        'group-ambiguous',
        { count: named.length, connection: connection.label, text, ids },
      );
    }
    const id = /^#(.+)$/.exec(text)?.[1];
    if (id !== undefined && c?.byId.has(id)) return id;
    throw new CellError(
      'group',
      `no group "${text}" in ${connection.label}; create it first`,
      'group-unknown',
      { text, connection: connection.label },
    );
  };
}

interface Header {
  /** Column index by name. */
  at: Partial<Record<SheetColumn, number>>;
  width: number;
}

function readHeader(cells: readonly string[], problems: SheetProblem[]): Header | undefined {
  const at: Header['at'] = {};
  cells.forEach((raw, i) => {
    const text = raw.trim().toLowerCase();
    if (text === '') return;
    const name = text as SheetColumn;
    if (!SHEET_COLUMNS.includes(name)) {
      problems.push({
        line: 1,
        column: raw.trim(),
        message: `not a column BrowserDeck reads (${SHEET_COLUMNS.join(', ')}); it is left out`,
        key: 'header-unknown',
        params: { columns: SHEET_COLUMNS.join(', ') },
        warning: true,
      });
      return;
    }
    if (at[name] !== undefined) {
      problems.push({
        line: 1,
        column: name,
        message: 'is in the header twice',
        key: 'header-twice',
      });
      return;
    }
    at[name] = i;
  });
  const missing = (['connection', 'id'] as const).filter((c) => at[c] === undefined);
  if (missing.length || problems.some((p) => !p.warning)) {
    if (missing.length)
      problems.push({
        line: 1,
        message: `the header needs ${missing.join(' and ')}: the first line names the columns (${SHEET_COLUMNS.join(', ')})`,
        key:
          missing.length > 1
            ? 'header-needs-both'
            : missing[0] === 'id'
              ? 'header-needs-id'
              : 'header-needs-connection',
        params: { columns: SHEET_COLUMNS.join(', ') },
      });
    return undefined;
  }
  return { at, width: cells.length };
}

/** Papa's quoting errors, by its code; its other errors keep its own sentence. */
const PAPA_PROBLEMS: Partial<Record<string, SheetProblemKey>> = {
  MissingQuotes: 'csv-unterminated',
  InvalidQuotes: 'csv-malformed-quote',
};

/** Reads `text` (a whole CSV file) against the profiles as they are now. */
export function previewSheet(text: string, ctx: SheetContext): SheetPreview {
  const problems: SheetProblem[] = [];
  const preview: SheetPreview = { changed: [], problems, unchanged: 0, rows: 0, columns: [] };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  for (const e of parsed.errors) {
    // "No delimiter" is what a file with one column says; the header check says it better.
    if (e.code === 'UndetectableDelimiter') continue;
    const key = PAPA_PROBLEMS[e.code];
    problems.push({
      line: (e.row ?? 0) + 1,
      message: e.message,
      // Papa's own sentence for the rest: data to the renderer, shown as it is.
      ...(key ? { key } : { key: 'csv' as const, params: { message: e.message } }),
    });
  }
  const rows = parsed.data;
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) {
    problems.push({ line: 1, message: 'the file is empty', key: 'empty-file' });
    return preview;
  }
  const header = readHeader(rows[headerAt]!, problems);
  if (!header) return preview;
  preview.columns = EDITABLE_COLUMNS.filter((c) => header.at[c] !== undefined);
  if (rows.length - headerAt - 1 > MAX_SHEET_ROWS) {
    problems.push({
      line: 1,
      message: `more than ${MAX_SHEET_ROWS.toLocaleString('en')} rows: split the file`,
      key: 'too-many-rows',
      params: { max: MAX_SHEET_ROWS },
    });
    return preview;
  }

  const profiles = new Map(ctx.profiles.map((p) => [p.key, p]));
  const connectionOf = connectionResolver(ctx.connections);
  const connectionCell = connectionCells(ctx.connections);
  const groupOf = groupResolver(ctx.groups);
  const seen = new Map<string, number>();
  const brokenRows = new Set(problems.map((p) => p.line));

  for (let i = headerAt + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const line = i + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    preview.rows++;
    if (brokenRows.has(line)) continue;
    if (cells.length !== header.width) {
      problems.push({
        line,
        message: `has ${cells.length} cells where the header has ${header.width}: a cell was cut or added`,
        key: 'cell-count',
        params: { cells: cells.length, width: header.width },
      });
      continue;
    }
    const cell = (c: SheetColumn) => {
      const at = header.at[c];
      return at === undefined ? undefined : cellText(cells[at] ?? '');
    };
    try {
      const connection = connectionOf(cell('connection')!);
      const id = cell('id')!.trim();
      if (id === '') throw new CellError('id', 'empty: say which profile this is', 'id-empty');
      const key = profileKey(connection.id, id);
      const profile = profiles.get(key);
      if (!profile)
        throw new CellError('id', `no profile ${id} in ${connection.label}`, 'profile-unknown', {
          id,
          connection: connection.label,
        });
      const first = seen.get(key);
      if (first !== undefined)
        throw new CellError(
          'id',
          `the same profile as line ${first}: one line per profile`,
          'profile-repeated',
          { first },
        );
      seen.set(key, line);

      const edit: SheetEdit = { key };
      const changes: FieldChange[] = [];
      const warnings: SheetProblem[] = [];
      const name = cell('name');
      if (name !== undefined && name !== profile.name) {
        if (name.trim() === '')
          throw new CellError('name', 'empty: every profile needs a name', 'name-empty');
        if (name.length > MAX_NAME)
          throw new CellError('name', `longer than ${MAX_NAME} characters`, 'too-long', {
            max: MAX_NAME,
          });
        edit.name = name;
        changes.push({ column: 'name', before: profile.name, after: name });
      }
      const group = cell('group');
      if (group !== undefined && group.trim() !== profile.groupName) {
        const wanted = group.trim();
        if (wanted === '')
          throw new CellError(
            'group',
            'empty: a profile cannot be taken out of its group here; name a group',
            'group-empty',
          );
        const groupId = groupOf(connection, wanted);
        if (groupId !== profile.groupId) {
          edit.groupId = groupId;
          changes.push({ column: 'group', before: profile.groupName || 'none', after: wanted });
        }
      }
      const tags = cell('tags');
      if (tags !== undefined) {
        const names = splitTags(tags);
        const now = profile.tags.map((t) => t.name);
        if (!sameSet(names, now)) {
          if (names.length > MAX_TAGS)
            throw new CellError('tags', `more than ${MAX_TAGS} tags`, 'tags-many', {
              max: MAX_TAGS,
            });
          const tooLong = names.find((t) => t.length > MAX_NAME);
          if (tooLong)
            throw new CellError('tags', `a tag longer than ${MAX_NAME} characters`, 'tag-long', {
              max: MAX_NAME,
            });
          edit.tags = names;
          changes.push({
            column: 'tags',
            before: tagsCell(profile) || 'none',
            after: names.join(', ') || 'none',
          });
        }
      }
      const remark = cell('remark');
      if (remark !== undefined && remark !== profile.remark) {
        if (remark.length > MAX_REMARK)
          throw new CellError('remark', `longer than ${MAX_REMARK} characters`, 'too-long', {
            max: MAX_REMARK,
          });
        edit.remark = remark;
        changes.push({
          column: 'remark',
          before: profile.remark || 'empty',
          after: remark || 'empty',
        });
      }
      const proxy = cell('proxy');
      if (proxy !== undefined) {
        const read = readProxyCell(proxy, profile.proxy);
        if ('error' in read)
          throw new CellError('proxy', read.error, 'proxy', undefined, read.problem);
        if (read.change) {
          edit.proxy = read.proxy;
          changes.push({
            column: 'proxy',
            before: describeProxy(profile.proxy),
            after: describeProxyChange(read.proxy, profile.proxy),
          });
          if (read.warning)
            warnings.push({
              line,
              column: 'proxy',
              message: read.warning,
              key: 'proxy',
              ...(read.warningProblem
                ? { proxy: { key: 'list' as const, list: read.warningProblem } }
                : {}),
              warning: true,
            });
        }
      }
      problems.push(...warnings);
      if (changes.length === 0) {
        preview.unchanged++;
        continue;
      }
      preview.changed.push({
        line,
        key,
        name: profile.name,
        connection: connectionCell.get(connection.id) ?? connection.id,
        changes,
        edit,
      });
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      problems.push({
        line,
        column: e.column,
        message: e.message,
        key: e.key,
        ...(e.params ? { params: e.params } : {}),
        ...(e.proxy ? { proxy: e.proxy } : {}),
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return preview;
}

/** The lines that change nothing because they are wrong (warnings do not count). */
export const wrongLines = (preview: Pick<SheetPreview, 'problems'>): number =>
  new Set(preview.problems.filter((p) => !p.warning && p.line > 1).map((p) => p.line)).size;

/** "100 names, 40 remarks, 30 proxies": what an import changes, by column. */
export function changeCounts(changed: readonly ProfileChange[]): Record<EditableColumn, number> {
  const counts = { name: 0, group: 0, tags: 0, remark: 0, proxy: 0 };
  for (const c of changed) for (const f of c.changes) counts[f.column]++;
  return counts;
}
