/**
 * The renderer's only door to main: a narrow typed API on `window.deck`, one function per
 * operation, built by the same code the browser harness uses. No generic invoke leaks out.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_NAMES, type EventName } from '../../shared/ipc/channels';
import { buildDeckApi, type DeckApi } from '../../shared/ipc/deck-api';

// Names only: the contract's schemas are main's to check with (see channels.ts).
const channels: ReadonlySet<string> = new Set(CHANNELS);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

const api: DeckApi = buildDeckApi(
  (channel, request) => {
    if (!channels.has(channel)) return Promise.reject(new Error('unknown channel'));
    return ipcRenderer.invoke(channel, request);
  },
  (event: EventName, listener) => {
    if (!eventNames.has(event)) return () => {};
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
);

contextBridge.exposeInMainWorld('deck', api);
