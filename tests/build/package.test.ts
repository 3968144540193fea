import { listPackage } from '@electron/asar';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

describe('packaging', () => {
  it('builds the unpacked app offline, with main, preload and renderer inside app.asar', async () => {
    // A stand-in for the Electron distribution: electron-builder only copies it and renames the binary.
    const electronDist = await mkdtemp(join(tmpdir(), 'zb-electron-dist-'));
    await writeFile(join(electronDist, 'electron'), '#!/bin/sh\necho stand-in\n');
    await chmod(join(electronDist, 'electron'), 0o755);
    const output = await mkdtemp(join(tmpdir(), 'zb-release-'));

    await run(
      join(root, 'node_modules', '.bin', 'electron-builder'),
      [
        '--config',
        'build/electron-builder.config.cjs',
        '--dir',
        '--linux',
        `-c.directories.output=${output}`,
      ],
      {
        cwd: root,
        env: { ...process.env, ELECTRON_DIST: electronDist, CI: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );

    const unpacked = join(output, 'linux-unpacked');
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) =>
      f.replaceAll('\\', '/'),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        '/dist/electron/main.cjs',
        '/dist/electron/preload.cjs',
        '/dist/renderer/index.html',
        '/package.json',
      ]),
    );
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('/node_modules/'))).toBe(false);
    expect(await readFile(join(unpacked, 'zonebook'), 'utf8')).toContain('stand-in');
  });

  it('bundles the sandboxed preload as one file that requires nothing but electron', async () => {
    const preload = await readFile(join(root, 'dist', 'electron', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
  });
});
