// `npm start`: build when needed, then run Electron; where its binary is missing, say so and open the
// same app through the browser host. `npm run serve` (--browser) always uses the browser host.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, isBuildStale } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const browserOnly = process.argv.includes('--browser');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--browser');

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary was never downloaded.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (isBuildStale()) {
  console.log('Building Zonebook…');
  await buildAll({ quiet: true });
}

const binary = browserOnly ? null : electronBinary();
const run = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

if (binary) {
  run(binary, [root, ...passThrough]);
} else {
  if (!browserOnly) {
    console.log(
      'Electron is not installed here (its binary was not downloaded); to get it, run `node node_modules/electron/install.js` on a connected machine. Opening Zonebook in the browser host instead.',
    );
  }
  run(process.execPath, [join(root, 'dist', 'electron', 'serve.cjs'), '--open', ...passThrough]);
}
