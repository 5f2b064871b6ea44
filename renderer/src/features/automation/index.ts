/** The automation feature's entry points for other features: the bulk bar's run dialog. */
export { RunAutomationDialog } from './RunAutomationDialog';
