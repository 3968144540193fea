// `npm run test:electron`: checks the packaged app in a real Electron, where a binary exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

let binary = null;
try {
  binary = createRequire(import.meta.url)('electron');
} catch {
  binary = null;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.log(
    'No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD); skipping the Electron check.',
  );
  process.exit(0);
}
const result = spawnSync(binary, ['.', '--smoke-test'], { stdio: 'inherit', timeout: 60_000 });
process.exit(result.status ?? 1);
