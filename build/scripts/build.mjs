// Builds the renderer (Vite) and the Node side (esbuild) into dist/. Needs no Electron binary.
// With --if-stale it does nothing when dist/ is newer than every source file.
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stamp = join(root, 'dist', '.build-stamp');
const sourceFolders = ['shared', 'electron', 'renderer'].map((folder) => join(root, folder));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function newestSourceTime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function isBuildStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return (
    Math.max(...sourceFolders.map(newestSourceTime), statSync(join(root, 'package.json')).mtimeMs) > built
  );
}

export async function buildAll({ quiet = false } = {}) {
  await viteBuild({
    configFile: join(root, 'renderer', 'vite.config.ts'),
    logLevel: quiet ? 'warn' : 'info',
  });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    define: { __ZONEBOOK_VERSION__: JSON.stringify(pkg.version) },
  };
  await esbuild({
    ...common,
    entryPoints: {
      main: join(root, 'electron', 'main.ts'),
      preload: join(root, 'electron', 'preload.ts'),
      serve: join(root, 'electron', 'serve.ts'),
    },
    outdir: join(root, 'dist', 'electron'),
    outExtension: { '.js': '.cjs' },
  });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isBuildStale()) {
    await buildAll();
  }
}
