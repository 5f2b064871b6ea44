/**
 * Error markers for the script editor: the JavaScript parser's syntax errors, and the one
 * rule every script follows (a default export the runner can call). Runs in the renderer
 * on the editor's own syntax tree; main still reports what a script does when it runs.
 */
import i18next from 'i18next';
import { syntaxTree } from '@codemirror/language';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';

export function scriptDiagnostics(state: EditorState): Diagnostic[] {
  const found: Diagnostic[] = [];
  syntaxTree(state)
    .cursor()
    .iterate((node) => {
      if (!node.type.isError) return;
      // An error node may be empty (a missing token): mark the character there.
      const from = node.from;
      const to = Math.min(Math.max(node.to, from + 1), state.doc.length);
      const line = state.doc.lineAt(from);
      found.push({
        from: Math.min(from, to),
        to,
        severity: 'error',
        message: i18next.t('scripts.lint.syntax', { line: line.number }),
      });
    });
  if (!/\bexport\s+default\b/.test(state.doc.toString()))
    found.push({
      from: 0,
      to: Math.min(1, state.doc.length),
      severity: 'error',
      message: i18next.t('scripts.lint.noDefaultExport'),
    });
  return found;
}
