import Dexie from 'dexie';
import { customsDateOf } from '../../../shared/domain/customs-date';
import { sha256Engine } from '../../../shared/ledger';
import { generateDemoDataset, seededRandom, seededUuidv7 } from '../../../shared/demo';
import type { Movement } from '../../../shared/ledger';
import {
  balancesFromJournal,
  catchUpLineHistory,
  ensureDeviceId,
  inventoryPage,
  openStore,
  postMovement,
  postMovements,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
  type ZonebookDb,
} from '../../../shared/store';
import { deleteRawDb, openRawDb, putInOneTransaction, putInStore } from './raw-indexeddb';
import { percentile, round } from './stats';

export type Figures = Record<string, number>;
const platform = () => ({ indexedDB, IDBKeyRange });
const chunk = 5_000;

interface Seeded {
  db: ZonebookDb;
  deviceId: string;
  bookId: string;
  lineIds: string[];
  locationIds: string[];
}

async function freshStore(name: string, lines: number): Promise<Seeded> {
  await Dexie.delete(name);
  const db = await openStore(platform(), name);
  const deviceId = await ensureDeviceId(db);
  const demo = generateDemoDataset({ seed: 11, lines, movements: 0 });
  await saveEnterprise(db, demo.enterprise);
  await saveBook(db, demo.book);
  await saveLocations(db, demo.locations);
  for (let i = 0; i < demo.bookLines.length; i += 10_000)
    await saveBookLines(db, demo.bookLines.slice(i, i + 10_000));
  return {
    db,
    deviceId,
    bookId: demo.book.id,
    lineIds: demo.bookLines.map((l) => l.id),
    locationIds: demo.locations.map((l) => l.id),
  };
}

/** Receipts from abroad spread over the lines and locations: simple, always postable filler. */
function receipts(seeded: Seeded, count: number, startIndex: number, seed: number): Movement[] {
  const random = seededRandom(seed);
  const base = Date.parse('2025-02-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const occurredAt = new Date(base + (startIndex + i) * 1_000).toISOString();
    return {
      id: seededUuidv7(random, Date.parse(occurredAt)),
      kind: 'entryFromAbroad',
      bookId: seeded.bookId,
      occurredAt,
      customsDate: customsDateOf(occurredAt),
      lines: [
        {
          bookLineId: random.pick(seeded.lineIds),
          qty: `${random.int(1, 900)}.${random.int(1, 9)}`,
          toLocationId: random.pick(seeded.locationIds),
        },
      ],
    };
  });
}

/**
 * importPerSec over 100,000 movements posted as one import (all or none: one transaction) — and
 * historyPagesPerSec, the pages of their lines' history written after it — beside the
 * same journal rows put raw in one transaction: into a bare object store (rawJournalBulkPerSec, the
 * yardstick) and into the journal's own store with its indexes (rawJournalIndexedBulkPerSec, which
 * shows how much of the gap is IndexedDB keeping those indexes rather than our work).
 */
export async function importMovements({ movements = 100_000 }: Record<string, number>): Promise<Figures> {
  const seeded = await freshStore('bench-import', 200);
  const all = receipts(seeded, movements, 0, 21);
  const start = performance.now();
  await postMovements(seeded.db, all, { deviceId: seeded.deviceId });
  const importSeconds = (performance.now() - start) / 1000;
  // The history pages are written after the import, in steps; timed apart, and done before the raw puts.
  const pagesStart = performance.now();
  await catchUpLineHistory(seeded.db);
  const pagesSeconds = (performance.now() - pagesStart) / 1000;

  const rows = await seeded.db.journal.toArray();
  const raw = await openRawDb('bench-import-raw');
  const rawStart = performance.now();
  await putInOneTransaction(raw, rows);
  const rawSeconds = (performance.now() - rawStart) / 1000;
  raw.close();
  await deleteRawDb('bench-import-raw');

  await Dexie.delete('bench-import-shaped');
  const shaped = await openStore(platform(), 'bench-import-shaped');
  const shapedStart = performance.now();
  await putInStore(shaped.backendDB(), shaped.journal.name, rows);
  const shapedSeconds = (performance.now() - shapedStart) / 1000;
  shaped.close();
  await Dexie.delete('bench-import-shaped');
  seeded.db.close();
  await Dexie.delete('bench-import');
  return {
    importPerSec: round(movements / importSeconds, 0),
    historyPagesPerSec: round(movements / pagesSeconds, 0),
    rawJournalBulkPerSec: round(rows.length / rawSeconds, 0),
    rawJournalIndexedBulkPerSec: round(rows.length / shapedSeconds, 0),
    // 1 when the journal's hashes were computed by the compiled SHA-256, 0 when the page refused it.
    sha256Wasm: sha256Engine() === 'wasm' ? 1 : 0,
  };
}

/**
 * Grows a journal to `entries` (fillPerSec counts its history pages in), then measures one posting at a
 * time (postP50Ms/postP95Ms; their pages are written at the next pause, after the samples), balances
 * rebuilt from the journal (rebuildPerSec) and the heap after opening the inventory (heapMB, read by
 * the runner).
 */
export async function largeJournal({
  entries = 1_000_000,
  samples = 200,
}: Record<string, number>): Promise<Figures> {
  const seeded = await freshStore('bench-large', 2_000);
  const fillStart = performance.now();
  for (let i = 0; i < entries; i += chunk) {
    await postMovements(seeded.db, receipts(seeded, Math.min(chunk, entries - i), i, 31 + i), {
      deviceId: seeded.deviceId,
    });
  }
  await catchUpLineHistory(seeded.db);
  const fillSeconds = (performance.now() - fillStart) / 1000;

  const singles = receipts(seeded, samples, entries, 7);
  const times: number[] = [];
  for (const movement of singles) {
    const start = performance.now();
    await postMovement(seeded.db, movement, { deviceId: seeded.deviceId });
    times.push(performance.now() - start);
  }
  await catchUpLineHistory(seeded.db);

  const rebuildStart = performance.now();
  await balancesFromJournal(seeded.db);
  const rebuildSeconds = (performance.now() - rebuildStart) / 1000;

  await inventoryPage(seeded.db, { bookId: seeded.bookId }, { offset: 0, limit: 100 });
  return {
    journalEntries: entries + samples,
    fillPerSec: round(entries / fillSeconds, 0),
    postP50Ms: round(percentile(times, 50)),
    postP95Ms: round(percentile(times, 95)),
    rebuildPerSec: round((entries + samples) / rebuildSeconds, 0),
  };
}

/** The inventory's first page over 100,000 book lines with a text filter, after a cold open. */
export async function inventoryFirstPage({
  lines = 100_000,
  samples = 15,
}: Record<string, number>): Promise<Figures> {
  const seeded = await freshStore('bench-inventory', lines);
  seeded.db.close();
  const times: number[] = [];
  const unfiltered: number[] = [];
  for (let i = 0; i < samples; i++) {
    const db = await openStore(platform(), 'bench-inventory');
    const start = performance.now();
    await inventoryPage(
      db,
      { bookId: seeded.bookId, text: i % 2 ? '集成电路' : 'zb8542' },
      { offset: 0, limit: 50 },
    );
    times.push(performance.now() - start);
    const plainStart = performance.now();
    await inventoryPage(db, { bookId: seeded.bookId }, { offset: 0, limit: 50 });
    unfiltered.push(performance.now() - plainStart);
    db.close();
  }
  await Dexie.delete('bench-inventory');
  return {
    inventoryFirstPageMs: round(percentile(times, 50)),
    inventoryFirstPageP95Ms: round(percentile(times, 95)),
    inventoryUnfilteredFirstPageMs: round(percentile(unfiltered, 50)),
  };
}
