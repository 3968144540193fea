import type { OpeningStockLine } from '../customs/opening-stock';
import type { AccountBook } from '../domain/account-book';
import { lawfQtyOf } from '../domain/book-line';
import { addDecimal, isZeroDecimal, type DecimalString } from '../domain/decimal';
import { balanceDeltas, isCustodyAccount, postMovement } from '../ledger';
import type { BookLineRow, ZonebookDb } from './db';
import type { DeclareStatus, JournalRow } from './rows';

/**
 * A row customs hears of by no list of ours: an undeclared kind (no declare status), or a declared
 * movement reversed before it was declared (cancelled) — whose reversal, undeclared, is here too, so the
 * two cancel out on customs' book as they do in ours.
 */
const unheardOf = (row: JournalRow) =>
  row.declareStatus === undefined || row.declareStatus === ('cancelled' satisfies DeclareStatus);

/**
 * The stock customs' book holds without a declaration of ours (see OpeningStockLine), from the whole
 * journal: per movement and book line, its net effect on custody. The same rows the batching counts as
 * customs' stock for a line no INV211 has reported (pending-batch-input.ts), so the sandbox and the
 * batching agree on what customs lets go out. Undeclared rows have no index entry (their declareStatus
 * is absent), hence one pass over the journal.
 */
export async function openingStockOf(db: ZonebookDb): Promise<OpeningStockLine[]> {
  const rows = await db.journal.filter(unheardOf).toArray();
  const changes: { movementId: string; bookLineId: string; qty: DecimalString }[] = [];
  for (const row of rows) {
    const perLine = new Map<string, DecimalString>();
    for (const delta of balanceDeltas(postMovement(row.entry.movement)))
      if (isCustodyAccount(delta.account))
        perLine.set(delta.bookLineId, addDecimal(perLine.get(delta.bookLineId) ?? '0', delta.delta));
    for (const [bookLineId, qty] of perLine)
      // A relocation moves goods within the zone: nothing changes on customs' book.
      if (!isZeroDecimal(qty)) changes.push({ movementId: row.movementId, bookLineId, qty });
  }
  if (changes.length === 0) return [];
  const lines = new Map(
    (await db.bookLines.bulkGet([...new Set(changes.map((change) => change.bookLineId))]))
      .filter((line): line is BookLineRow => line !== undefined)
      .map((line) => [line.id, line]),
  );
  const books = new Map(
    (await db.books.bulkGet([...new Set([...lines.values()].map((line) => line.bookId))]))
      .filter((book): book is AccountBook => book !== undefined)
      .map((book) => [book.id, book]),
  );
  return changes.flatMap(({ movementId, bookLineId, qty }) => {
    const line = lines.get(bookLineId);
    const book = line && books.get(line.bookId);
    if (!line || !book) return [];
    return [
      {
        movementId,
        bwsNo: book.putrecNo,
        gdsSeqno: line.gdsSeqno,
        gdsMtno: line.gdsMtno,
        gdecd: line.gdecd,
        gdsNm: line.gdsNm,
        gdsSpcfModelDesc: line.gdsSpcfModelDesc,
        natcd: line.natcd,
        dclUnitcd: line.dclUnitcd,
        lawfUnitcd: line.lawfUnitcd,
        ...(line.secdLawfUnitcd !== undefined && { secdLawfUnitcd: line.secdLawfUnitcd }),
        dclUprcAmt: line.dclUprcAmt,
        dclCurrcd: line.dclCurrcd,
        qty,
        lawfQty: lawfQtyOf(line, qty),
      },
    ];
  });
}
