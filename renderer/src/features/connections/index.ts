/** The connections feature's entry points for other screens: the demo offer and starting the demo. */
export { DemoOffer } from './DemoOffer';
export { useDemoStart } from './use-demo';
