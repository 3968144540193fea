// `npm run dev`: the renderer with hot reload (Vite), talking to a browser host started beside it.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { buildAll, isBuildStale } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostPort = 5174;
if (isBuildStale()) await buildAll({ quiet: true });

const host = spawn(
  process.execPath,
  [join(root, 'dist', 'electron', 'serve.cjs'), '--port', String(hostPort)],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const token = await new Promise((resolve) => {
  host.stdout.on('data', (chunk) => {
    const match = /#token=(\S+)/.exec(String(chunk));
    if (match) resolve(match[1]);
  });
});

const server = await createServer({
  configFile: join(root, 'renderer', 'vite.config.ts'),
  server: { proxy: { '/api': { target: `http://127.0.0.1:${hostPort}`, changeOrigin: true } } },
});
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
console.log(`Zonebook (dev): ${url}#token=${token}`);
process.on('SIGINT', () => {
  host.kill();
  void server.close().then(() => process.exit(0));
});
