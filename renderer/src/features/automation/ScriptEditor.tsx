/**
 * CodeMirror 6 on a script's source: JavaScript highlighting and the error markers of
 * script-lint.ts. The editor owns the text while it is mounted; `onChange` hands each edit up.
 */
import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { forceLinting, linter, lintGutter } from '@codemirror/lint';
import { Compartment, StateEffect } from '@codemirror/state';
import { useTranslation } from '../../i18n';
import { scriptDiagnostics } from './script-lint';

/** Sent when the language changes: the markers are worded again, though the text is not. */
const reword = StateEffect.define<null>();

export function ScriptEditor({
  initial,
  onChange,
  label,
}: {
  /** The source when mounted; give the component a new key to load another script. */
  initial: string;
  onChange(source: string): void;
  label: string;
}) {
  const { i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView>(null);
  // The label is swapped in place when the language changes; the text and its undo history stay.
  const labelled = useRef(new Compartment());
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      doc: initial,
      extensions: [
        basicSetup,
        javascript(),
        linter((v) => scriptDiagnostics(v.state), {
          delay: 300,
          needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(reword))),
        }),
        lintGutter(),
        labelled.current.of(EditorView.contentAttributes.of({ 'aria-label': label })),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) changed.current(u.state.doc.toString());
        }),
        EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { fontSize: '13px' } }),
      ],
    });
    editor.current = view;
    return () => view.destroy();
    // Mounted once per script (the parent keys it); later `initial` values are ignored.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The markers' messages follow a language switch without waiting for the next edit.
  useEffect(() => {
    const view = editor.current;
    if (!view) return;
    view.dispatch({ effects: reword.of(null) });
    forceLinting(view);
  }, [i18n.language]);
  useEffect(() => {
    editor.current?.dispatch({
      effects: labelled.current.reconfigure(
        EditorView.contentAttributes.of({ 'aria-label': label }),
      ),
    });
  }, [label]);
  return (
    <div
      ref={host}
      data-testid="script-editor"
      className="h-full overflow-hidden rounded border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-950"
    />
  );
}
