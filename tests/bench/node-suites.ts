// Suites the runner measures in Node itself: the whole declaration loop with the folder endpoint and the
// sandbox customs, beside the plain file-system work the loop cannot do without.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../electron/files/atomic-write';
import { runSimulation } from '../../electron/simulation/run-simulation';

export type Figures = Record<string, number>;

async function sizesOf(folder: string): Promise<number[]> {
  const sizes: number[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.xml'))
      sizes.push((await stat(join(entry.parentPath, entry.name))).size);
  return sizes;
}

/**
 * simulatePerSec: movements per second through the whole loop, faults off; simulateBusyShare: the
 * process's CPU time over the loop's wall time, near 1 when the loop works and low when it waits (on
 * timers, watchers' settle times, fsync or a busy machine); rawFolderPerSec: files per second for plain
 * write-then-rename of as many files, of the messages' average size, as the loop wrote to OutBox in the
 * same run.
 */
export async function simulateLoop({ movements = 10_000 }: Record<string, number>): Promise<Figures> {
  const root = await mkdtemp(join(tmpdir(), 'zb-bench-simulate-'));
  const raw = await mkdtemp(join(tmpdir(), 'zb-bench-raw-'));
  try {
    const cpuBefore = process.cpuUsage();
    const summary = await runSimulation({ movements, seed: 5, folder: root, timeoutMs: 30 * 60_000 });
    const cpu = process.cpuUsage(cpuBefore);
    if (summary.timedOut || summary.lostMovements > 0 || summary.duplicateSubmissions > 0)
      throw new Error(`the simulated loop failed: ${JSON.stringify(summary)}`);
    const sizes = await sizesOf(join(root, 'Archive'));
    const size = Math.round(sizes.reduce((sum, value) => sum + value, 0) / Math.max(1, sizes.length));
    const files = summary.messagesWritten;
    const body = 'x'.repeat(size);
    const started = performance.now();
    for (let index = 0; index < files; index++) await writeFileAtomic(join(raw, `${index}.xml`), body);
    const rawSeconds = (performance.now() - started) / 1000;
    return {
      simulatePerSec: Number((summary.movements / summary.elapsedSeconds).toFixed(0)),
      simulateBusyShare: Number(((cpu.user + cpu.system) / 1e6 / summary.elapsedSeconds).toFixed(2)),
      simulateFiles: files,
      rawFolderPerSec: Number((files / rawSeconds).toFixed(0)),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(raw, { recursive: true, force: true });
  }
}

export const nodeSuites: Record<string, (params: Record<string, number>) => Promise<Figures>> = {
  simulateLoop,
};
