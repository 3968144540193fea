import { describe, expect, it } from 'vitest';
import type { Sas101Document } from '../../../shared/customs/model/sas101';
import type { Sas111Document } from '../../../shared/customs/model/sas111';
import type { Sas121Document } from '../../../shared/customs/model/sas121';
import {
  applyReceipt,
  batchPending,
  changeDocument,
  heldMovements,
  markSent,
  postMovements,
  reconcileBook,
  withdrawDocument,
  type DeclarationRow,
  type ZonebookDb,
} from '../../../shared/store';
import {
  commonResponse,
  formDecision,
  gatePassed,
  incoming,
  now,
  passApproval,
  slipDecision,
} from './declarations-support';
import { book, deviceId, lineFor, movement, recordedAt, seededStore } from './fixtures';

const processor = { name: '北京示例维修有限公司', sccd: '913302017532977856', etpsno: '1105960XYZ' };
const FORM_SEQ = '202500000000000101';
const FORM_NO = 'SB010125E000000001';
const SLIP_SEQ = '202500000000000102';
const SLIP_NO = 'CK010125E000000001';
const PASS_SEQ = '202500000000000103';
const PASS_NO = 'Z0101E250302000000000001';

/** A store where goods came in and then went out for repair: the entry is a list, the repair is held. */
async function storeWithRepair(): Promise<{ db: ZonebookDb; repairId: string }> {
  const db = await seededStore();
  const repair = movement('processingOut', [lineFor('processingOut', '2', 0)], { counterparty: processor });
  await postMovements(db, [movement('entryFromAbroad', [lineFor('entryFromAbroad', '5', 0)]), repair], {
    deviceId,
    recordedAt,
  });
  return { db, repairId: repair.id };
}

const ofType = async (db: ZonebookDb, type: DeclarationRow['messageType']) =>
  (await db.declarations.toArray())
    .filter((row) => row.messageType === type)
    .sort((a, b) => a.id.localeCompare(b.id));

const journalOf = async (db: ZonebookDb, movementId: string) =>
  db.journal.where('movementId').equals(movementId).first();

/** Sends the form and has customs approve it. */
async function approveForm(db: ZonebookDb): Promise<DeclarationRow> {
  const [form] = await ofType(db, 'SAS101');
  await markSent(db, form!.id, { outcome: 'accepted' }, now);
  await applyReceipt(db, incoming(commonResponse(form!.etpsInnerInvtNo, FORM_SEQ)));
  const verdict = await applyReceipt(db, incoming(formDecision(FORM_SEQ, FORM_NO)));
  expect(verdict).toMatchObject({ kind: 'applied', outcome: 'approved', released: [form!.id] });
  return (await db.declarations.get(form!.id))!;
}

describe('the 业务申报表 chain in the store', () => {
  it('stores a 业务申报表 ready to send and keeps the movement pending, with the reason, until it is approved', async () => {
    const { db, repairId } = await storeWithRepair();
    const batched = await batchPending(db, { deviceId, now });
    expect(batched.held).toEqual([
      expect.objectContaining({ movementId: repairId, code: 'awaitingBusinessDeclaration' }),
    ]);
    const [form] = await ofType(db, 'SAS101');
    expect(form).toMatchObject({
      ieFlag: 'E',
      outboxState: 'ready',
      state: { status: 'queued' },
      movementIds: [],
      bookId: book.id,
    });
    expect(form!.importXml).toContain('<AppMessage>');
    expect(form!.schemaXml).toContain('<SasDclBsc>');
    expect(await journalOf(db, repairId)).toMatchObject({ declareStatus: 'pending' });

    // Batching again makes no second form while the first is with customs.
    await batchPending(db, { deviceId, now });
    expect(await ofType(db, 'SAS101')).toHaveLength(1);
    expect(await heldMovements(db, { now })).toEqual([
      expect.objectContaining({ movementId: repairId, code: 'awaitingBusinessDeclaration' }),
    ]);
  });

  it('declares the 出入库单 once the form is approved, releases its pass when customs numbers the slip, and settles at the gate', async () => {
    const { db, repairId } = await storeWithRepair();
    await batchPending(db, { deviceId, now });
    const form = await approveForm(db);
    expect(form).toMatchObject({ preEntryNo: FORM_SEQ, customsNo: FORM_NO, state: { status: 'approved' } });
    expect((form.document as Sas101Document).head.sasDclNo).toBe(FORM_NO);

    const batched = await batchPending(db, { deviceId, now });
    expect(batched.held).toEqual([]);
    const [slip] = await ofType(db, 'SAS111');
    const [pass] = (await ofType(db, 'SAS121')).filter((row) => row.listId === slip!.id);
    expect(slip).toMatchObject({
      formId: form.id,
      outboxState: 'ready',
      movementIds: [repairId],
      ieFlag: 'E',
    });
    expect((slip!.document as Sas111Document).head.sasDclNo).toBe(FORM_NO);
    expect(pass).toMatchObject({
      outboxState: 'waiting',
      state: { status: 'draft' },
      movementIds: [repairId],
    });
    expect(await journalOf(db, repairId)).toMatchObject({ declareStatus: 'batched', documentId: slip!.id });

    await markSent(db, slip!.id, { outcome: 'accepted' }, now);
    expect(await journalOf(db, repairId)).toMatchObject({ declareStatus: 'declared' });
    await applyReceipt(db, incoming(commonResponse(slip!.etpsInnerInvtNo, SLIP_SEQ)));
    const approved = await applyReceipt(db, incoming(slipDecision(SLIP_SEQ, SLIP_NO)));
    expect(approved).toMatchObject({ kind: 'applied', outcome: 'approved', released: [pass!.id] });
    const released = (await db.declarations.get(pass!.id))!;
    expect(released).toMatchObject({ outboxState: 'ready', state: { status: 'queued' } });
    expect((released.document as Sas121Document).head).toMatchObject({ rltTbTypecd: '2', rltNo: SLIP_NO });
    expect(released.importXml).toContain(`<RltNo>${SLIP_NO}</RltNo>`);

    await markSent(db, pass!.id, { outcome: 'accepted' }, now);
    await applyReceipt(db, incoming(commonResponse(pass!.etpsInnerInvtNo, PASS_SEQ)));
    await applyReceipt(db, incoming(passApproval(PASS_SEQ, PASS_NO)));
    await applyReceipt(db, incoming(gatePassed(PASS_SEQ, PASS_NO, SLIP_NO)));
    expect((await db.declarations.get(pass!.id))?.state.status).toBe('gatePassed');
    expect((await db.declarations.get(slip!.id))?.state.status).toBe('gatePassed');

    // A late 转人工 and a repeated approval change nothing.
    await applyReceipt(db, incoming(slipDecision(SLIP_SEQ, SLIP_NO, '2', '2025-03-14 09:00:00')));
    await applyReceipt(db, incoming(formDecision(FORM_SEQ, FORM_NO, '2', '2025-03-14 09:00:00')));
    expect((await db.declarations.get(slip!.id))?.state.status).toBe('gatePassed');
    expect((await db.declarations.get(form.id))?.state.status).toBe('approved');
  });

  it('applies the form’s approval when it overtakes the client’s answer', async () => {
    const { db } = await storeWithRepair();
    await batchPending(db, { deviceId, now });
    const [form] = await ofType(db, 'SAS101');
    await markSent(db, form!.id, { outcome: 'accepted' }, now);
    expect(await applyReceipt(db, incoming(formDecision(FORM_SEQ, FORM_NO)))).toMatchObject({
      kind: 'unmatched',
    });
    const answered = await applyReceipt(db, incoming(commonResponse(form!.etpsInnerInvtNo, FORM_SEQ)));
    expect(answered).toMatchObject({ kind: 'applied', released: [form!.id] });
    expect((await db.declarations.get(form!.id))?.state.status).toBe('approved');
  });

  it('takes a rejected form or slip to the workbench: re-declared under the same number', async () => {
    const { db } = await storeWithRepair();
    await batchPending(db, { deviceId, now });
    const [form] = await ofType(db, 'SAS101');
    await markSent(db, form!.id, { outcome: 'accepted' }, now);
    await applyReceipt(db, incoming(commonResponse(form!.etpsInnerInvtNo, FORM_SEQ)));
    await applyReceipt(db, incoming(formDecision(FORM_SEQ, FORM_NO, '3')));
    expect((await db.declarations.get(form!.id))?.state.status).toBe('rejected');
    const held = await batchPending(db, { deviceId, now });
    expect(held.held[0]?.reason).toMatch(/退单/);

    const fixed = await changeDocument(
      db,
      form!.id,
      (document) =>
        document.kind === 'SAS101' ? { ...document, head: { ...document.head, rmk: '已补充' } } : document,
      { now },
    );
    expect(fixed).toMatchObject({
      etpsInnerInvtNo: form!.etpsInnerInvtNo,
      outboxState: 'ready',
      state: { status: 'queued' },
    });
    expect(fixed.importXml).toContain('<Rmk>已补充</Rmk>');
  });

  it('returns a withdrawn slip’s movements to pending, to be declared again under a new number', async () => {
    const { db, repairId } = await storeWithRepair();
    await batchPending(db, { deviceId, now });
    await approveForm(db);
    await batchPending(db, { deviceId, now });
    const [slip] = await ofType(db, 'SAS111');
    await withdrawDocument(db, slip!.id, 'wrong processor', { now });
    expect(await journalOf(db, repairId)).toMatchObject({ declareStatus: 'pending' });
    expect(await db.declarations.where('listId').equals(slip!.id).first()).toMatchObject({
      state: { status: 'withdrawn' },
    });
    await batchPending(db, { deviceId, now });
    const slips = await ofType(db, 'SAS111');
    expect(slips).toHaveLength(2);
    expect(slips[1]!.etpsInnerInvtNo).not.toBe(slip!.etpsInnerInvtNo);
    expect(await journalOf(db, repairId)).toMatchObject({
      declareStatus: 'batched',
      documentId: slips[1]!.id,
    });
  });

  it('refuses to close a form while a slip under it is still on its way', async () => {
    const { db } = await storeWithRepair();
    await batchPending(db, { deviceId, now });
    const form = await approveForm(db);
    await batchPending(db, { deviceId, now });
    await expect(withdrawDocument(db, form.id, 'business over', { now })).rejects.toThrow(/出入库单/);
  });

  it('reconciles goods out for repair as still on the book: nothing for customs to post', async () => {
    const { db } = await storeWithRepair();
    await batchPending(db, { deviceId, now });
    await approveForm(db);
    await batchPending(db, { deviceId, now });
    const [line] = await reconcileBook(db, book.id);
    // 5 came in, 2 went out for repair: our custody still sums to 5, and only the entry awaits customs.
    expect(line).toMatchObject({ projected: '5', awaitingDeclaration: '5', awaitingPosting: '0' });
    expect(await heldMovements(db, { now })).toEqual([]);
  });
});
