// `npm run bench [-- --runs N] [-- --scale F]`: runs the suites in tests/bench/page in Debian's Chromium
// on real IndexedDB, prints min/median/max per figure over the runs, and writes bench-results.json.
// Store figures are read beside raw IndexedDB figures measured in the same run; the declaration loop
// (simulateLoop) is measured here in Node, beside plain write-then-rename of as many files.
import { build } from 'esbuild';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { startHost } from '../../electron/host';
import { fail } from '../../shared/bridge/result';
import { launchChromiumWithProfile, repoRoot } from '../e2e/support';
import { nodeSuites } from './node-suites';

interface Step {
  suite: string;
  params: Record<string, number>;
}

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, scale: { type: 'string', default: '1' } },
});
const runs = Math.max(1, Number(values.runs));
const scale = Number(values.scale);
const scaled = (n: number) => Math.max(1, Math.round(n * scale));

const only = process.env.BENCH_ONLY;
const isNodeSuite = (step: Step) => Object.hasOwn(nodeSuites, step.suite);

const steps: Step[] = only
  ? [{ suite: only, params: {} }]
  : [
      { suite: 'rawTransaction', params: { samples: 300 } },
      { suite: 'rawBulk', params: { records: scaled(100_000) } },
      { suite: 'importMovements', params: { movements: scaled(100_000) } },
      { suite: 'inventoryFirstPage', params: { lines: scaled(100_000) } },
      { suite: 'largeJournal', params: { entries: scaled(1_000_000), samples: 200 } },
      { suite: 'batchMovements', params: { movements: scaled(100_000) } },
      // Measured by this runner in Node after the page's suites: the loop runs where the folder endpoint does.
      { suite: 'simulateLoop', params: { movements: scaled(10_000) } },
    ];
const plan = steps.filter((step) => !isNodeSuite(step));
const nodePlan = steps.filter(isNodeSuite);

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return Number((usedSize / 1024 / 1024).toFixed(1));
}

function deriveRatios(figures: Record<string, number>): Record<string, number> {
  const ratios: Record<string, number> = {};
  // The import is compared with a raw bulk put of the very journal rows it wrote (rawJournalBulkPerSec);
  // rawBulkPerSec, of small records, is kept for reference.
  const { postP50Ms, rawTxP50Ms, importPerSec, rawJournalBulkPerSec, rawJournalIndexedBulkPerSec } = figures;
  if (postP50Ms !== undefined && rawTxP50Ms)
    ratios.postToRawRatio = Number((postP50Ms / rawTxP50Ms).toFixed(2));
  if (importPerSec !== undefined && rawJournalBulkPerSec) {
    ratios.importToRawRatio = Number((importPerSec / rawJournalBulkPerSec).toFixed(2));
  }
  if (importPerSec !== undefined && rawJournalIndexedBulkPerSec) {
    ratios.importToIndexedRawRatio = Number((importPerSec / rawJournalIndexedBulkPerSec).toFixed(2));
  }
  return ratios;
}

async function runOnce(url: string): Promise<Record<string, number>> {
  // A profile on disk: a million journal entries outgrow the in-memory quota of a throwaway context.
  const browser = await launchChromiumWithProfile();
  const figures: Record<string, number> = {};
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.runSuite === 'function');
    for (const { suite, params } of plan) {
      const started = Date.now();
      const result = await page.evaluate(([name, p]) => window.runSuite(name, p), [suite, params] as const);
      Object.assign(figures, result);
      if (suite === 'largeJournal') figures.heapMB = await heapMB(page);
      console.log(
        `  ${suite.padEnd(20)} ${JSON.stringify(result)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    await browser.close();
  }
  for (const { suite, params } of nodePlan) {
    const started = Date.now();
    const result = await nodeSuites[suite]!(params);
    Object.assign(figures, result);
    console.log(
      `  ${suite.padEnd(20)} ${JSON.stringify(result)} (${((Date.now() - started) / 1000).toFixed(1)} s, Node)`,
    );
  }
  return { ...figures, ...deriveRatios(figures) };
}

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
  const all: Record<string, number>[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      console.log(`run ${run} of ${runs}${scale !== 1 ? ` (scale ${scale})` : ''}`);
      all.push(await runOnce(`${host.origin}/index.html`));
    }
  } finally {
    await host.close();
  }
  const names = Object.keys(all[0] ?? {});
  const summary: Record<string, { min: number; median: number; max: number }> = {};
  console.log(`\n${'figure'.padEnd(32)}${'min'.padStart(12)}${'median'.padStart(12)}${'max'.padStart(12)}`);
  for (const name of names) {
    const sorted = all.map((figures) => figures[name] ?? Number.NaN).sort((a, b) => a - b);
    const stats = {
      min: sorted[0]!,
      median: sorted[Math.floor((sorted.length - 1) / 2)]!,
      max: sorted[sorted.length - 1]!,
    };
    summary[name] = stats;
    console.log(
      `${name.padEnd(32)}${String(stats.min).padStart(12)}${String(stats.median).padStart(12)}${String(stats.max).padStart(12)}`,
    );
  }
  await writeFile(
    join(repoRoot, 'bench-results.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), runs, scale, figures: summary }, null, 2)}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
