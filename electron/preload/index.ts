/**
 * The renderer's only door to main: a narrow typed API on `window.deck`, one function per
 * operation, built by the same code the browser harness uses. No generic invoke leaks out.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { contract, events, type EventName } from '../../shared/ipc/contract';
import { buildDeckApi, type DeckApi } from '../../shared/ipc/deck-api';

const api: DeckApi = buildDeckApi(
  (channel, request) => {
    if (!Object.hasOwn(contract, channel)) return Promise.reject(new Error('unknown channel'));
    return ipcRenderer.invoke(channel, request);
  },
  (event: EventName, listener) => {
    if (!Object.hasOwn(events, event)) return () => {};
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
);

contextBridge.exposeInMainWorld('deck', api);
