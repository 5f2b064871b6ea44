/**
 * What the app's start bundle holds: the modules main.tsx reaches through static imports.
 * Screens and dialogs the Profiles table does not need at start load on demand
 * (components/lazy.tsx); a static import of one would pull it, and all it imports, back
 * into the bundle parsed before the table can draw (start.lastknown10k.ms).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../arch/import-cycles';

const root = resolve(import.meta.dirname, '../../..');
const src = join(root, 'renderer/src');
const OPTIONS: ts.CompilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  jsx: ts.JsxEmit.ReactJSX,
};

/** The module specifiers a file imports at run time, statically (no import(), no types). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly)
      out.push((s.moduleSpecifier as ts.StringLiteral).text);
    else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly)
      out.push((s.moduleSpecifier as ts.StringLiteral).text);
  }
  return out;
}

/** Every file and package the start bundle reaches from `entry`. */
function startBundle(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>([entry]);
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const resolved = ts.resolveModuleName(spec, file, OPTIONS, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const path = resolve(resolved.resolvedFileName);
      if (!/\.tsx?$/.test(path) || files.has(path)) continue;
      files.add(path);
      todo.push(path);
    }
  }
  return { files, packages };
}

/** Loaded when first shown or opened, never at start. */
const ON_DEMAND = [
  'features/automation/ScriptsView.tsx',
  'features/automation/RunAutomationDialog.tsx',
  'features/sessions/SessionsView.tsx',
  'features/connections/ConnectionsView.tsx',
  'features/connections/ConnectionFormDialog.tsx',
  'features/activity/ActivityView.tsx',
  'features/settings/SettingsView.tsx',
  'features/create/NewProfileDialog.tsx',
  'features/create/BulkCreateDialog.tsx',
  'features/create/CopyProfilesDialog.tsx',
  'features/profiles/ProfilePanel.tsx',
  'features/profiles/ShortcutsDialog.tsx',
  'features/profiles/sheet/ImportSheetDialog.tsx',
  'features/profiles/sheet/ExportSheetDialog.tsx',
  'features/profiles/sheet/export-sheet.ts',
  'features/profiles/bulk/CopyDialog.tsx',
  'features/profiles/bulk/CopyToConnectionDialog.tsx',
  'features/profiles/bulk/DeleteDialog.tsx',
  'features/profiles/bulk/MoveGroupDialog.tsx',
  'features/profiles/bulk/ProxyDialogs.tsx',
  'features/profiles/bulk/RemarkDialog.tsx',
  'features/profiles/bulk/RenameDialog.tsx',
  'features/profiles/bulk/TagsDialog.tsx',
].map((p) => join(src, p));

describe('the start bundle', () => {
  const entry = join(src, 'main.tsx');
  const bundle = startBundle(entry);

  it('holds the Profiles table and none of the screens and dialogs loaded on demand', () => {
    expect(bundle.files).toContain(join(src, 'features/profiles/ProfilesTable.tsx'));
    expect(ON_DEMAND.filter((f) => bundle.files.has(f))).toEqual([]);
  });

  it('holds no CSV code (papaparse), which only export and import use', () => {
    expect(bundle.packages).not.toContain('papaparse');
    expect(bundle.packages).toContain('react-dom/client');
  });

  it('holds no zod: the first screen reads plain value lists and a hand-written error check', () => {
    expect(bundle.packages).not.toContain('zod');
  });

  it('still reaches each of them through a dynamic import, so each still loads', () => {
    const graph = importGraph([join(root, 'renderer'), join(root, 'shared')]);
    const reached = new Set([entry]);
    const todo = [entry];
    while (todo.length > 0)
      for (const next of graph.get(todo.pop()!) ?? [])
        if (!reached.has(next)) {
          reached.add(next);
          todo.push(next);
        }
    expect(ON_DEMAND.filter((f) => !reached.has(f))).toEqual([]);
  });
});

describe("the page's entry", () => {
  const boot = join(src, 'boot.ts');

  it('is boot.ts, which index.html loads', () => {
    const html = readFileSync(join(root, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" src="\.\/src\/boot\.ts"><\/script>/);
  });

  it('reaches only the early ask and the snapshot reader: no package, no app module', () => {
    const { files, packages } = startBundle(boot);
    const model = join(root, 'shared/model');
    expect([...files].sort()).toEqual(
      [
        boot,
        join(src, 'early-ask.ts'),
        join(model, 'last-known-snapshot.ts'),
        join(model, 'profile-key.ts'),
        join(model, 'profile-row-check.ts'),
        join(model, 'value-table.ts'),
        join(model, 'row-values.ts'),
        join(model, 'vendors.ts'),
        join(root, 'shared/lib/is-record.ts'),
      ].sort(),
    );
    expect([...packages]).toEqual([]);
  });
});

describe('the preload', () => {
  it('reaches no zod: it builds window.deck from the names of the channels, before every page', () => {
    const { files, packages } = startBundle(join(root, 'electron/preload/index.ts'));
    expect([...packages]).toEqual(['electron']);
    expect(files).toContain(join(root, 'shared/ipc/channels.ts'));
    expect(files).not.toContain(join(root, 'shared/ipc/contract.ts'));
  });
});
