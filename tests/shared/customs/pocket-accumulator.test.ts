import fc from 'fast-check';
import {
  addPocket,
  emptyPocketAccumulator,
  type PocketAccumulator,
} from '../../../shared/customs/receipts/pocket-accumulator';
import { parseReceiptFile, type ReceiptPocket } from '../../../shared/customs/receipts/parse-receipt';
import type { Receipt } from '../../../shared/customs/receipts/receipt';
import { approval, packageReceipt } from './support/receipts';

const head = `<BondInvtBsc><bondInvtNo>QD010225I000001234</bondInvtNo><etpsInnerInvtNo>ZB-INV-1</etpsInnerInvtNo></BondInvtBsc>`;
const line = (seqno: number) =>
  `<BondInvtDt><gdsSeqno>${seqno}</gdsSeqno><dclQty>${seqno}.5</dclQty></BondInvtDt>`;

/** A receipt with `lines` lines split over `total` pockets: approval and head first, lines spread after. */
const pocketFiles = (pocketId: string, lines: number, total: number): string[] =>
  Array.from({ length: total }, (_, index) => {
    const mine = Array.from({ length: lines }, (_, n) => n + 1).filter((n) => (n - 1) % total === index);
    const body = `${index === 0 ? approval({ manageResult: '1' }) + head : ''}${mine.map(line).join('')}`;
    return packageReceipt('INV201', body, { id: pocketId, total, current: index + 1 });
  });

const asPocket = (xml: string): ReceiptPocket => {
  const file = parseReceiptFile(xml);
  if (!file.ok || file.value.kind !== 'pocket') throw new Error('expected a pocket');
  return file.value.pocket;
};

const feed = (pockets: readonly ReceiptPocket[]) => {
  let accumulator: PocketAccumulator = emptyPocketAccumulator;
  const receipts: Receipt[] = [];
  for (const pocket of pockets) {
    const added = addPocket(accumulator, pocket);
    accumulator = added.accumulator;
    if (added.receipt?.ok) receipts.push(added.receipt.value);
    else if (added.receipt) throw new Error(added.receipt.reason);
  }
  return { accumulator, receipts };
};

describe('pocket reassembly', () => {
  it('yields nothing until the last pocket, then the whole receipt in pocket order', () => {
    const [first, second, third] = pocketFiles('QD-1', 7, 3).map(asPocket);
    const { receipts, accumulator } = feed([third!, first!, second!]);
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0]!;
    expect(receipt.etpsInnerInvtNo).toBe('ZB-INV-1');
    expect(receipt.manageResult).toBe('1');
    expect(receipt.lines.map((record) => record.fields.gdsSeqno)).toEqual([
      '1',
      '4',
      '7',
      '2',
      '5',
      '3',
      '6',
    ]);
    expect(accumulator.pending).toEqual({});
  });

  it('yields each receipt exactly once, whatever the order and however many duplicates', () => {
    // Each split receipt, as pocket files, followed by a shuffled stream of them with repeats.
    const scenario = fc
      .array(fc.record({ lines: fc.integer({ min: 1, max: 12 }), total: fc.integer({ min: 2, max: 5 }) }), {
        minLength: 1,
        maxLength: 4,
      })
      .chain((shapes) => {
        const all = shapes.flatMap((shape, index) =>
          pocketFiles(`POCKET-${index}`, shape.lines, shape.total),
        );
        const withRepeats = fc
          .array(fc.nat({ max: all.length - 1 }), { maxLength: 10 })
          .map((repeats) => [...all, ...repeats.map((index) => all[index]!)]);
        return fc.tuple(
          fc.constant(shapes),
          withRepeats.chain((stream) => fc.shuffledSubarray(stream, { minLength: stream.length })),
        );
      });
    fc.assert(
      fc.property(scenario, ([shapes, stream]) => {
        const { receipts, accumulator } = feed(stream.map(asPocket));
        expect(receipts).toHaveLength(shapes.length);
        expect(accumulator.pending).toEqual({});
        for (const receipt of receipts) {
          const index = Number(receipt.pocket?.pocketId.split('-')[1]);
          const seqnos = receipt.lines.map((record) => Number(record.fields.gdsSeqno)).sort((a, b) => a - b);
          expect(seqnos).toEqual(Array.from({ length: shapes[index]!.lines }, (_, n) => n + 1));
          expect(receipt.etpsInnerInvtNo).toBe('ZB-INV-1');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps an incomplete split pending, and ignores a pocket beyond the announced count', () => {
    const [first, second] = pocketFiles('QD-2', 4, 3).map(asPocket);
    const stray = asPocket(pocketFiles('QD-2', 4, 5)[4]!);
    const { receipts, accumulator } = feed([first!, stray, second!]);
    expect(receipts).toEqual([]);
    expect(accumulator.pending['QD-2']).toHaveLength(2);
  });
});
