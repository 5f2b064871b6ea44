/** The automation feature's entry points: the bulk bar's run dialog and the Scripts screen. */
import { lazy } from 'react';
import { lazyComponent } from '../../components/lazy';

/** Loaded when first opened (components/lazy.tsx). */
export const RunAutomationDialog = lazyComponent(() =>
  import('./RunAutomationDialog').then((m) => m.RunAutomationDialog),
);

/**
 * Loaded when first shown: its editor (CodeMirror) is most of the bundle's weight, and the
 * Profiles table should not wait for it at start (start.lastknown10k.ms).
 */
export const ScriptsView = lazy(() =>
  import('./ScriptsView').then((m) => ({ default: m.ScriptsView })),
);
