/**
 * Finds import cycles among the app's own modules with the TypeScript compiler's own
 * scanner and resolver, so no extra dependency reads our sources. Type-only imports count:
 * a type cycle still ties the modules together (the bulk dialogs' `BulkDialogProps` cycle
 * in issue 22 was one).
 *
 * `npx tsx tests/arch/import-cycles.ts [dir…]` prints each cycle and exits 1 if there is
 * any; without arguments it checks renderer/, electron/ and shared/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
};

/** Each scanned file's imports of other scanned files (packages and assets are left out). */
export function importGraph(dirs: readonly string[]): Map<string, string[]> {
  const files = dirs.flatMap((d) => sourceFiles(resolve(d)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, OPTIONS, ts.sys).resolvedModule;
      if (resolved && known.has(resolve(resolved.resolvedFileName)))
        targets.add(resolve(resolved.resolvedFileName));
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Strongly connected components (Tarjan) that hold a cycle: two or more files, or a self-import. */
function cyclicComponents(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  // Iterative: a deep import chain must not overflow the call stack.
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to))
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || edges.includes(frame.node)) found.push(component);
    }
  }
  return found;
}

/** The shortest way from `start` back to itself inside its component, as a readable path. */
function shortestLoop(
  graph: ReadonlyMap<string, readonly string[]>,
  members: Set<string>,
  start: string,
): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const to of graph.get(at) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let n: string | undefined = at; n !== undefined && n !== start; n = cameFrom.get(n))
          path.splice(1, 0, n);
        return [...path, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, at);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

export interface ImportCycle {
  /** Every file caught in this knot of imports. */
  files: string[];
  /** One loop through it, first file repeated at the end: a -> b -> a. */
  loop: string[];
}

export function findImportCycles(dirs: readonly string[]): ImportCycle[] {
  const graph = importGraph(dirs);
  return cyclicComponents(graph).map((component) => {
    const files = [...component].sort();
    return { files, loop: shortestLoop(graph, new Set(files), files[0]!) };
  });
}

function main(): void {
  const root = resolve(import.meta.dirname, '../..');
  const args = process.argv.slice(2);
  const dirs = (args.length > 0 ? args : ['renderer', 'electron', 'shared']).map((d) =>
    resolve(root, d),
  );
  const rel = (f: string) => relative(root, f);
  const cycles = findImportCycles(dirs);
  for (const c of cycles) {
    const rest = c.files.filter((f) => !c.loop.includes(f));
    console.log(
      `Import cycle among ${c.files.length} files:\n  ${c.loop.map(rel).join('\n  -> ')}`,
    );
    if (rest.length > 0) console.log(`  (also in it: ${rest.map(rel).join(', ')})`);
  }
  const scanned = dirs.map(rel).join(', ');
  if (cycles.length > 0) {
    console.log(
      `${cycles.length} import cycle(s) in ${scanned}: move what both sides need into a module both import.`,
    );
    process.exit(1);
  }
  console.log(`No import cycle in ${scanned}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
