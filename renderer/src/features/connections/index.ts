/**
 * The connections feature's entry points for other screens: the demo offer, starting the
 * demo, and the add-connection dialog (loaded when first opened: components/lazy.tsx).
 */
import { lazyComponent } from '../../components/lazy';

export const ConnectionFormDialog = lazyComponent(() =>
  import('./ConnectionFormDialog').then((m) => m.ConnectionFormDialog),
);
export { DemoOffer } from './DemoOffer';
export { useDemoStart } from './use-demo';
