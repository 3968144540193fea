import { channels } from '../../shared/bridge/contract';
import { registerIpcHandlers, type IpcMainLike } from '../../electron/ipc';

type Listener = Parameters<IpcMainLike['handle']>[1];

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    ipcMain: { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) },
  };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerIpcHandlers(ipcMain, async () => ({ ok: true, value: null }));
    expect([...listeners.keys()].sort()).toEqual([...channels].sort());
  });

  it('passes calls from our own pages to the dispatcher', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const seen: unknown[] = [];
    registerIpcHandlers(ipcMain, async (channel, input) => {
      seen.push([channel, input]);
      return { ok: true, value: 'fine' };
    });
    const result = await listeners.get('settings.get')!(
      { senderFrame: { url: 'app://zonebook/index.html' } },
      {},
    );
    expect(result).toEqual({ ok: true, value: 'fine' });
    expect(seen).toEqual([['settings.get', {}]]);
  });

  it.each([['https://evil.example/'], ['file:///etc/passwd'], ['app://zonebook.evil/x'], ['']])(
    'refuses a call from %j before anything runs',
    async (url) => {
      const { ipcMain, listeners } = fakeIpcMain();
      let ran = false;
      registerIpcHandlers(ipcMain, async () => {
        ran = true;
        return { ok: true, value: null };
      });
      const result = await listeners.get('settings.set')!(
        { senderFrame: url ? { url } : null },
        { language: 'en' },
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'untrustedSender' } });
      expect(ran).toBe(false);
    },
  );
});
