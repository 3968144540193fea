import { describe, expect, it } from 'vitest';
import type { BookLine } from '../../../shared/domain';
import { zoneAccount, type Movement } from '../../../shared/ledger';
import {
  balancesOfLines,
  historyOfBookLine,
  inventoryPage,
  postMovement,
  postMovements,
  saveBookLines,
  type InventoryFilter,
  type ZonebookDb,
} from '../../../shared/store';
import {
  book,
  bookLine,
  deviceId,
  location,
  movement,
  otherBook,
  otherBookLine,
  recordedAt,
  reversalOf,
  seededStore,
} from './fixtures';
import { locations } from './fixtures';

const [a01, a02, b01] = locations as [(typeof locations)[0], (typeof locations)[0], (typeof locations)[0]];
const options = { deviceId, recordedAt };

/** Twelve lines of the book (besides the fixture's three), saved out of order. */
const catalogue: BookLine[] = Array.from({ length: 12 }, (_, i) => {
  const gdsSeqno = 10 + i;
  const chapter = ['8542319000', '8471500000', '3926909090'][i % 3]!;
  return bookLine(gdsSeqno, {
    gdsMtno: `INV-${gdsSeqno}`,
    gdecd: chapter,
    gdsNm: i === 4 ? '陶瓷电容器' : i === 7 ? 'Server Rack' : '塑料制品',
    natcd: ['116', '142', '502'][i % 4 === 3 ? 2 : i % 2]!,
    ...(i === 9 && { barcode: '6901234567892' }),
  });
});
const byseq = (gdsSeqno: number) => catalogue.find((line) => line.gdsSeqno === gdsSeqno)!;

function receipt(line: BookLine, qty: string, at = a01): Movement {
  return movement('entryFromAbroad', [{ bookLineId: line.id, qty, toLocationId: at.id }]);
}

/**
 * Stock: #10 100 at A-01; #11 5 at A-02 and 2 on display; #12 3 in transit; #13 1 out for repair;
 * #14 8 at B-01, later all relocated to A-02; #15 received and released again (nothing held).
 */
async function stockedStore(): Promise<ZonebookDb> {
  const db = await seededStore();
  await saveBookLines(db, [...catalogue].reverse());
  await postMovements(
    db,
    [
      receipt(byseq(10), '100'),
      receipt(byseq(11), '7', a02),
      movement('displayOut', [{ bookLineId: byseq(11).id, qty: '2', fromLocationId: a02.id }]),
      receipt(byseq(12), '3'),
      movement('transferOutBetweenZones', [{ bookLineId: byseq(12).id, qty: '3', fromLocationId: a01.id }]),
      receipt(byseq(13), '1'),
      movement('processingOut', [{ bookLineId: byseq(13).id, qty: '1', fromLocationId: a01.id }]),
      receipt(byseq(14), '8', b01),
      movement('relocate', [
        { bookLineId: byseq(14).id, qty: '8', fromLocationId: b01.id, toLocationId: a02.id },
      ]),
      receipt(byseq(15), '4'),
      movement('releaseDomestic', [{ bookLineId: byseq(15).id, qty: '4', fromLocationId: a01.id }]),
    ],
    options,
  );
  return db;
}

const seqnos = async (db: ZonebookDb, filter: Omit<InventoryFilter, 'bookId'>, offset = 0, limit = 100) =>
  (await inventoryPage(db, { bookId: book.id, ...filter }, { offset, limit })).rows.map(
    (row) => row.line.gdsSeqno,
  );

describe('inventoryPage', () => {
  it('lists the book’s lines in line-number order, without the other book’s, as saved', async () => {
    const db = await stockedStore();
    const page = await inventoryPage(db, { bookId: book.id }, { offset: 0, limit: 100 });
    expect(page.rows.map((row) => row.line.gdsSeqno)).toEqual([1, 2, 3, ...catalogue.map((l) => l.gdsSeqno)]);
    expect(page.hasMore).toBe(false);
    expect(page.rows.find((row) => row.line.gdsSeqno === 19)?.line).toEqual(byseq(19));
    expect(page.rows.some((row) => 'searchText' in row.line)).toBe(false);
    expect(await seqnos(db, {}).then((all) => all.length)).toBe(15);
    const other = await inventoryPage(db, { bookId: otherBook.id }, { offset: 0, limit: 10 });
    expect(other.rows.map((row) => row.line.id)).toEqual([otherBookLine.id]);
  });

  it('pages with offset and limit, and says whether more follow', async () => {
    const db = await stockedStore();
    const all = await seqnos(db, {});
    const pages: number[] = [];
    for (let offset = 0; ; offset += 4) {
      const page = await inventoryPage(db, { bookId: book.id }, { offset, limit: 4 });
      pages.push(...page.rows.map((row) => row.line.gdsSeqno));
      expect(page.hasMore).toBe(offset + 4 < all.length);
      if (!page.hasMore) break;
    }
    expect(pages).toEqual(all);
    const exact = await inventoryPage(db, { bookId: book.id }, { offset: 10, limit: 5 });
    expect(exact.rows).toHaveLength(5);
    expect(exact.hasMore).toBe(false);
    expect((await inventoryPage(db, { bookId: book.id }, { offset: 15, limit: 5 })).rows).toEqual([]);
  });

  it('filters by free text over item number, name, HS code, barcode and line number, ignoring case and spaces', async () => {
    const db = await stockedStore();
    expect(await seqnos(db, { text: 'inv-' })).toEqual(catalogue.map((l) => l.gdsSeqno));
    expect(await seqnos(db, { text: 'inv-1' })).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(await seqnos(db, { text: '  INV-21 ' })).toEqual([21]);
    expect(await seqnos(db, { text: '电容' })).toEqual([14]);
    expect(await seqnos(db, { text: 'server rack' })).toEqual([17]);
    expect(await seqnos(db, { text: '6901234567892' })).toEqual([19]);
    expect(await seqnos(db, { text: '392690' })).toEqual([12, 15, 18, 21]);
    expect(await seqnos(db, { text: 'no such thing' })).toEqual([]);
    expect(await seqnos(db, { text: '   ' })).toHaveLength(15);
  });

  it('filters by HS chapter and by origin, and combines filters', async () => {
    const db = await stockedStore();
    expect(await seqnos(db, { hsChapter: '84' })).toEqual([11, 14, 17, 20]);
    const fromJapan = catalogue.filter((l) => l.natcd === '116').map((l) => l.gdsSeqno);
    expect(await seqnos(db, { natcd: '116' })).toEqual([1, 2, 3, ...fromJapan]);
    expect(await seqnos(db, { natcd: '502' })).toEqual(
      catalogue.filter((l) => l.natcd === '502').map((l) => l.gdsSeqno),
    );
    expect(await seqnos(db, { hsChapter: '84', natcd: '142' })).toEqual(
      catalogue.filter((l) => l.natcd === '142' && l.gdecd.startsWith('84')).map((l) => l.gdsSeqno),
    );
    expect(await seqnos(db, { hsChapter: '84', text: 'server' })).toEqual([17]);
  });

  it('filters by location and by custody: only lines holding stock there', async () => {
    const db = await stockedStore();
    expect(await seqnos(db, { locationId: a01.id })).toEqual([10]);
    expect(await seqnos(db, { locationId: a02.id })).toEqual([11, 14]);
    expect(await seqnos(db, { locationId: b01.id })).toEqual([]);
    expect(await seqnos(db, { custody: 'zone' })).toEqual([10, 11, 14]);
    expect(await seqnos(db, { custody: 'display' })).toEqual([11]);
    expect(await seqnos(db, { custody: 'transit' })).toEqual([12]);
    expect(await seqnos(db, { custody: 'processing' })).toEqual([13]);
    expect(await seqnos(db, { custody: 'zone', hsChapter: '84' })).toEqual([11, 14]);
    expect(await seqnos(db, { locationId: a02.id, text: '电容' })).toEqual([14]);
  });

  it('pages a filtered list: offset counts matching lines only', async () => {
    const db = await stockedStore();
    const chapter85 = await seqnos(db, { hsChapter: '85' });
    expect(chapter85).toEqual([1, 2, 3, 10, 13, 16, 19]);
    const second = await inventoryPage(db, { bookId: book.id, hsChapter: '85' }, { offset: 3, limit: 2 });
    expect(second.rows.map((row) => row.line.gdsSeqno)).toEqual([10, 13]);
    expect(second.hasMore).toBe(true);
    const last = await inventoryPage(db, { bookId: book.id, hsChapter: '85' }, { offset: 5, limit: 2 });
    expect(last.rows.map((row) => row.line.gdsSeqno)).toEqual([16, 19]);
    expect(last.hasMore).toBe(false);
  });

  it('gives each line its balances by custody, outside accounts left out, and what is held', async () => {
    const db = await stockedStore();
    const { rows } = await inventoryPage(db, { bookId: book.id, text: 'inv-1' }, { offset: 0, limit: 6 });
    const row = (gdsSeqno: number) => rows.find((r) => r.line.gdsSeqno === gdsSeqno)!;
    expect(row(10)).toMatchObject({ byAccount: { [zoneAccount(a01.id)]: '100' }, held: '100' });
    expect(row(11)).toMatchObject({ byAccount: { [zoneAccount(a02.id)]: '5', display: '2' }, held: '7' });
    expect(row(12)).toMatchObject({ byAccount: { transit: '3' }, held: '3' });
    expect(row(13)).toMatchObject({ byAccount: { processing: '1' }, held: '1' });
    expect(row(14)).toMatchObject({ byAccount: { [zoneAccount(a02.id)]: '8' }, held: '8' });
    expect(row(15)).toMatchObject({ byAccount: {}, held: '0' });
    expect(rows.every((r) => !('abroad' in r.byAccount) && !('domestic' in r.byAccount))).toBe(true);
  });

  it('reads the balance rows of the asked lines only, custody alone', async () => {
    const db = await stockedStore();
    const rows = await balancesOfLines(db, [byseq(11).id, byseq(13).id, byseq(15).id]);
    expect(rows.map((row) => [row.bookLineId, row.account, row.qty]).sort()).toEqual(
      [
        [byseq(11).id, zoneAccount(a02.id), '5'],
        [byseq(11).id, 'display', '2'],
        [byseq(13).id, 'processing', '1'],
      ].sort(),
    );
    expect(await balancesOfLines(db, [])).toEqual([]);
  });

  it('finds locations of the enterprise as well as of the book', async () => {
    const db = await stockedStore();
    const shared = { ...location('E-01'), bookId: undefined, enterpriseId: book.ownerEnterpriseId };
    await db.locations.put(shared);
    await postMovement(db, receipt(byseq(20), '2', shared), options);
    expect(await seqnos(db, { locationId: shared.id })).toEqual([20]);
  });
});

describe('historyOfBookLine', () => {
  it('lists every movement of the line in the order posted, whatever the clocks said', async () => {
    const db = await seededStore();
    await saveBookLines(db, catalogue);
    const line = byseq(10);
    const received = receipt(line, '10');
    const relocated = movement('relocate', [
      { bookLineId: line.id, qty: '4', fromLocationId: a01.id, toLocationId: a02.id },
    ]);
    await postMovement(db, received, { deviceId, recordedAt: '2025-03-05T00:00:00.000Z' });
    await postMovement(db, receipt(byseq(11), '1'), options);
    await postMovement(db, relocated, { deviceId: 'device-b', recordedAt: '2025-03-01T00:00:00.000Z' });
    const both = movement('releaseDomestic', [
      { bookLineId: byseq(11).id, qty: '1', fromLocationId: a01.id },
      { bookLineId: line.id, qty: '1', fromLocationId: a01.id },
    ]);
    await postMovement(db, both, { deviceId, recordedAt: '2025-03-03T00:00:00.000Z' });
    const reversal = reversalOf(relocated);
    await postMovement(db, reversal, { deviceId: 'device-b', recordedAt: '2025-03-02T00:00:00.000Z' });

    const history = await historyOfBookLine(db, line.id);
    expect(history.map((row) => row.movementId)).toEqual([received.id, relocated.id, both.id, reversal.id]);
    expect(history.map((row) => row.entry.movement.kind)).toEqual([
      'entryFromAbroad',
      'relocate',
      'releaseDomestic',
      'reversal',
    ]);
    expect(await historyOfBookLine(db, byseq(12).id)).toEqual([]);
  });
});
