import Dexie from 'dexie';
import { IDBTransaction } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asStorageError,
  exportBackup,
  postMovement,
  rebuildBalances,
  restoreBackup,
  saveBookLines,
  StoreError,
} from '../../../shared/store';
import { bookLine, deviceId, dump, lineFor, movement, recordedAt, refusal, seededStore } from './fixtures';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('asStorageError', () => {
  it('turns an AbortError wrapping QuotaExceededError into StoreError storageFull', () => {
    const error = asStorageError(new Dexie.AbortError('Transaction aborted', quota()));
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'storageFull', message: expect.stringMatching(/disk is full/) });
    expect((error as StoreError).message).toMatch(/everything saved before is intact/);
  });

  it('also knows a bare QuotaExceededError, DOM or Dexie', () => {
    expect(asStorageError(quota())).toMatchObject({ code: 'storageFull' });
    expect(asStorageError(new Dexie.QuotaExceededError('full'))).toMatchObject({ code: 'storageFull' });
  });

  it('passes every other error through unchanged', () => {
    const abort = new Dexie.AbortError('aborted', new DOMException('x', 'ConstraintError'));
    expect(asStorageError(abort)).toBe(abort);
    const refused = new StoreError('shortfall', 'short');
    expect(asStorageError(refused)).toBe(refused);
    const plain = new Error('boom');
    expect(asStorageError(plain)).toBe(plain);
    expect(asStorageError(undefined)).toBeUndefined();
    expect(asStorageError('text')).toBe('text');
  });
});

interface FakeTransaction {
  _start(): void;
  _abort(errorName: string | null): void;
  _requests: unknown[];
  _state: string;
  error: unknown;
  mode: string;
  objectStoreNames: DOMStringList;
}

const transactionProto = IDBTransaction.prototype as unknown as FakeTransaction;
const start = transactionProto._start;
afterEach(() => {
  transactionProto._start = start;
});

/**
 * From now on every read-write transaction touching `table` fails when it would commit, the way a full
 * disk fails it: aborted, with QuotaExceededError as its error, every write of it rolled back.
 */
function fillTheDisk(table: string) {
  transactionProto._start = function (this: FakeTransaction) {
    const committing = this._requests.length === 0 && this._state !== 'finished' && !this.error;
    if (committing && this.mode === 'readwrite' && this.objectStoreNames.contains(table)) {
      this._abort('QuotaExceededError');
      return;
    }
    start.call(this);
  };
}

describe('a full disk', () => {
  it('refuses a post with storageFull, leaves nothing written, and the next post carries on', async () => {
    const db = await seededStore();
    const first = await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '10')]), {
      deviceId,
      recordedAt,
    });
    const before = await dump(db);

    fillTheDisk('journalEntries');
    const error = await refusal(
      postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '5')]), {
        deviceId,
        recordedAt,
      }),
    );
    expect(error.code).toBe('storageFull');
    transactionProto._start = start;
    expect(await dump(db)).toEqual(before);

    const next = await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '5')]), {
      deviceId,
      recordedAt,
    });
    expect(next).toMatchObject({ deviceSeq: 2, prevHash: first.hash });
  });

  it('refuses a restore with storageFull and keeps the database as it was', async () => {
    const source = await seededStore();
    await postMovement(source, movement('entryFromAbroad', [lineFor('entryFromAbroad', '10')]), {
      deviceId,
      recordedAt,
    });
    const text = await exportBackup(source);
    const target = await seededStore();
    const before = await dump(target);
    fillTheDisk('journalEntries');
    expect((await refusal(restoreBackup(target, text))).code).toBe('storageFull');
    transactionProto._start = start;
    expect(await dump(target)).toEqual(before);
  });

  it('refuses saving book lines with storageFull', async () => {
    const db = await seededStore();
    const before = await dump(db);
    fillTheDisk('bookLines');
    expect((await refusal(saveBookLines(db, [bookLine(9)]))).code).toBe('storageFull');
    transactionProto._start = start;
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a rebuild of the balances with storageFull and keeps the old ones', async () => {
    const db = await seededStore();
    await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '10')]), {
      deviceId,
      recordedAt,
    });
    const before = await dump(db);
    fillTheDisk('balances');
    expect((await refusal(rebuildBalances(db))).code).toBe('storageFull');
    transactionProto._start = start;
    expect(await dump(db)).toEqual(before);
  });
});
