import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { postMovement, postMovements } from '../../../shared/store';
import {
  deviceId,
  dump,
  lineFor,
  lines,
  locations,
  movement,
  otherBookLine,
  otherLocation,
  recordedAt,
  refusal,
  seededStore,
} from './fixtures';

const options = { deviceId, recordedAt };
const receive = (qty: string, line = 0) =>
  movement('entryFromAbroad', [lineFor('entryFromAbroad', qty, line)]);

/** A store with 100 of line #1 at A-01 and 5 of line #2 at A-02, and a dump of it. */
async function stocked() {
  const db = await seededStore();
  await postMovements(
    db,
    [
      receive('100'),
      movement('entryFromAbroad', [lineFor('entryFromAbroad', '5', 1, locations[1]!.id, locations[1]!.id)]),
    ],
    options,
  );
  return { db, before: await dump(db) };
}

describe('a refused movement writes nothing', () => {
  it('names the field of a schema error', async () => {
    const { db, before } = await stocked();
    const tooPrecise = { ...receive('1'), lines: [{ ...lineFor('entryFromAbroad', '1.123456') }] };
    const error = await refusal(postMovement(db, tooPrecise, options));
    expect(error.code).toBe('invalid');
    expect(error.fields.map((f) => f.field)).toContain('lines[0].qty');
    expect(error.message).toMatch(/qty/);

    const zero = await refusal(
      postMovement(db, { ...receive('1'), lines: [lineFor('entryFromAbroad', '0')] }, options),
    );
    expect(zero.fields.map((f) => f.field)).toContain('lines[0].qty');

    const { customsDate: _dropped, ...noDate } = receive('1');
    const missing = await refusal(postMovement(db, noDate, options));
    expect(missing.fields.map((f) => f.field)).toContain('customsDate');

    const noLocation = await refusal(
      postMovement(db, { ...receive('1'), lines: [{ bookLineId: lines[0]!.id, qty: '1' }] }, options),
    );
    expect(noLocation.fields.map((f) => f.field)).toContain('lines[0].toLocationId');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a book line of another book', async () => {
    const { db, before } = await stocked();
    const error = await refusal(
      postMovement(
        db,
        movement('entryFromAbroad', [
          { bookLineId: otherBookLine.id, qty: '1', toLocationId: locations[0]!.id },
        ]),
        options,
      ),
    );
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual([
      {
        field: 'lines[0].bookLineId',
        message: expect.stringMatching(/Book line 1 \(MT-1\) belongs to another book, not T0101W000123/),
      },
    ]);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses an unknown book line, an unknown location, a location of another book and an unknown book', async () => {
    const { db, before } = await stocked();
    const unknownLine = await refusal(
      postMovement(
        db,
        movement('entryFromAbroad', [{ bookLineId: newId(), qty: '1', toLocationId: locations[0]!.id }]),
        options,
      ),
    );
    expect(unknownLine.fields[0]?.field).toBe('lines[0].bookLineId');

    const missingLocation = newId();
    const unknownLocation = await refusal(
      postMovement(
        db,
        movement('relocate', [lineFor('relocate', '1', 0, locations[0]!.id, missingLocation)]),
        options,
      ),
    );
    expect(unknownLocation.code).toBe('invalid');
    expect(unknownLocation.fields).toEqual([
      { field: 'lines[0].toLocationId', message: `Location ${missingLocation} does not exist` },
    ]);

    const foreign = await refusal(
      postMovement(
        db,
        movement('relocate', [lineFor('relocate', '1', 0, locations[0]!.id, otherLocation.id)]),
        options,
      ),
    );
    expect(foreign.fields[0]).toEqual({
      field: 'lines[0].toLocationId',
      message: expect.stringContaining('Location Z-99 belongs to another book'),
    });

    const unknownBook = await refusal(postMovement(db, { ...receive('1'), bookId: newId() }, options));
    expect(unknownBook.code).toBe('notFound');
    expect(unknownBook.fields[0]?.field).toBe('bookId');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a date outside the book’s validity', async () => {
    const { db, before } = await stocked();
    const late = movement('entryFromAbroad', [lineFor('entryFromAbroad', '1')], {
      occurredAt: '2028-01-01T01:00:00.000Z',
      customsDate: '20280101',
    });
    const error = await refusal(postMovement(db, late, options));
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual([
      {
        field: 'customsDate',
        message: 'Customs date 20280101 is outside the validity of book T0101W000123 (20250101–20271231)',
      },
    ]);
    // The last day of validity in Beijing is still inside, though it is the day before in UTC.
    const lastDay = movement('entryFromAbroad', [lineFor('entryFromAbroad', '1')], {
      occurredAt: '2027-12-31T15:59:59.000Z',
      customsDate: '20271231',
    });
    await expect(postMovement(db, lastDay, options)).resolves.toMatchObject({ deviceSeq: 3 });
    const early = movement('entryFromAbroad', [lineFor('entryFromAbroad', '1')], {
      occurredAt: '2024-12-31T15:59:59.000Z',
      customsDate: '20241231',
    });
    expect((await refusal(postMovement(db, early, options))).fields[0]?.field).toBe('customsDate');
    expect((await db.journal.count()) - before.journalEntries!.length).toBe(1);
  });

  it('refuses taking an in-zone balance below zero, naming the book line, the location and the shortfall', async () => {
    const { db, before } = await stocked();
    const error = await refusal(
      postMovement(db, movement('releaseDomestic', [lineFor('releaseDomestic', '100.5')]), options),
    );
    expect(error.code).toBe('shortfall');
    expect(error.message).toBe(
      'Not enough of book line #1 MT-1 at location A-01: 100 there, 100.5 needed, short by 0.5',
    );
    expect(error.fields).toEqual([{ field: 'lines', message: error.message }]);

    // Two lines of one movement drawing on the same balance count together.
    const twice = await refusal(
      postMovement(
        db,
        movement('relocate', [
          lineFor('relocate', '60', 0),
          lineFor('relocate', '60', 0, locations[0]!.id, locations[2]!.id),
        ]),
        options,
      ),
    );
    expect(twice.message).toMatch(/#1 MT-1 at location A-01: 100 there, 120 needed, short by 20/);

    // Stock at another location does not count.
    const elsewhere = await refusal(
      postMovement(db, movement('exitAbroad', [lineFor('exitAbroad', '1', 1, locations[0]!.id)]), options),
    );
    expect(elsewhere.message).toMatch(/#2 MT-2 at location A-01: 0 there, 1 needed, short by 1/);

    // A stocktake shortage is held to the same rule.
    const shortage = await refusal(
      postMovement(
        db,
        movement('stocktakeAdjustment', [lineFor('stocktakeAdjustment', '-6', 1, locations[1]!.id)]),
        options,
      ),
    );
    expect(shortage.code).toBe('shortfall');
    expect(shortage.message).toMatch(/#2 MT-2 at location A-02: 5 there, 6 needed, short by 1/);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses taking display stock below zero', async () => {
    const { db, before } = await stocked();
    const error = await refusal(
      postMovement(db, movement('displayReturn', [lineFor('displayReturn', '1')]), options),
    );
    expect(error.code).toBe('shortfall');
    expect(error.message).toMatch(/#1 MT-1 on display: 0 there, 1 needed, short by 1/);
    expect(await dump(db)).toEqual(before);
  });
});

describe('postMovements is all or none', () => {
  it('posts none when one movement among many is bad, and names which', async () => {
    const { db, before } = await stocked();
    const batch = [
      receive('1'),
      movement('relocate', [lineFor('relocate', '10')]),
      movement('releaseDomestic', [lineFor('releaseDomestic', '500')]),
      receive('2'),
    ];
    const error = await refusal(postMovements(db, batch, options));
    expect(error.code).toBe('shortfall');
    expect(error.message).toMatch(
      /^1 of 4 movements cannot be posted; nothing was posted\. movement 3: lines: /,
    );
    expect(error.fields.map((f) => f.field)).toEqual(['movement 3: lines']);
    expect(await dump(db)).toEqual(before);
  });

  it('names every movement at fault when several are', async () => {
    const { db, before } = await stocked();
    const batch = [
      receive('1'),
      { ...receive('1'), lines: [] },
      receive('2'),
      { ...receive('1'), kind: 'teleport' },
    ];
    const error = await refusal(postMovements(db, batch, options));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^2 of 4 movements/);
    const fields = error.fields.map((f) => f.field);
    expect(fields).toContain('movement 2: lines');
    expect(fields).toContain('movement 4: kind');
    expect(fields.some((f) => f.startsWith('movement 1') || f.startsWith('movement 3'))).toBe(false);

    const context = await refusal(
      postMovements(
        db,
        [
          receive('1'),
          receive('1'),
          movement('entryFromAbroad', [
            { bookLineId: otherBookLine.id, qty: '1', toLocationId: locations[0]!.id },
          ]),
        ],
        options,
      ),
    );
    expect(context.fields.map((f) => f.field)).toEqual(['movement 3: lines[0].bookLineId']);
    expect(await dump(db)).toEqual(before);
  });

  it('does not advance the device sequence after a refusal', async () => {
    const { db } = await stocked();
    await refusal(postMovements(db, [receive('1'), { ...receive('1'), lines: [] }], options));
    const next = await postMovement(db, receive('1'), options);
    expect(next.deviceSeq).toBe(3);
  });
});
