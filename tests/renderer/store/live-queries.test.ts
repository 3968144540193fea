import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { historyOfBookLine, postMovement } from '../../../shared/store';
import { lines } from '../../shared/ledger/fixtures';
import { deviceId, lineFor, movement, recordedAt, seededStore } from '../../shared/store/fixtures';

/** A live query's values as they come, and a way to wait for one. */
function watch<T>(query: () => Promise<T>) {
  const values: T[] = [];
  const waiting: { until: (value: T) => boolean; resolve: (value: T) => void }[] = [];
  const subscription = liveQuery(query).subscribe((value) => {
    values.push(value);
    for (const wait of [...waiting]) {
      if (!wait.until(value)) continue;
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve(value);
    }
  });
  return {
    values,
    next: (until: (value: T) => boolean) =>
      new Promise<T>((resolve) => {
        const found = values.find(until);
        if (found !== undefined) resolve(found);
        else waiting.push({ until, resolve });
      }),
    stop: () => subscription.unsubscribe(),
  };
}

// Here, not beside the store's other tests: Dexie's live queries run in a browser-like environment only.
describe('live queries over what postings write', { timeout: 30_000 }, () => {
  it('follow each posting, although posting writes past Dexie', async () => {
    const db = await seededStore();
    const balances = watch(() => db.balances.toArray().then((rows) => rows.map((row) => row.qty).sort()));
    const history = watch(() => historyOfBookLine(db, lines[0]!.id));
    // Both have answered for the empty book before anything is posted.
    await balances.next((qtys) => qtys.length === 0);
    await history.next((rows) => rows.length === 0);

    await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '10')]), {
      deviceId,
      recordedAt,
    });
    expect(await balances.next((qtys) => qtys.length > 0)).toEqual(['10']);
    await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '5')]), {
      deviceId,
      recordedAt,
    });
    expect(await balances.next((qtys) => qtys.includes('15'))).toEqual(['15']);
    expect((await history.next((rows) => rows.length === 2)).map((row) => row.localSeq)).toEqual([1, 2]);
    balances.stop();
    history.stop();
  });
});
