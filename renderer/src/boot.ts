/**
 * The page's entry: asks main for the last-known rows, then loads the app. The app is a
 * dynamic import so that this chunk is tiny and runs at once; with the app in the entry
 * chunk the ask waited for 600 kB of code to be fetched, parsed and run first.
 */
import { askLastKnownEarly } from './early-ask';
// In the page's head with the entry, not loaded later with the app's chunk.
import './styles.css';

askLastKnownEarly();
void import('./main');
