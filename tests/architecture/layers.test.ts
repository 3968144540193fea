import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLayerViolations, importsOf, type SourceFile } from './layer-rules';

const root = join(__dirname, '..', '..');

function sourcesUnder(folder: string): SourceFile[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(root, full), source: readFileSync(full, 'utf8') };
    });
}

describe('layer rules', () => {
  it('hold over the whole tree', () => {
    const files = ['shared', 'renderer', 'electron'].flatMap(sourcesUnder);
    expect(files.length).toBeGreaterThan(10);
    expect(findLayerViolations(files)).toEqual([]);
  });

  it('finds the import forms we write', () => {
    expect(
      importsOf(
        `import a from 'a';\nimport type { B } from "b";\nexport { c } from './c';\nconst d = require('d');\nawait import('e');\nimport 'f';`,
      ),
    ).toEqual(['a', 'b', './c', 'd', 'e', 'f']);
  });

  it.each([
    ['shared/ledger/x.ts', "import { readFile } from 'node:fs';", 'shared/ imports no Node built-ins'],
    ['shared/ledger/x.ts', "import { createHash } from 'crypto';", 'shared/ imports no Node built-ins'],
    ['shared/ledger/x.ts', "import { app } from 'electron';", 'shared/ imports no Electron'],
    [
      'shared/ledger/x.ts',
      "import { startHost } from '../../electron/host';",
      'shared/ imports only shared/',
    ],
    ['shared/ledger/x.ts', "import { App } from '../../renderer/app/App';", 'shared/ imports only shared/'],
    [
      'renderer/app/x.ts',
      "import { startHost } from '../../electron/host';",
      'renderer/ never imports electron/',
    ],
    ['renderer/app/x.ts', "import { ipcRenderer } from 'electron';", 'renderer/ never imports electron/'],
    ['renderer/app/x.ts', "import { join } from 'node:path';", 'renderer/ imports no Node built-ins'],
    [
      'electron/host.ts',
      "import { app } from 'electron';",
      'only electron/main.ts and electron/preload.ts import Electron',
    ],
    [
      'electron/services/x.ts',
      "const { app } = require('electron');",
      'only electron/main.ts and electron/preload.ts import Electron',
    ],
  ])('catches a forbidden import in %s: %s', (path, source, rule) => {
    expect(findLayerViolations([{ path, source }])).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('lets main.ts and preload.ts import Electron', () => {
    expect(
      findLayerViolations([
        { path: 'electron/main.ts', source: "import { app } from 'electron';" },
        { path: 'electron/preload.ts', source: "import { contextBridge } from 'electron';" },
      ]),
    ).toEqual([]);
  });
});
