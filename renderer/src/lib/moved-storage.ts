import { createJSONStorage, type PersistStorage } from 'zustand/middleware';

/**
 * localStorage for a persisted store whose fields used to be saved under another key: until
 * the store has saved under its own name it reads the old entry, and its `merge` keeps only
 * the fields it owns. Nothing writes the old key any more, so every store that moved out
 * of it still finds its part there.
 */
export function storageMovedFrom<S>(oldName: string): PersistStorage<S> | undefined {
  return createJSONStorage<S>(() => {
    // Throws where there is no localStorage (unit tests in Node): the store then keeps
    // its state in memory only, as zustand does for any storage it cannot reach.
    const storage = localStorage;
    return {
      getItem: (name) => storage.getItem(name) ?? storage.getItem(oldName),
      setItem: (name, value) => storage.setItem(name, value),
      removeItem: (name) => storage.removeItem(name),
    };
  });
}
