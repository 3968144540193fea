import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { demoBackupContent, generateDemoDataset } from '../../shared/demo';
import { backupEndLine, backupLines } from '../../shared/store';
import type { CliIo } from './io';

export const demoFileName = 'zonebook-demo.ndjson';

const wholeNumber = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
};

/**
 * `zonebook demo --out DIR [--lines N] [--movements N] [--seed S]`: writes a demo backup file (master
 * data and a hash-chained journal mixing every movement kind), streamed so large journals fit.
 */
export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      lines: { type: 'string' },
      movements: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (!values.out) {
    io.err('Usage: zonebook demo --out DIR [--lines N] [--movements N] [--seed S]');
    return 2;
  }
  let options: { lines: number; movements: number; seed: number };
  try {
    options = {
      lines: wholeNumber('lines', values.lines, 60),
      movements: wholeNumber('movements', values.movements, 500),
      seed: wholeNumber('seed', values.seed, 1),
    };
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const dataset = generateDemoDataset(options);
  const content = demoBackupContent(dataset, options.seed);
  await mkdir(values.out, { recursive: true });
  const path = join(values.out, demoFileName);
  const temporary = `${path}.tmp`;
  const stream = createWriteStream(temporary);
  const digest = sha256.create();
  for (const line of backupLines(content, dataset.movements[0]?.occurredAt ?? new Date(0).toISOString())) {
    digest.update(utf8ToBytes(line));
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end(backupEndLine(bytesToHex(digest.digest())));
  await once(stream, 'finish');
  await rename(temporary, path);
  const kinds = new Set(dataset.movements.map((m) => m.kind));
  io.out(
    `Wrote ${path}: ${dataset.bookLines.length} book lines, ${dataset.movements.length} movements of ${kinds.size} kinds, book ${dataset.book.putrecNo}.`,
  );
  return 0;
}
