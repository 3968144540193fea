import Dexie from 'dexie';
import { customsDateOf } from '../../../shared/domain/customs-date';
import { generateDemoDataset, seededRandom, seededUuidv7 } from '../../../shared/demo';
import type { Movement } from '../../../shared/ledger';
import {
  batchPending,
  ensureDeviceId,
  openStore,
  postMovements,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
} from '../../../shared/store';
import { round } from './stats';

export type Figures = Record<string, number>;
const chunk = 5_000;

/**
 * batchPerSec: `movements` pending entries from abroad, spread over 200 book lines, batched into lists
 * and gate passes by the store's batchPending — one transaction, numbers minted, XML rendered — per
 * second. Posting them first is not timed.
 */
export async function batchMovements({ movements = 100_000 }: Record<string, number>): Promise<Figures> {
  const name = 'bench-batch';
  await Dexie.delete(name);
  const db = await openStore({ indexedDB, IDBKeyRange }, name);
  const deviceId = await ensureDeviceId(db);
  const demo = generateDemoDataset({ seed: 13, lines: 200, movements: 0 });
  await saveEnterprise(db, demo.enterprise);
  await saveBook(db, demo.book);
  await saveLocations(db, demo.locations);
  await saveBookLines(db, demo.bookLines);
  const random = seededRandom(41);
  const base = Date.parse('2025-02-01T00:00:00Z');
  for (let start = 0; start < movements; start += chunk) {
    const batch: Movement[] = Array.from({ length: Math.min(chunk, movements - start) }, (_, i) => {
      const occurredAt = new Date(base + (start + i) * 1_000).toISOString();
      return {
        id: seededUuidv7(random, Date.parse(occurredAt)),
        kind: 'entryFromAbroad',
        bookId: demo.book.id,
        occurredAt,
        customsDate: customsDateOf(occurredAt),
        lines: [
          {
            bookLineId: random.pick(demo.bookLines).id,
            qty: `${random.int(1, 900)}.${random.int(1, 9)}`,
            toLocationId: random.pick(demo.locations).id,
          },
        ],
      };
    });
    await postMovements(db, batch, { deviceId });
  }
  const started = performance.now();
  const { documentIds } = await batchPending(db, { deviceId, now: '2025-06-01T02:00:00.000Z' });
  const seconds = (performance.now() - started) / 1000;
  db.close();
  await Dexie.delete(name);
  return { batchPerSec: round(movements / seconds, 0), batchDocuments: documentIds.length };
}
