import { verifyJournal } from '../../../shared/ledger';
import {
  exportBackup,
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

describe('a stale journal tail', () => {
  it('is caught by the unique indexes and the posting is retried from the journal as it is', async () => {
    const { first } = await twoWindows();
    await postMovement(first, receive('10'), { deviceId, recordedAt });
    await postMovement(first, receive('20'), { deviceId, recordedAt });
    // As if another window's report had not arrived yet: the remembered tail is one entry behind.
    const first1 = (await first.journal.orderBy('localSeq').first())!;
    const cache = postingCacheOf(first);
    cache.heads.set(deviceId, { deviceSeq: first1.deviceSeq, hash: first1.entry.hash });
    cache.lastLocalSeq = first1.localSeq;

    const third = await postMovement(first, receive('30'), { deviceId, recordedAt });
    expect(third.deviceSeq).toBe(3);
    expect(verifyJournal((await readBackupContent(first)).entries)).toMatchObject({
      ok: true,
      entryCount: 3,
    });
  });

  it('is remembered after a posting of this window alone', async () => {
    const { first } = await twoWindows();
    const entry = await postMovement(first, receive('10'), { deviceId, recordedAt });
    expect(postingCacheOf(first).heads.get(deviceId)).toEqual({ deviceSeq: 1, hash: entry.hash });
  });
});
