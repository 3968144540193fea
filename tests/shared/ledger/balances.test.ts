import { describe, expect, it } from 'vitest';
import {
  applyPostings,
  balanceDeltas,
  balanceKey,
  balanceOf,
  balancesByCustody,
  checkInvariants,
  checkPostingAllowed,
  heldQuantity,
  postMovement,
  zoneAccount,
  type Balances,
} from '../../../shared/ledger';
import { lineFor, lines, locations, movement } from './fixtures';

const A01 = zoneAccount(locations[0]!.id);
const A02 = zoneAccount(locations[1]!.id);
const line = lines[0]!.id;

function post(balances: Balances, ...movements: Parameters<typeof postMovement>[0][]): Balances {
  return movements.reduce((b, m) => applyPostings(b, postMovement(m)), balances);
}

describe('balances', () => {
  const received = post(new Map(), movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')]));

  it('applies postings without touching the input and drops zero balances', () => {
    const empty: Balances = new Map();
    expect(received).not.toBe(empty);
    expect(empty.size).toBe(0);
    expect([...received]).toEqual([
      [balanceKey(line, 'abroad'), '-100'],
      [balanceKey(line, A01), '100'],
    ]);
    const relocatedAll = post(received, movement('relocate', [lineFor('relocate', '100')]));
    expect(relocatedAll.has(balanceKey(line, A01))).toBe(false);
    expect(balanceOf(relocatedAll, line, A02)).toBe('100');
  });

  it('tracks custody by location, display, processing and the held total', () => {
    const b = post(
      received,
      movement('relocate', [lineFor('relocate', '30')]),
      movement('displayOut', [lineFor('displayOut', '5')]),
      movement('processingOut', [lineFor('processingOut', '2.5')]),
      movement('releaseDomestic', [lineFor('releaseDomestic', '20')]),
    );
    expect(Object.fromEntries(balancesByCustody(b, line))).toEqual({
      abroad: '-100',
      [A01]: '42.5',
      [A02]: '30',
      display: '5',
      processing: '2.5',
      domestic: '20',
    });
    expect(heldQuantity(b, line)).toBe('80');
    expect(checkInvariants(b)).toEqual([]);
  });

  it('nets postings into one delta per book line and account', () => {
    const m = movement('relocate', [lineFor('relocate', '1'), lineFor('relocate', '2')]);
    expect(balanceDeltas(postMovement(m))).toEqual([
      { bookLineId: line, account: A01, delta: '-3' },
      { bookLineId: line, account: A02, delta: '3' },
    ]);
  });
});

describe('checkInvariants', () => {
  it('reports a book line that does not sum to zero and a custody account below zero, with the shortfall', () => {
    const broken: Balances = new Map([
      [balanceKey(line, A01), '-4.5'],
      [balanceKey(line, 'abroad'), '-1'],
    ]);
    expect(checkInvariants(broken)).toEqual([
      {
        rule: 'custodyNotNegative',
        bookLineId: line,
        account: A01,
        locationId: locations[0]!.id,
        shortfall: '4.5',
        message: `Book line ${line} is 4.5 short in ${A01}`,
      },
      {
        rule: 'bookLineSumsToZero',
        bookLineId: line,
        sum: '-5.5',
        message: `Book line ${line}'s accounts sum to -5.5, not zero`,
      },
    ]);
  });

  it('lets outside accounts go negative: that is where goods came from', () => {
    expect(
      checkInvariants(
        new Map([
          [balanceKey(line, 'abroad'), '-1'],
          [balanceKey(line, 'domestic'), '1'],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('checkPostingAllowed', () => {
  const stock = post(new Map(), movement('entryFromAbroad', [lineFor('entryFromAbroad', '5')]));
  const lookup = (b: Balances) => (bookLineId: string, account: Parameters<typeof balanceOf>[2]) =>
    balanceOf(b, bookLineId, account);

  it('allows taking what is there', () => {
    expect(
      checkPostingAllowed(postMovement(movement('exitAbroad', [lineFor('exitAbroad', '5')])), lookup(stock)),
    ).toEqual([]);
  });

  it('refuses taking more than a location holds, naming the book line, the location and the shortfall', () => {
    const m = movement('exitAbroad', [lineFor('exitAbroad', '3'), lineFor('exitAbroad', '5')]);
    const names = { bookLine: () => '#1 MT-1', location: () => 'A-01' };
    expect(checkPostingAllowed(postMovement(m), lookup(stock), names)).toEqual([
      {
        bookLineId: line,
        account: A01,
        locationId: locations[0]!.id,
        available: '5',
        required: '8',
        shortfall: '3',
        message: 'Not enough of book line #1 MT-1 at location A-01: 5 there, 8 needed, short by 3',
      },
    ]);
  });

  it('refuses returning from display what was never sent there', () => {
    const [shortfall] = checkPostingAllowed(
      postMovement(movement('displayReturn', [lineFor('displayReturn', '1')])),
      lookup(stock),
    );
    expect(shortfall?.message).toBe(
      `Not enough of book line ${line} on display: 0 there, 1 needed, short by 1`,
    );
  });

  it('refuses a stocktake shortage larger than the stock', () => {
    const m = movement('stocktakeAdjustment', [lineFor('stocktakeAdjustment', '-6')]);
    expect(checkPostingAllowed(postMovement(m), lookup(stock))[0]?.shortfall).toBe('1');
  });
});
