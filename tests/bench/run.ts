// `npm run bench`: runs the suites in tests/bench/page in Debian's Chromium on real IndexedDB, prints a
// table and writes bench-results.json. Store figures are read beside raw IndexedDB figures of the same run.
import { build } from 'esbuild';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../../electron/host';
import { fail } from '../../shared/bridge/result';
import { launchChromium, repoRoot } from '../e2e/support';

interface Run {
  suite: string;
  params: Record<string, number>;
}

const plan: Run[] = [
  { suite: 'rawTransaction', params: { samples: 300 } },
  { suite: 'rawBulk', params: { records: 100_000 } },
];

async function main() {
  const pageDir = await mkdtemp(join(tmpdir(), 'zb-bench-'));
  await build({
    entryPoints: [join(import.meta.dirname, 'page', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(pageDir, 'bench.js'),
    logLevel: 'warning',
  });
  await writeFile(
    join(pageDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="./bench.js"></script>',
  );
  const host = await startHost({
    staticDir: pageDir,
    dispatch: async () => fail('unknownChannel', 'no bridge in benchmarks'),
  });
  const browser = await launchChromium();
  const results: Record<string, number> = {};
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${host.origin}/index.html`);
    await page.waitForFunction(() => typeof window.runSuite === 'function');
    for (const { suite, params } of plan) {
      const started = Date.now();
      const figures = await page.evaluate(([name, p]) => window.runSuite(name, p), [suite, params] as const);
      Object.assign(results, figures);
      console.log(
        `${suite.padEnd(22)} ${JSON.stringify(figures)}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    await browser.close();
    await host.close();
  }
  const ratios = deriveRatios(results);
  const all = { ...results, ...ratios };
  console.log('\nfigure                   value');
  for (const [name, value] of Object.entries(all)) console.log(`${name.padEnd(24)} ${value}`);
  await writeFile(
    join(repoRoot, 'bench-results.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), figures: all }, null, 2)}\n`,
  );
}

function deriveRatios(figures: Record<string, number>): Record<string, number> {
  const ratios: Record<string, number> = {};
  const { postP50Ms, rawTxP50Ms, importPerSec, rawBulkPerSec } = figures;
  if (postP50Ms !== undefined && rawTxP50Ms)
    ratios.postToRawRatio = Number((postP50Ms / rawTxP50Ms).toFixed(2));
  if (importPerSec !== undefined && rawBulkPerSec)
    ratios.importToRawRatio = Number((importPerSec / rawBulkPerSec).toFixed(2));
  return ratios;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
