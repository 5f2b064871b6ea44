/**
 * The connections feature's entry points for other screens: the demo offer, starting the
 * demo, and the add-connection dialog.
 */
export { ConnectionFormDialog } from './ConnectionFormDialog';
export { DemoOffer } from './DemoOffer';
export { useDemoStart } from './use-demo';
