// `npm run bench`: the benchmark runner is TypeScript (tests/bench/run.ts); tsx runs it as it is.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'tests', 'bench', 'run.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
process.exit(result.status ?? 1);
