import { installDemo } from '../../../shared/demo';
import { openingStockOf } from '../../../shared/store';
import { emptyStore } from './fixtures';

describe('openingStockOf', () => {
  it('gives each undeclared movement’s net custody per book line: stocktakes, cancelled pairs, no relocations', async () => {
    const db = await emptyStore();
    await installDemo(db, 'device-test', { seed: 1 });
    const told = (await openingStockOf(db, 'sandbox-state-1')).lines.map(
      ({ movementId, gdsSeqno, gdsMtno, qty, lawfQty }) => ({
        movementId,
        gdsSeqno,
        gdsMtno,
        qty,
        lawfQty,
      }),
    );
    const kindOf = new Map(
      (await db.journal.toArray()).map((row) => [row.movementId, row.entry.movement.kind]),
    );
    // The demo's one stocktake, and an entry reversed before it was declared with its reversal: the pair
    // cancels out, as on our own book. Its 17 relocations move nothing on customs' book.
    expect(told.map((entry) => ({ ...entry, kind: kindOf.get(entry.movementId) }))).toEqual([
      expect.objectContaining({ gdsSeqno: 58, qty: '356', lawfQty: '356', kind: 'entryFromAbroad' }),
      expect.objectContaining({ gdsSeqno: 58, qty: '-356', lawfQty: '-356', kind: 'reversal' }),
      expect.objectContaining({
        gdsSeqno: 41,
        gdsMtno: 'ZB0901-00041',
        qty: '401.31',
        kind: 'stocktakeAdjustment',
      }),
    ]);
  });
});
