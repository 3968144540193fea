import { checkReversible, type Posting, type ReversibleVerdict } from '../../../../shared/ledger';
import {
  customsStateOf,
  historyOfBookLine,
  reversedAmong,
  type JournalRow,
  type ZonebookDb,
} from '../../../../shared/store';

/** One movement in a line's history, with what the history needs to say about it. */
export interface HistoryEntry {
  row: JournalRow;
  /** This line's postings only: a movement may carry several lines. */
  postings: Posting[];
  /** Where its declaration stands; `none` for a kind customs never hears of. */
  declareStatus: NonNullable<JournalRow['declareStatus']> | 'none';
  reversedBy?: string | undefined;
  /** The ledger's own rule, asked before offering a reversal. The store asks it again when posting. */
  reversible: ReversibleVerdict;
}

/** A book line's history, oldest first, with reversal links and how far customs has seen each movement. */
export async function lineHistory(db: ZonebookDb, bookLineId: string): Promise<HistoryEntry[]> {
  const rows = await historyOfBookLine(db, bookLineId);
  const reversed = await reversedAmong(
    db,
    rows.map((row) => row.movementId),
  );
  return rows.map((row) => {
    const reversedBy = reversed.get(row.movementId);
    return {
      row,
      postings: row.entry.postings.filter((posting) => posting.bookLineId === bookLineId),
      declareStatus: row.declareStatus ?? 'none',
      reversedBy,
      reversible: checkReversible(row.entry.movement, { customsState: customsStateOf(row), reversedBy }),
    };
  });
}
