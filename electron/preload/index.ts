/**
 * The renderer's only door: `window.api`, one function per contract channel, each a single
 * `ipcRenderer.invoke`. Neither ipcRenderer nor the IPC event ever reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiGlobalName, type Api } from '../../shared/api';
import { apiChannels, type ApiChannel } from '../../shared/contract';

function invoker(channel: ApiChannel): (input?: unknown) => Promise<unknown> {
  // Only the input crosses; main checks the sender and the backend parses the input.
  return (input) => ipcRenderer.invoke(channel, input);
}

/** Builds the API from the contract's channel lists (backend and shell), so no channel is declared twice. */
function buildApi(): Api {
  return Object.freeze(Object.fromEntries(apiChannels.map((channel) => [channel, invoker(channel)]))) as Api;
}

contextBridge.exposeInMainWorld(apiGlobalName, buildApi());
