import { packageReceipt, approval } from '../../shared/customs/support/receipts';
import { commonResponse, incoming, listPosted } from '../../shared/store/declarations-support';
import {
  applyReceipt,
  batchPending,
  markSent,
  type DeclarationRow,
  type ZonebookDb,
} from '../../../shared/store';
import { deviceId, post, seededStore } from '../inventory/stock-fixture';

export { commonResponse, incoming, listPosted };

export const now = () => new Date().toISOString();

/** customs' 退单 of a list: INV201 manageResult 3 with its reasons in CheckInfo notes. */
export const listRejected = (seqNo: string, reasons: readonly string[]) =>
  packageReceipt(
    'INV201',
    `${approval({ etpsPreentNo: seqNo, businessId: '', manageResult: '3' })}
    <CheckInfo>${reasons.map((reason) => `<note>${reason}</note>`).join('')}</CheckInfo>`,
    { id: `INV201-${seqNo}-rejected`, total: 1, current: 1 },
  );

export const shortfall =
  '第1项(CPU-9000，账册 T0101W000123 备案序号 1)：申报出区数量 20 超过底账可用余量 0，短少 20';

export type Seeded = Awaited<ReturnType<typeof seededStore>>;

/**
 * A book with 100 chips received from abroad and 20 shipped abroad, batched: an I list,
 * an E list and their two gate passes. The I list is sent; the E list is sent and customs rejected it
 * (退单, stock short).
 */
export async function withDocuments(): Promise<Seeded & { inList: DeclarationRow; outList: DeclarationRow }> {
  const s = await seededStore();
  await post(
    s.db,
    'entryFromAbroad',
    [{ bookLineId: s.chip.id, qty: '100', toLocationId: s.a01.id }],
    s.book.id,
  );
  await post(s.db, 'exitAbroad', [{ bookLineId: s.chip.id, qty: '20', fromLocationId: s.a01.id }], s.book.id);
  await batchPending(s.db, { deviceId, now: now() });
  const lists = await listsOf(s.db);
  const inList = lists.find((row) => row.ieFlag === 'I')!;
  const outList = lists.find((row) => row.ieFlag === 'E')!;
  await markSent(s.db, inList.id, { outcome: 'accepted' }, now());
  await markSent(s.db, outList.id, { outcome: 'accepted' }, now());
  await applyReceipt(s.db, incoming(commonResponse(outList.etpsInnerInvtNo, '202500000000000031')));
  await applyReceipt(s.db, incoming(listRejected('202500000000000031', [shortfall])));
  return { ...s, inList, outList };
}

export async function listsOf(db: ZonebookDb): Promise<DeclarationRow[]> {
  return (await db.declarations.toArray()).filter((row) => row.messageType === 'INV101');
}
