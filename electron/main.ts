import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDispatch } from '../shared/bridge/dispatch';
import { appOrigin, appScheme, isAppUrl } from './app-origin';
import { contentSecurityPolicy } from './csp';
import { registerIpcHandlers } from './ipc';
import { applicationDataFolder, dataFolderName } from './paths';
import { createMainServices } from './services/handlers';
import { mimeTypeOf, resolveStaticPath } from './static-files';
import { buildWindowOptions } from './window-options';

// Pin userData before anything touches it, so a product rename never orphans the IndexedDB data.
const dataFolder = process.env.ZONEBOOK_DATA_DIR ?? join(applicationDataFolder(), dataFolderName);
app.setPath('userData', dataFolder);

// Taken before any window (and so the database) opens: a second instance only focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  const rendererDir = join(__dirname, '..', 'renderer');
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

    protocol.handle(appScheme, async (request) => {
      const file = resolveStaticPath(rendererDir, new URL(request.url).pathname);
      if (!file) return new Response('Not found', { status: 404 });
      try {
        return new Response(await readFile(file), {
          headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': contentSecurityPolicy() },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });

    // safeStorage falls back to plain text on Linux without a keyring; the store then says so and the UI warns.
    const cipher = safeStorage.isEncryptionAvailable()
      ? {
          encrypt: (text: string) => safeStorage.encryptString(text),
          decrypt: (data: Buffer) => safeStorage.decryptString(data),
        }
      : undefined;
    const services = createMainServices({
      dataFolder,
      version: app.getVersion(),
      runtime: 'electron',
      ...(cipher && { cipher }),
    });
    registerIpcHandlers(ipcMain, createDispatch(services.handlers));
    app.on('before-quit', () => void services.customs.stop());

    mainWindow = new BrowserWindow(buildWindowOptions(join(__dirname, 'preload.cjs')));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(`${appOrigin}/index.html`);
    if (process.argv.includes('--smoke-test')) runSmokeTest(mainWindow);
  });

  app.on('window-all-closed', () => app.quit());
}

/** `npm run test:electron`: the packaged page must load and reach the handlers through the preload. */
function runSmokeTest(window: BrowserWindow) {
  const timeout = setTimeout(() => app.exit(1), 30_000);
  window.webContents.once('did-finish-load', async () => {
    const reached = await window.webContents.executeJavaScript(
      "window.zonebook['app.info']({}).then((r) => r.ok && r.value.runtime === 'electron')",
    );
    clearTimeout(timeout);
    console.log(
      reached ? 'Electron smoke test passed' : 'Electron smoke test failed: the bridge did not answer',
    );
    app.exit(reached ? 0 : 1);
  });
}
