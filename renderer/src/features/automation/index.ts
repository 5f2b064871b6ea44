/** The automation feature's entry points: the bulk bar's run dialog and the Scripts screen. */
export { RunAutomationDialog } from './RunAutomationDialog';
export { ScriptsView } from './ScriptsView';
