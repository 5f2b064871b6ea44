import type { DeckApi } from '../../../shared/ipc/deck-api';

declare global {
  interface Window {
    deck: DeckApi;
  }
}
export {};
