import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatch } from '../shared/bridge/dispatch';
import { startHost } from './host';
import { defaultDataFolder } from './paths';
import { createMainServices } from './services/handlers';

declare const __ZONEBOOK_VERSION__: string;

function openInBrowser(url: string): void {
  const opener =
    process.platform === 'darwin'
      ? 'open'
      : process.platform === 'win32'
        ? 'explorer'
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? 'xdg-open'
          : null;
  if (!opener) return;
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** The browser host's entry point: the same handlers as Electron, over HTTP on 127.0.0.1. */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
  });
  const dataFolder = values.data ?? defaultDataFolder();
  const services = createMainServices({ dataFolder, version: __ZONEBOOK_VERSION__, runtime: 'browser-host' });
  const host = await startHost({
    staticDir: join(__dirname, '..', 'renderer'),
    dispatch: createDispatch(services.handlers),
    port: Number(values.port),
  });
  console.log(`Zonebook is running in the browser host: ${host.url}`);
  console.log(`Data folder: ${dataFolder}. Press Ctrl+C to stop.`);
  if (values.open) openInBrowser(host.url);
  const stop = () => void Promise.all([host.close(), services.customs.stop()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
