import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import {
  deviceHead,
  exportBackup,
  findBalanceDrift,
  historyOfBookLine,
  postMovement,
  postMovements,
  queuedPending,
  readBackup,
  restoreBackup,
  type ZonebookDb,
} from '../../../shared/store';
import {
  deviceId,
  dump,
  emptyStore,
  lineFor,
  locations,
  movement,
  recordedAt,
  refusal,
  reversalOf,
  seededStore,
  setDeclareStatus,
} from './fixtures';

const exportedAt = '2025-03-02T00:00:00.000Z';
const options = { deviceId, recordedAt };

/** A store with master data, a journal mixing kinds (a reversal included) and outbox rows in each state. */
async function busyStore(): Promise<ZonebookDb> {
  const db = await seededStore();
  const received = movement(
    'entryFromAbroad',
    [lineFor('entryFromAbroad', '100'), lineFor('entryFromAbroad', '3.5', 1)],
    {
      note: '首批到货 "quoted" \\ and a\nnewline',
    },
  );
  const relocated = movement('relocate', [lineFor('relocate', '30')]);
  const released = movement('releaseDomestic', [lineFor('releaseDomestic', '20')]);
  const displayed = movement('displayOut', [lineFor('displayOut', '1.25', 1)]);
  await postMovements(db, [received, relocated, released, displayed], options);
  await postMovement(db, reversalOf(relocated), options);
  await postMovement(db, movement('stocktakeAdjustment', [lineFor('stocktakeAdjustment', '-0.00001', 0)]), {
    deviceId: 'device-second',
    recordedAt,
  });
  await setDeclareStatus(db, received.id, 'declared');
  await setDeclareStatus(db, released.id, 'batched');
  return db;
}

/** The tables a restore brings back; meta differs, as each database keeps its own device id. */
/**
 * What a restore must give back. The outbox queue and the history pages are grouped by how the rows
 * were written (a posting at a time, or one restore), so they are compared by what they find.
 */
async function restoredTables(db: ZonebookDb) {
  const { meta: _meta, outboxQueue: _queue, lineHistory: _pages, ...rest } = await dump(db);
  const lineIds = (await db.bookLines.toCollection().primaryKeys()).sort();
  return {
    ...rest,
    pending: (await queuedPending(db)).rows.map((row) => row.localSeq),
    histories: await Promise.all(
      lineIds.map(async (id) => (await historyOfBookLine(db, id)).map((row) => row.localSeq)),
    ),
  };
}

describe('exportBackup and restoreBackup', () => {
  it('round-trip byte for byte into a fresh database', async () => {
    const source = await busyStore();
    const text = await exportBackup(source, exportedAt);
    const lines = text.split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'zonebook-backup', version: 1, exportedAt });
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ record: 'end' });
    expect(text.endsWith('\n')).toBe(true);

    const target = await emptyStore();
    await expect(restoreBackup(target, text)).resolves.toEqual({ entries: 6, bookLines: 4 });
    expect(await exportBackup(target, exportedAt)).toBe(text);
    expect(await restoredTables(target)).toEqual(await restoredTables(source));
    expect(await findBalanceDrift(target)).toEqual([]);
    expect(await deviceHead(target, deviceId)).toEqual(await deviceHead(source, deviceId));
    expect(await deviceHead(target, 'device-second')).toEqual(await deviceHead(source, 'device-second'));
  });

  it('lets the restored device chain carry on where it stopped', async () => {
    const source = await busyStore();
    const target = await emptyStore();
    await restoreBackup(target, await exportBackup(source, exportedAt));
    const next = await postMovement(
      target,
      movement('entryFromAbroad', [lineFor('entryFromAbroad', '1')]),
      options,
    );
    expect(next.deviceSeq).toBe(6);
    expect(next.prevHash).toBe((await deviceHead(source, deviceId))?.hash);
    expect(readBackup(await exportBackup(target, exportedAt)).ok).toBe(true);
  });

  it('replaces what the target held', async () => {
    const target = await busyStore();
    await postMovement(target, movement('entryFromAbroad', [lineFor('entryFromAbroad', '9', 2)]), options);
    const source = await seededStore();
    await postMovement(source, movement('entryFromAbroad', [lineFor('entryFromAbroad', '1')]), options);
    const text = await exportBackup(source, exportedAt);
    await restoreBackup(target, text);
    expect(await exportBackup(target, exportedAt)).toBe(text);
    expect(await restoredTables(target)).toEqual(await restoredTables(source));
    expect(await deviceHead(target, 'device-second')).toBeNull();
  });

  it('writes a file that restores when this device drew on and reversed another device’s movements', async () => {
    // Device z (its id sorts last) received the goods; after a restore, device a relocates, releases and
    // reverses — so the file must keep the order the entries were taken in, not the order of device ids.
    const first = await seededStore();
    const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '10')]);
    const other = movement('entryFromAbroad', [lineFor('entryFromAbroad', '5', 1)]);
    await postMovements(first, [received, other], { deviceId: 'zz-first-workstation', recordedAt });
    const second = await emptyStore();
    await restoreBackup(second, await exportBackup(first, exportedAt));
    await postMovement(second, reversalOf(other), { deviceId: 'aa-second-workstation', recordedAt });
    await postMovement(second, movement('releaseDomestic', [lineFor('releaseDomestic', '10')]), {
      deviceId: 'aa-second-workstation',
      recordedAt,
    });

    const text = await exportBackup(second, exportedAt);
    const verdict = readBackup(text);
    expect(verdict.ok ? 'ok' : verdict.reason).toBe('ok');
    const third = await emptyStore();
    await restoreBackup(third, text);
    expect(await exportBackup(third, exportedAt)).toBe(text);
  });

  it('refuses a broken file with StoreError brokenBackup naming the line, and leaves the target as it was', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    const target = await busyStore();
    await postMovement(target, movement('entryFromAbroad', [lineFor('entryFromAbroad', '9', 2)]), options);
    const before = await dump(target);

    const lines = text.split('\n');
    const entryLine = lines.findIndex(
      (line) => line.includes('"record":"entry"') && line.includes('"qty":"30"'),
    );
    expect(entryLine).toBeGreaterThan(0);
    lines[entryLine] = lines[entryLine]!.replace('"qty":"30"', '"qty":"31"');
    const error = await refusal(restoreBackup(target, lines.join('\n')));
    expect(error.code).toBe('brokenBackup');
    expect(error.message).toMatch(
      new RegExp(`^The backup is broken at line ${entryLine + 1}: .*Nothing was restored\\.$`),
    );
    expect(error.fields[0]?.field).toBe(`line ${entryLine + 1}`);
    expect(await dump(target)).toEqual(before);

    const garbage = await refusal(restoreBackup(target, 'not a backup\n'));
    expect(garbage.code).toBe('brokenBackup');
    expect(await dump(target)).toEqual(before);
  });
});

describe('readBackup', () => {
  it('names the journal entry that breaks, by its line', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    const lines = text.split('\n');
    const at = lines.findIndex(
      (line) => line.includes('"kind":"relocate"') && line.includes('"record":"entry"'),
    );
    const changed = [...lines];
    changed[at] = lines[at]!.replace('"qty":"30"', '"qty":"29"');
    expect(readBackup(changed.join('\n'))).toMatchObject({ ok: false, line: at + 1 });
  });

  it('names the line an editor reformatted', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes('"record":"location"'));
    const changed = [...lines];
    changed[at] = JSON.stringify(JSON.parse(lines[at]!), null, 1).replace(/\n/g, ' ');
    expect(readBackup(changed.join('\n'))).toMatchObject({
      ok: false,
      line: at + 1,
      reason: expect.stringMatching(/canonical/),
    });
  });

  it('refuses a changed master-data line, which no journal hash covers', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    const changed = text.replace('处理器集成电路', '处理器集成电容');
    expect(changed).not.toBe(text);
    const verdict = readBackup(changed);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/digest/);
  });

  it('refuses a file with a line removed or two lines swapped', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    const lines = text.split('\n');
    const entries = lines.flatMap((line, i) => (line.includes('"record":"entry"') ? [i] : []));
    const removed = lines.filter((_, i) => i !== entries[2]);
    expect(readBackup(removed.join('\n')).ok).toBe(false);
    const swapped = [...lines];
    [swapped[entries[1]!], swapped[entries[2]!]] = [lines[entries[2]!]!, lines[entries[1]!]!];
    expect(readBackup(swapped.join('\n')).ok).toBe(false);
    const extraLocation = [...lines];
    extraLocation.splice(
      entries[0]!,
      0,
      JSON.stringify({ record: 'location', value: { ...locations[0], id: newId() } }),
    );
    expect(readBackup(extraLocation.join('\n')).ok).toBe(false);
  });

  it('rejects any single-byte change, with a line number', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    const bytes = new TextEncoder().encode(text);
    const lineCount = text.split('\n').length - 1;
    expect(readBackup(text).ok).toBe(true);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, delta) => {
        const changed = bytes.slice();
        changed[position] = (bytes[position]! + delta) % 256;
        const verdict = readBackup(new TextDecoder().decode(changed));
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) {
          expect(verdict.line).toBeGreaterThanOrEqual(1);
          expect(verdict.line).toBeLessThanOrEqual(lineCount + 1);
          expect(verdict.reason).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a file cut off anywhere', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), (length) => {
        const verdict = readBackup(text.slice(0, length));
        expect(verdict.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    const lines = text.split('\n');
    const atLineEnd = `${lines.slice(0, -3).join('\n')}\n`;
    expect(readBackup(atLineEnd)).toMatchObject({ ok: false, reason: expect.stringMatching(/cut off/) });
    expect(readBackup(text.slice(0, -1))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cut off/),
    });
    expect(readBackup('')).toMatchObject({ ok: false });
  });

  it('refuses a restore of a cut-off file and writes nothing', async () => {
    const text = await exportBackup(await busyStore(), exportedAt);
    const target = await emptyStore();
    const before = await dump(target);
    const lines = text.split('\n');
    const error = await refusal(restoreBackup(target, `${lines.slice(0, -2).join('\n')}\n`));
    expect(error.code).toBe('brokenBackup');
    expect(error.message).toMatch(/cut off/);
    expect(await dump(target)).toEqual(before);
  });
});
