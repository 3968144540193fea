import { checkReversible, kinds, type Posting, type ReversibleVerdict } from '../../../../shared/ledger';
import type { CustomsState } from '../../../../shared/ledger';
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
  /** `none` when the kind is never declared to customs. */
  customsState: CustomsState | 'none';
  reversedBy?: string | undefined;
  /** The ledger's own rule, asked before offering a reversal. The store asks it again when posting. */
  reversible: ReversibleVerdict;
}

/** A book line's history, oldest first, with reversal links and how far customs has seen each movement. */
export async function lineHistory(db: ZonebookDb, bookLineId: string): Promise<HistoryEntry[]> {
  const rows = await historyOfBookLine(db, bookLineId);
  const movementIds = rows.map((row) => row.movementId);
  const [reversed, outbox] = await Promise.all([
    reversedAmong(db, movementIds),
    db.outbox.bulkGet(movementIds),
  ]);
  return rows.map((row, index) => {
    const { movement } = row.entry;
    const reversedBy = reversed.get(row.movementId);
    const customsState = customsStateOf(outbox[index]);
    return {
      row,
      postings: row.entry.postings.filter((posting) => posting.bookLineId === bookLineId),
      customsState: kinds[movement.kind].declare ? customsState : 'none',
      reversedBy,
      reversible: checkReversible(movement, { customsState, reversedBy }),
    };
  });
}
