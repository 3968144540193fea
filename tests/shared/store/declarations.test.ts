import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterAllocator } from '../../../shared/customs/batching';
import { statusRank } from '../../../shared/customs/lifecycle/document-status';
import type { CustomsDocumentModel } from '../../../shared/customs/model/customs-document';
import type { Inv101Document } from '../../../shared/customs/model/inv101';
import type { Sas121Document } from '../../../shared/customs/model/sas121';
import { customsDateOf } from '../../../shared/domain';
import {
  applyReceipt,
  batchPending,
  changeDocument,
  createStoreSyncEffects,
  markSent,
  nextReadyDocuments,
  outgoingMessageOf,
  park,
  postMovements,
  queuedPending,
  reconcileBook,
  recordFailure,
  unpark,
  withdrawDocument,
  type ZonebookDb,
} from '../../../shared/store';
import { receiptsDir } from '../customs/support/paths';
import {
  commonResponse,
  gatePassed,
  incoming,
  listApproval,
  listPosted,
  listPrePosted,
  now,
  passApproval,
} from './declarations-support';
import {
  book,
  deviceId,
  dump,
  lineFor,
  movement,
  recordedAt,
  refusal,
  reversalOf,
  seededStore,
} from './fixtures';

/** A store with two entries from abroad (book lines 1 and 2) and one release to a buyer, all pending. */
async function storeWithPending(): Promise<ZonebookDb> {
  const db = await seededStore();
  await postMovements(
    db,
    [
      movement('entryFromAbroad', [lineFor('entryFromAbroad', '5', 0), lineFor('entryFromAbroad', '3', 1)]),
      movement('entryFromAbroad', [lineFor('entryFromAbroad', '2.5', 0)]),
      movement('relocate', [lineFor('relocate', '1', 0)]),
    ],
    { deviceId, recordedAt },
  );
  return db;
}

const rowsOf = async (db: ZonebookDb) =>
  (await db.declarations.toArray()).sort((a, b) => a.id.localeCompare(b.id));

describe('batchPending', () => {
  it('stores a list and its waiting gate pass, marks the movements batched with the list, and is idempotent', async () => {
    const db = await storeWithPending();
    const first = await batchPending(db, { deviceId, now });
    expect(first.documentIds).toHaveLength(2);
    const [list, pass] = await rowsOf(db);
    expect(list).toMatchObject({ messageType: 'INV101', outboxState: 'ready', state: { status: 'queued' } });
    expect(pass).toMatchObject({ messageType: 'SAS121', outboxState: 'waiting', listId: list!.id });
    expect((list!.document as Inv101Document).lines.map((l) => [l.putrecSeqno, l.dclQty])).toEqual([
      [1, '7.5'],
      [2, '3'],
    ]);
    expect(list!.importXml).toContain(`<EtpsInnerInvtNo>${list!.etpsInnerInvtNo}</EtpsInnerInvtNo>`);
    expect(list!.schemaXml).toContain(`<etpsInnerInvtNo>${list!.etpsInnerInvtNo}</etpsInnerInvtNo>`);
    const journal = await db.journal.toArray();
    expect(
      journal.filter((r) => r.kind === 'entryFromAbroad').map((r) => [r.declareStatus, r.documentId]),
    ).toEqual([
      ['batched', list!.id],
      ['batched', list!.id],
    ]);
    expect(journal.find((r) => r.kind === 'relocate')?.declareStatus).toBeUndefined();

    const before = await dump(db);
    expect(await batchPending(db, { deviceId, now })).toEqual({ documentIds: [], held: [] });
    expect(await dump(db)).toEqual(before);
    expect(await nextReadyDocuments(db)).toEqual({
      documents: [{ documentId: list!.id, etpsInnerInvtNo: list!.etpsInnerInvtNo, failedAttempts: 0 }],
      parkedCount: 0,
    });
  });

  it('finds pending movements posted since its last pass and leaves none queued once all are batched', async () => {
    const db = await storeWithPending();
    const mistaken = movement('entryFromAbroad', [lineFor('entryFromAbroad', '1', 1)]);
    await postMovements(db, [mistaken], { deviceId, recordedAt });
    await postMovements(db, [reversalOf(mistaken)], { deviceId, recordedAt });
    expect((await queuedPending(db)).rows.map((row) => row.kind)).toEqual([
      'entryFromAbroad',
      'entryFromAbroad',
    ]);
    // Posted since the batching last read the journal: found by merge number, no queue record written.
    expect(await db.outboxQueue.count()).toBe(0);

    await batchPending(db, { deviceId, now });
    expect((await queuedPending(db)).rows).toEqual([]);
    expect(await db.outboxQueue.count()).toBe(0);
    expect(await db.journal.where('leftPendingAs').equals('cancelled').count()).toBe(1);
    expect(await db.journal.where('leftPendingAs').equals('batched').count()).toBe(2);
  });

  it('is all or nothing: when storing fails, no document is kept, no movement leaves pending, no number is used', async () => {
    const db = await storeWithPending();
    // The number the batch would mint first is already taken, so its insert fails.
    const taken = counterAllocator(deviceId, 0).allocate(customsDateOf(now));
    await db.declarations.add(await declarationNumbered(taken));
    const before = await dump(db);
    await expect(batchPending(db, { deviceId, now })).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
  });

  it('keeps the same number and XML through nextReadyDocuments, recordFailure and markSent; declares the movements once sent', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const [list] = await rowsOf(db);
    const message = await outgoingMessageOf(db, list!.id);
    await recordFailure(db, list!.id, { reason: 'OutBox not writable' }, now);
    await recordFailure(db, list!.id, { reason: 'OutBox not writable' }, now);
    const ready = await nextReadyDocuments(db);
    expect(ready.documents).toEqual([
      { documentId: list!.id, etpsInnerInvtNo: list!.etpsInnerInvtNo, failedAttempts: 2 },
    ]);
    expect(await outgoingMessageOf(db, list!.id)).toEqual({ ...message, attempt: 3 });
    await markSent(db, list!.id, { outcome: 'accepted', sha256: 'abc' }, now);
    await markSent(db, list!.id, { outcome: 'duplicate', reason: 'already in OutBox' }, now);
    const sent = await db.declarations.get(list!.id);
    expect(sent).toMatchObject({
      etpsInnerInvtNo: list!.etpsInnerInvtNo,
      importXml: list!.importXml,
      state: { status: 'sent' },
    });
    expect((await nextReadyDocuments(db)).documents).toEqual([]);
    expect(
      (await db.journal.toArray()).filter((r) => r.documentId === list!.id).map((r) => r.declareStatus),
    ).toEqual(['declared', 'declared']);
  });

  it('parks a document out of the ready set and back', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const [list] = await rowsOf(db);
    await park(db, list!.id, 'refused five times', now);
    expect(await nextReadyDocuments(db)).toEqual({ documents: [], parkedCount: 1 });
    await unpark(db, list!.id, now);
    expect((await nextReadyDocuments(db)).documents).toHaveLength(1);
  });

  it('works as the sync engine’s effects', async () => {
    const db = await storeWithPending();
    const reported: string[] = [];
    const effects = createStoreSyncEffects(db, {
      deviceId,
      now: () => now,
      onReceipt: (v) => reported.push(v.kind),
    });
    expect(await effects.batchPending()).toBe(2);
    expect(await effects.batchPending()).toBe(0);
    await expect(effects.applyReceipt(incoming('<Package><broken'))).rejects.toThrow(/well-formed/);
    expect(
      await effects.applyReceipt(incoming(readFileSync(path.join(receiptsDir, 'INV201.xml'), 'utf8'))),
    ).toEqual({ documentsReady: 0 });
    expect(reported).toEqual(['refused', 'unmatched']);
    const [list] = await rowsOf(db);
    await markSent(db, list!.id, { outcome: 'accepted' }, now);
    await effects.applyReceipt(incoming(commonResponse(list!.etpsInnerInvtNo, '202500000000000031')));
    expect(
      await effects.applyReceipt(incoming(listApproval('202500000000000031', 'QD010125I000000031'))),
    ).toEqual({ documentsReady: 1 });
  });
});

describe('applyReceipt', () => {
  it('keeps the real receipts as unmatched and reports them; refuses a malformed one and writes nothing', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const documentsBefore = await rowsOf(db);
    for (const file of readdirSync(receiptsDir).filter((name) => name.endsWith('.xml'))) {
      const verdict = await applyReceipt(
        db,
        incoming(readFileSync(path.join(receiptsDir, file), 'utf8'), now, file),
      );
      expect(verdict, file).toMatchObject({ kind: 'unmatched' });
    }
    expect(await db.receipts.where('disposition').equals('unmatched').count()).toBe(4);
    expect(await rowsOf(db)).toEqual(documentsBefore);
    // The real INV211 is customs' book of another enterprise: kept, never mixed into ours.
    expect((await reconcileBook(db, book.id)).every((row) => row.posted === '0')).toBe(true);

    const before = await dump(db);
    for (const bad of [
      '',
      '<Package><DataInfo>',
      '<html><body>hello</body></html>',
      '<Package><EnvelopInfo/></Package>',
    ])
      expect(await applyReceipt(db, incoming(bad))).toMatchObject({ kind: 'refused' });
    expect(await dump(db)).toEqual(before);
  });

  it('takes a list and its pass from sent to posted, releases the pass with the QD number, and reconciles to no difference', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const [list, pass] = await rowsOf(db);
    const no = list!.etpsInnerInvtNo;
    const qd = 'QD010125I000000001';
    expect((await reconcileBook(db, book.id)).map((r) => r.explanation)).toEqual([
      'awaitingDeclaration',
      'awaitingDeclaration',
      'matched',
    ]);
    await markSent(db, list!.id, { outcome: 'accepted' }, now);
    expect((await reconcileBook(db, book.id)).map((r) => r.explanation)).toEqual([
      'awaitingPosting',
      'awaitingPosting',
      'matched',
    ]);

    expect(await applyReceipt(db, incoming(commonResponse(no, '202500000000000001')))).toMatchObject({
      kind: 'applied',
      outcome: 'imported',
    });
    expect(await applyReceipt(db, incoming(listApproval('202500000000000001', qd)))).toMatchObject({
      kind: 'applied',
      outcome: 'approved',
      // Reported, so the sync engine sends the pass now rather than at its next safety wake-up.
      released: [pass!.id],
    });
    const released = await db.declarations.get(pass!.id);
    expect(released).toMatchObject({
      outboxState: 'ready',
      state: { status: 'queued' },
      etpsInnerInvtNo: pass!.etpsInnerInvtNo,
    });
    expect((released!.document as Sas121Document).head.rltNo).toBe(qd);
    expect(released!.importXml).toContain(`<RltNo>${qd}</RltNo>`);

    await applyReceipt(db, incoming(listPrePosted(no, '202500000000000001', qd)));
    expect((await reconcileBook(db, book.id)).map((r) => [r.gdsSeqno, r.prePosted])).toEqual([
      [1, '7.5'],
      [2, '3'],
      [3, '0'],
    ]);
    await markSent(db, pass!.id, { outcome: 'accepted' }, now);
    const passport = 'Z0101I250302000000000001';
    await applyReceipt(db, incoming(commonResponse(pass!.etpsInnerInvtNo, '202500000000000002')));
    await applyReceipt(db, incoming(passApproval('202500000000000002', passport)));
    await applyReceipt(db, incoming(gatePassed('202500000000000002', passport, qd)));
    expect((await db.declarations.get(pass!.id))?.state.status).toBe('gatePassed');
    expect((await db.declarations.get(list!.id))?.state.status).toBe('gatePassed');

    await applyReceipt(
      db,
      incoming(
        listPosted(no, qd, [
          { gdsSeqno: 1, inQty: '7.5' },
          { gdsSeqno: 2, inQty: '3' },
        ]),
      ),
    );
    const posted = await db.declarations.get(list!.id);
    expect(posted).toMatchObject({
      state: { status: 'posted' },
      preEntryNo: '202500000000000001',
      customsNo: qd,
    });
    expect(posted!.timeline.map((e) => e.event)).toEqual([
      'created',
      'sent',
      'receipt',
      'receipt',
      'receipt',
      'receipt',
      'receipt',
    ]);
    expect(await db.prePostings.count()).toBe(0);
    const reconciliation = await reconcileBook(db, book.id);
    expect(
      reconciliation.map((r) => [r.gdsSeqno, r.projected, r.posted, r.difference, r.explanation]),
    ).toEqual([
      [1, '7.5', '7.5', '0', 'matched'],
      [2, '3', '3', '0', 'matched'],
      [3, '0', '0', '0', 'matched'],
    ]);
  });

  it('never regresses a document however its receipts are ordered or repeated, and ends posted', async () => {
    const qd = 'QD010125I000000002';
    const seq = '202500000000000011';
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.nat(4), { maxLength: 4 }),
        async (seed, repeats) => {
          const db = await storeWithPending();
          await batchPending(db, { deviceId, now });
          const [list] = await rowsOf(db);
          await markSent(db, list!.id, { outcome: 'accepted' }, now);
          const no = list!.etpsInnerInvtNo;
          const receipts = [
            commonResponse(no, seq),
            listApproval(seq, qd, '2', '2025-03-02 09:00:00'),
            listApproval(seq, qd, '1', '2025-03-02 10:00:00'),
            listPrePosted(no, seq, qd),
            listPosted(no, qd, [
              { gdsSeqno: 1, inQty: '7.5' },
              { gdsSeqno: 2, inQty: '3' },
            ]),
          ];
          const order = fc.sample(fc.shuffledSubarray(receipts, { minLength: receipts.length }), {
            seed,
            numRuns: 1,
          })[0]!;
          const stream = [...order, ...repeats.map((index) => receipts[index]!)];
          let rank = statusRank.sent;
          for (const [index, xml] of stream.entries()) {
            await applyReceipt(db, incoming(xml, `2025-03-02T02:00:${String(index).padStart(2, '0')}.000Z`));
            const status = (await db.declarations.get(list!.id))!.state.status;
            expect(statusRank[status]).toBeGreaterThanOrEqual(rank);
            rank = statusRank[status];
          }
          const final = await db.declarations.get(list!.id);
          expect(final).toMatchObject({ state: { status: 'posted' }, preEntryNo: seq, customsNo: qd });
          expect(await db.receipts.where('disposition').equals('unmatched').count()).toBe(0);
          expect((await reconcileBook(db, book.id)).every((r) => r.explanation === 'matched')).toBe(true);
          db.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('applies a byte-identical answer to a resend: a document failing twice ends importFailed, not stuck sent', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const [list] = await rowsOf(db);
    await markSent(db, list!.id, { outcome: 'accepted' }, now);
    // The client's refusal carries nothing unique: the answer to the resend is the same bytes.
    const failed = commonResponse(list!.etpsInnerInvtNo, '', '-1');
    const first = await applyReceipt(db, incoming(failed, '2025-03-02T02:00:00.000Z'));
    expect(first).toMatchObject({ kind: 'applied', outcome: 'importFailed' });
    expect((await db.declarations.get(list!.id))?.state.status).toBe('importFailed');

    // Redelivered before any resend (a crash before archiving): harmless, nothing written.
    const before = await dump(db);
    expect(await applyReceipt(db, incoming(failed, '2025-03-02T02:00:30.000Z'))).toEqual({
      kind: 'duplicate',
      receiptId: (first as { receiptId: string }).receiptId,
    });
    expect(await dump(db)).toEqual(before);

    // Resent under the same number, and refused the same way again.
    await changeDocument(db, list!.id, (document) => document, { now });
    await markSent(db, list!.id, { outcome: 'accepted' }, now);
    expect((await db.declarations.get(list!.id))?.state.status).toBe('sent');
    expect(await applyReceipt(db, incoming(failed, '2025-03-02T03:00:00.000Z'))).toMatchObject({
      kind: 'applied',
      outcome: 'importFailed',
    });
    const again = await db.declarations.get(list!.id);
    expect(again?.state.status).toBe('importFailed');
    expect(again?.timeline.filter((event) => event.event === 'receipt')).toHaveLength(2);
    expect(await db.receipts.count()).toBe(1);

    // And a further copy of it changes nothing.
    const settled = await dump(db);
    expect(await applyReceipt(db, incoming(failed, '2025-03-02T03:00:30.000Z'))).toMatchObject({
      kind: 'duplicate',
    });
    expect(await dump(db)).toEqual(settled);
  });

  it('reassembles a pocketed receipt, persisting the pockets that came first', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const [list] = await rowsOf(db);
    await markSent(db, list!.id, { outcome: 'accepted' }, now);
    const qd = 'QD010125I000000003';
    const whole = listPosted(list!.etpsInnerInvtNo, qd, [
      { gdsSeqno: 1, inQty: '7.5' },
      { gdsSeqno: 2, inQty: '3' },
    ]);
    const body = whole.slice(whole.indexOf('<INV211>') + 8, whole.indexOf('</INV211>'));
    const cut = body.indexOf('<BwsDt>');
    const { packageReceipt } = await import('../customs/support/receipts');
    const second = packageReceipt('INV211', body.slice(cut), { id: 'P-1', total: 2, current: 2 });
    const first = packageReceipt('INV211', body.slice(0, cut), { id: 'P-1', total: 2, current: 1 });
    expect(await applyReceipt(db, incoming(second))).toMatchObject({ kind: 'pocketHeld' });
    expect(await db.receiptPockets.get('P-1')).toMatchObject({ completed: false });
    expect(await applyReceipt(db, incoming(first))).toMatchObject({ kind: 'applied', outcome: 'posted' });
    expect(await db.officialBookLines.count()).toBe(2);
  });

  it('keeps the newer book line when an older INV211 of the same second arrives late', async () => {
    const db = await seededStore();
    // Two postings of book line 1 in one customs second: in 10 then out 4. The later one is delivered first.
    const later = listPosted('ZB-A', 'QD010125E000000041', [{ gdsSeqno: 1, inQty: '10', actlRedcQty: '4' }]);
    const earlier = listPosted('ZB-B', 'QD010125I000000040', [{ gdsSeqno: 1, inQty: '10' }]);
    await applyReceipt(db, incoming(later));
    await applyReceipt(db, incoming(earlier));
    expect(await db.officialBookLines.get([book.putrecNo, 1])).toMatchObject({
      stock: '6',
      actlRedcQty: '4',
    });
  });
});

describe('changeDocument and withdrawDocument', () => {
  it('re-declares a rejected list under the same number, refuses edits of quantities and of documents in flight', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const [list] = await rowsOf(db);
    await markSent(db, list!.id, { outcome: 'accepted' }, now);
    const setRmk = (document: CustomsDocumentModel) =>
      document.kind === 'INV101' ? { ...document, head: { ...document.head, rmk: '已更正' } } : document;
    expect((await refusal(changeDocument(db, list!.id, setRmk, { now }))).code).toBe('documentLocked');

    await applyReceipt(db, incoming(commonResponse(list!.etpsInnerInvtNo, '202500000000000021')));
    await applyReceipt(db, incoming(listApproval('202500000000000021', 'QD010125I000000004', '3')));
    expect((await db.declarations.get(list!.id))?.state.status).toBe('rejected');
    const doubled = (document: CustomsDocumentModel) =>
      document.kind === 'INV101'
        ? { ...document, lines: document.lines.map((l) => ({ ...l, dclQty: '99' })) }
        : document;
    expect((await refusal(changeDocument(db, list!.id, doubled, { now }))).message).toMatch(
      /correcting movement/,
    );
    const fixed = await changeDocument(db, list!.id, setRmk, { now });
    expect(fixed).toMatchObject({
      etpsInnerInvtNo: list!.etpsInnerInvtNo,
      state: { status: 'queued', chgTmsCnt: 0 },
      outboxState: 'ready',
      revision: 1,
    });
    expect(fixed.importXml).toContain('<Rmk>已更正</Rmk>');
  });

  it('withdraws an unsent list at once and returns its movements to pending for a new document with a new number', async () => {
    const db = await storeWithPending();
    await batchPending(db, { deviceId, now });
    const [list, pass] = await rowsOf(db);
    await withdrawDocument(db, list!.id, 'wrong book line', { now });
    expect((await db.declarations.get(list!.id))?.state.status).toBe('withdrawn');
    expect((await db.declarations.get(pass!.id))?.state.status).toBe('withdrawn');
    expect((await queuedPending(db)).rows).toHaveLength(2);
    const again = await batchPending(db, { deviceId, now });
    const renewed = await db.declarations.get(again.documentIds[0]!);
    expect(renewed!.etpsInnerInvtNo).not.toBe(list!.etpsInnerInvtNo);
  });
});

/** A stored document of another store, renumbered: something already holding a number. */
async function declarationNumbered(etpsInnerInvtNo: string) {
  const db = await storeWithPending();
  await batchPending(db, { deviceId: 'another-device', now });
  const [row] = await rowsOf(db);
  db.close();
  return { ...row!, etpsInnerInvtNo };
}
