import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../shared/bridge/contract';

// Named functions for the declared channels only; the page never sees ipcRenderer itself.
const api = Object.fromEntries(
  channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input ?? {})]),
);

contextBridge.exposeInMainWorld('zonebook', Object.freeze(api));
