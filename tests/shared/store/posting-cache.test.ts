import { balanceKey, verifyJournal } from '../../../shared/ledger';
import {
  exportBackup,
  findBalanceDrift,
  openStore,
  postMovement,
  readBackupContent,
  restoreBackup,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
} from '../../../shared/store';
import { postingCacheOf } from '../../../shared/store/posting-cache';
import { book, lines, locations } from '../ledger/fixtures';
import { deviceId, enterprise, freshPlatform, lineFor, movement, recordedAt, refusal } from './fixtures';

const receive = (qty: string) => movement('entryFromAbroad', [lineFor('entryFromAbroad', qty)]);
const release = (qty: string) => movement('releaseDomestic', [lineFor('releaseDomestic', qty)]);

/** Two windows of the same workstation: two connections to one database, one device id. */
async function twoWindows() {
  const platform = freshPlatform();
  const first = await openStore(platform, 'zonebook-windows');
  await saveEnterprise(first, enterprise);
  await saveBook(first, book);
  await saveBookLines(first, lines);
  await saveLocations(first, locations);
  const second = await openStore(platform, 'zonebook-windows');
  return { first, second };
}

describe('what postings remember between them', () => {
  it('keeps one valid chain when two windows post in turn on one device', async () => {
    const { first, second } = await twoWindows();
    await postMovement(first, receive('10'), { deviceId, recordedAt });
    await postMovement(second, receive('20'), { deviceId, recordedAt });
    await postMovement(first, receive('30'), { deviceId, recordedAt });
    await postMovement(second, receive('40'), { deviceId, recordedAt });

    const rows = await first.journal.orderBy('localSeq').toArray();
    expect(rows.map((row) => [row.localSeq, row.deviceSeq])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(verifyJournal((await readBackupContent(first)).entries)).toMatchObject({
      ok: true,
      entryCount: 4,
    });
  });

  it('sees a change of the book made in another window', async () => {
    const { first, second } = await twoWindows();
    await postMovement(first, receive('10'), { deviceId, recordedAt });
    await saveBook(second, { ...book, finishValidDate: '20250131' });
    const error = await refusal(postMovement(first, receive('5'), { deviceId, recordedAt }));
    expect(error.fields).toContainEqual(expect.objectContaining({ field: 'customsDate' }));
  });

  it('chains correctly after a restore replaced the journal', async () => {
    const { first } = await twoWindows();
    await postMovement(first, receive('10'), { deviceId, recordedAt });
    const backup = await exportBackup(first);
    await postMovement(first, receive('20'), { deviceId, recordedAt });
    await postMovement(first, receive('30'), { deviceId, recordedAt });
    await restoreBackup(first, backup);
    const next = await postMovement(first, receive('40'), { deviceId, recordedAt });
    expect(next.deviceSeq).toBe(2);
    expect(verifyJournal((await readBackupContent(first)).entries)).toMatchObject({
      ok: true,
      entryCount: 2,
    });
  });

  it('still names a movement posted twice, from either window', async () => {
    const { first, second } = await twoWindows();
    const received = receive('10');
    await postMovement(first, received, { deviceId, recordedAt });
    const error = await refusal(postMovement(second, received, { deviceId, recordedAt }));
    expect(error.code).toBe('duplicate');
    expect(error.fields).toEqual([{ field: 'id', message: `Movement ${received.id} was already posted` }]);
  });
});

describe('what a window remembers, when it is out of date', () => {
  /** As if another window's report had not arrived yet: the remembered tail is one entry behind. */
  async function oneBehind(db: Awaited<ReturnType<typeof twoWindows>>['first']) {
    const firstRow = (await db.journal.orderBy('localSeq').first())!;
    const cache = postingCacheOf(db);
    cache.heads.set(deviceId, { deviceSeq: firstRow.deviceSeq, hash: firstRow.entry.hash });
    cache.tail = { localSeq: firstRow.localSeq, entryId: firstRow.id };
    return cache;
  }

  it('is caught by the unique journal key and the posting is retried from the journal as it is', async () => {
    const { first } = await twoWindows();
    await postMovement(first, receive('10'), { deviceId, recordedAt });
    await postMovement(first, receive('20'), { deviceId, recordedAt });
    await oneBehind(first);

    const third = await postMovement(first, receive('30'), { deviceId, recordedAt });
    expect(third.deviceSeq).toBe(3);
    expect(verifyJournal((await readBackupContent(first)).entries)).toMatchObject({
      ok: true,
      entryCount: 3,
    });
    expect(await findBalanceDrift(first)).toEqual([]);
  });

  it('does not let remembered balances hide a shortfall another window caused', async () => {
    const { first, second } = await twoWindows();
    await postMovement(first, receive('10'), { deviceId, recordedAt });
    const cache = postingCacheOf(first);
    const zone = balanceKey(lines[0]!.id, `zone:${locations[0]!.id}`);
    expect(cache.balances.get(zone)).toBe('10');
    await postMovement(second, release('8'), { deviceId, recordedAt });
    // As if the other window's report had not arrived: this window still believes 10 are there.
    cache.tail = { localSeq: 1, entryId: (await first.journal.get(1))!.id };
    cache.balances.set(zone, '10');
    cache.heads.set(deviceId, { deviceSeq: 1, hash: (await first.journal.get(1))!.entry.hash });

    const error = await refusal(postMovement(first, release('5'), { deviceId, recordedAt }));
    expect(error.code).toBe('shortfall');
    expect(await first.journal.count()).toBe(2);
    expect(await findBalanceDrift(first)).toEqual([]);
  });

  it('is caught when a restore elsewhere replaced the journal with one of the same length', async () => {
    const { first, second } = await twoWindows();
    await postMovement(first, receive('10'), { deviceId, recordedAt });
    const backup = await exportBackup(first);
    await restoreBackup(second, backup);
    await postMovement(second, receive('1'), { deviceId, recordedAt });
    const other = await exportBackup(second);
    await restoreBackup(second, backup);
    await restoreBackup(second, other.replace(/"qty":"1"/g, '"qty":"1"'));
    // The first window remembers a tail at localSeq 2 whose entry is not the one there now.
    const cache = postingCacheOf(first);
    cache.tail = { localSeq: 2, entryId: 'an-entry-that-is-gone' };
    cache.heads.set(deviceId, { deviceSeq: 2, hash: 'f'.repeat(64) });

    const next = await postMovement(first, receive('3'), { deviceId, recordedAt });
    expect(next.deviceSeq).toBe(3);
    expect(verifyJournal((await readBackupContent(first)).entries)).toMatchObject({
      ok: true,
      entryCount: 3,
    });
    expect(await findBalanceDrift(first)).toEqual([]);
  });

  it('is remembered after a posting of this window alone, balances included', async () => {
    const { first } = await twoWindows();
    const entry = await postMovement(first, receive('10'), { deviceId, recordedAt });
    const cache = postingCacheOf(first);
    expect(cache.heads.get(deviceId)).toEqual({ deviceSeq: 1, hash: entry.hash });
    expect(cache.tail).toEqual({ localSeq: 1, entryId: entry.id });
    expect(cache.balances.get(balanceKey(lines[0]!.id, `zone:${locations[0]!.id}`))).toBe('10');
  });
});
