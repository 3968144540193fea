import { describe, expect, it, vi } from 'vitest';
import { catchUpLineHistory, historyOfBookLine, postMovements } from '../../../shared/store';
import { historyIndexedKey } from '../../../shared/store/line-history-pages';
import { deviceId, lineFor, lines, movement, recordedAt, seededStore } from './fixtures';

const options = { deviceId, recordedAt };
const receipt = (qty: string, lineIndex: number) =>
  movement('entryFromAbroad', [lineFor('entryFromAbroad', qty, lineIndex)]);
const bothLines = () =>
  movement('entryFromAbroad', [lineFor('entryFromAbroad', '1', 0), lineFor('entryFromAbroad', '2', 1)]);

type Db = Awaited<ReturnType<typeof seededStore>>;
const seqsOf = async (db: Db, lineIndex: number) =>
  (await historyOfBookLine(db, lines[lineIndex]!.id)).map((row) => row.localSeq);
const markOf = async (db: Db) => (await db.meta.get(historyIndexedKey))?.value;

describe('a book line’s history pages', () => {
  it('leave the history whole before they are written, and the same after', async () => {
    const db = await seededStore();
    await postMovements(db, [receipt('1', 0), bothLines()], options);
    await postMovements(db, [receipt('3', 1)], options);
    const before = [await seqsOf(db, 0), await seqsOf(db, 1)];
    expect(before).toEqual([
      [1, 2],
      [2, 3],
    ]);

    expect(await catchUpLineHistory(db)).toBe(3);
    expect(await markOf(db)).toBe(3);
    expect((await db.lineHistory.toArray()).flatMap((page) => page.localSeqs).sort()).toEqual([1, 2, 2, 3]);
    expect([await seqsOf(db, 0), await seqsOf(db, 1)]).toEqual(before);

    // Rows after the mark are read beside the pages, in merge order.
    await postMovements(db, [receipt('4', 0)], options);
    expect(await seqsOf(db, 0)).toEqual([1, 2, 4]);
    expect(await catchUpLineHistory(db)).toBe(1);
    expect(await catchUpLineHistory(db)).toBe(0);
    expect(await seqsOf(db, 0)).toEqual([1, 2, 4]);
  });

  it('are written by themselves after a pause in posting', async () => {
    const db = await seededStore();
    await postMovements(db, [receipt('1', 0)], options);
    await vi.waitFor(async () => expect(await markOf(db)).toBe(1), { timeout: 15_000, interval: 100 });
    expect(await db.lineHistory.toArray()).toEqual([
      { bookLineId: lines[0]!.id, firstLocalSeq: 1, localSeqs: [1] },
    ]);
  });

  it('are written after an import of thousands, the mark reaching its last row', async () => {
    const db = await seededStore();
    await postMovements(
      db,
      Array.from({ length: 2_100 }, () => receipt('1', 0)),
      options,
    );
    await vi.waitFor(async () => expect(await markOf(db)).toBe(2_100), { timeout: 15_000, interval: 100 });
    expect(await seqsOf(db, 0)).toEqual(Array.from({ length: 2_100 }, (_, i) => i + 1));
  });
});
