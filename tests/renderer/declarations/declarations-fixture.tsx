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

/**
 * The 退单 reason the sandbox customs gives a list line whose 规格型号 is a free description rather than
 * the declaration elements (electron/customs/sandbox/list-review.ts), word for word for this list's chip
 * line ('BGA封装'): a reason the officer fixes in the workbench by correcting the 规格型号.
 */
export const elementsIncomplete =
  '第1项(CPU-9000，备案序号 1)：规格型号“BGA封装”未按申报要素申报，应以“|”分隔填报品牌类型、出口享惠情况、品牌、型号等要素，请修改规格型号后重新申报 (gdsSpcfModelDesc lacks the declaration elements: give at least 2, separated by "|")';

export type Seeded = Awaited<ReturnType<typeof seededStore>>;

/**
 * A book whose chip line opens with 20 on customs' book, then 100 chips received from abroad and 20
 * shipped abroad, batched: an I list, an E list and their two gate passes. The opening stock covers the
 * shipment, so the E list is not held for customs' book (awaitingInboundPosting) and goes out with the
 * I list. Both are sent; customs rejects the E list (退单) because the chip's 规格型号 lacks the
 * declaration elements, in the sandbox customs' own words.
 */
export async function withDocuments(): Promise<Seeded & { inList: DeclarationRow; outList: DeclarationRow }> {
  const s = await seededStore();
  await post(
    s.db,
    'stocktakeAdjustment',
    [{ bookLineId: s.chip.id, qty: '20', toLocationId: s.a01.id }],
    s.book.id,
  );
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
  await applyReceipt(s.db, incoming(listRejected('202500000000000031', [elementsIncomplete])));
  return { ...s, inList, outList };
}

export async function listsOf(db: ZonebookDb): Promise<DeclarationRow[]> {
  return (await db.declarations.toArray()).filter((row) => row.messageType === 'INV101');
}
