import { builtinModules } from 'node:module';

export interface SourceFile {
  path: string;
  source: string;
}

export interface Violation {
  path: string;
  specifier: string;
  rule: string;
}

const importPattern =
  /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?['"]([^'"]+)['"]|(?:^|[^\w.])(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): string[] {
  return [...source.matchAll(importPattern)].map((match) => (match[1] ?? match[2]) as string);
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isNodeBuiltin = (specifier: string) =>
  builtins.has(specifier) || builtins.has(specifier.split('/')[0] ?? '');
const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');
const reaches = (specifier: string, folder: string) =>
  specifier.startsWith('.') && new RegExp(`(^|/)${folder}(/|$)`).test(specifier);

/**
 * The three import lines of architecture.md: shared/ is pure; the renderer reaches neither electron/
 * nor Node; only electron/main.ts and electron/preload.ts import Electron. DOM globals in shared/ are
 * left to ESLint's no-restricted-globals, which knows a global from a local of the same name.
 */
export function findLayerViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const path = file.path.replaceAll('\\', '/');
    const layer = path.split('/')[0];
    for (const specifier of importsOf(file.source)) {
      const add = (rule: string) => violations.push({ path, specifier, rule });
      if (layer === 'shared') {
        if (isNodeBuiltin(specifier)) add('shared/ imports no Node built-ins');
        if (isElectron(specifier)) add('shared/ imports no Electron');
        if (reaches(specifier, 'electron') || reaches(specifier, 'renderer'))
          add('shared/ imports only shared/');
        if (specifier === 'react' || specifier === 'react-dom') add('shared/ imports no DOM libraries');
      }
      if (layer === 'renderer' && path !== 'renderer/vite.config.ts') {
        if (isNodeBuiltin(specifier)) add('renderer/ imports no Node built-ins');
        if (isElectron(specifier) || reaches(specifier, 'electron')) add('renderer/ never imports electron/');
      }
      if (layer === 'electron' && path !== 'electron/main.ts' && path !== 'electron/preload.ts') {
        if (isElectron(specifier)) add('only electron/main.ts and electron/preload.ts import Electron');
        if (reaches(specifier, 'renderer')) add('electron/ never imports the renderer');
      }
    }
  }
  return violations;
}
