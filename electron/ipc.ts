import { channels } from '../shared/bridge/contract';
import type { Dispatch } from '../shared/bridge/dispatch';
import { fail } from '../shared/bridge/result';
import { isAppUrl } from './app-origin';

/** The part of Electron's ipcMain that we use, so this module runs (and is tested) without Electron. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, input: unknown) => unknown,
  ): void;
}

/**
 * Registers one IPC handler per contract channel. Only our own pages (app://zonebook) may call them;
 * the sender is checked before the input is even parsed.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input) => {
      if (!isAppUrl(event.senderFrame?.url)) {
        return fail(
          'untrustedSender',
          `Refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`,
        );
      }
      return dispatch(channel, input);
    });
  }
}
