import { deleteRawDb, openRawDb, putInOneTransaction } from './raw-indexeddb';
import { batchMovements } from './declaration-suites';
import { percentile, round } from './stats';
import { importMovements, inventoryFirstPage, largeJournal } from './store-suites';

export type Figures = Record<string, number>;
export type Suite = (params: Record<string, number>) => Promise<Figures>;

const sampleRecord = (i: number) => ({
  id: `r-${i}`,
  bookLineId: `line-${i % 1000}`,
  qty: '12.50000',
  account: 'zone:A-01',
  note: 'benchmark record of a typical movement size',
});

/** One put per transaction, the smallest unit of work a posting can be compared with. */
async function rawTransaction({ samples = 200 }: Record<string, number>): Promise<Figures> {
  const name = `raw-tx-${Date.now()}`;
  const db = await openRawDb(name);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await putInOneTransaction(db, [sampleRecord(i)]);
    times.push(performance.now() - start);
  }
  db.close();
  await deleteRawDb(name);
  return { rawTxP50Ms: round(percentile(times, 50)), rawTxP95Ms: round(percentile(times, 95)) };
}

async function rawBulk({ records = 100_000 }: Record<string, number>): Promise<Figures> {
  const name = `raw-bulk-${Date.now()}`;
  const db = await openRawDb(name);
  const batch = Array.from({ length: records }, (_, i) => sampleRecord(i));
  const start = performance.now();
  await putInOneTransaction(db, batch);
  const seconds = (performance.now() - start) / 1000;
  db.close();
  await deleteRawDb(name);
  return { rawBulkPerSec: round(records / seconds, 0) };
}

export const suites: Record<string, Suite> = {
  rawTransaction,
  rawBulk,
  importMovements,
  largeJournal,
  inventoryFirstPage,
  batchMovements,
};

declare global {
  interface Window {
    runSuite: (name: string, params: Record<string, number>) => Promise<Figures>;
  }
}

window.runSuite = async (name, params) => {
  const suite = suites[name];
  if (!suite) throw new Error(`No benchmark suite "${name}"`);
  return suite(params);
};
