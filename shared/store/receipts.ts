import {
  defaultDeclarationSettings,
  passForCustomsDocument,
  renderDocument,
  type DeclarationSettings,
} from '../customs/batching';
import type { IncomingMessage } from '../customs/endpoint';
import { applyReceiptToStatus } from '../customs/lifecycle/apply-receipt';
import { applyDocumentCommand } from '../customs/lifecycle/document-commands';
import type { DocumentStatus } from '../customs/lifecycle/document-status';
import type { CustomsDocumentModel } from '../customs/model/customs-document';
import type { Sas121Document } from '../customs/model/sas121';
import { matchReceipt, receiptMatchKeys, relatedCustomsNumbers } from '../customs/receipts/match-receipt';
import { parseReceiptFile, type ParsedFile, type ReceiptPocket } from '../customs/receipts/parse-receipt';
import { addPocket } from '../customs/receipts/pocket-accumulator';
import type { Receipt } from '../customs/receipts/receipt';
import { receiptOutcome, type ReceiptOutcome } from '../customs/receipts/receipt-outcome';
import { newId } from '../domain/ids';
import type { ZonebookDb } from './db';
import { declaresMovements } from './declarations';
import type { DeclarationRow, ReceiptRow } from './declaration-rows';
import { isNewerOfficialLine, officialLinesOf } from './official-book';
import { withDeclareStatus } from './outbox';
import { enqueuePending } from './outbox-queue';
import type { JournalRow } from './rows';

/** What became of one incoming message. Only `refused` asks the caller to quarantine the file. */
export type ReceiptVerdict =
  /** Not a readable receipt (not well-formed, not a receipt, nothing to match by): nothing was written. */
  | { kind: 'refused'; reason: string }
  /** The very same bytes were kept before, and applying them again would change nothing. */
  | { kind: 'duplicate'; receiptId: string }
  /** One pocket of a split receipt, kept until its siblings arrive. */
  | { kind: 'pocketHeld'; receiptId: string; pocketId: string }
  /** All pockets arrived, but together they do not make a readable receipt. */
  | { kind: 'unreadable'; receiptId: string; reason: string }
  /** A receipt for no document of ours: kept and reported. */
  | { kind: 'unmatched'; receiptId: string; messageType: string }
  | {
      kind: 'applied';
      receiptId: string;
      documentIds: string[];
      outcome: ReceiptOutcome;
      /** Why it moved no status (duplicate, late, stale…). */
      ignored?: string;
      /**
       * Documents it made ready to go, which no movement announces, so the sync engine must be told: gate
       * passes released for sending, a 业务申报表 approved (its waiting movements can now be batched), and
       * a list that changed what customs' book covers while outbound movements wait for it.
       */
      released: string[];
    };

/** Statuses at which customs has numbered and accepted a list or slip, so its gate pass can name it. */
const listAccepted: ReadonlySet<DocumentStatus> = new Set(['approved', 'prePosted', 'gatePassed', 'posted']);

/** The receipts that answer each kind of document, and so may teach us its customs number. */
const ownReceipts: Readonly<Record<CustomsDocumentModel['kind'], ReadonlySet<string>>> = {
  INV101: new Set(['INV201', 'INV202', 'INV211']),
  SAS101: new Set(['SAS201']),
  SAS111: new Set(['SAS211']),
  SAS121: new Set(['SAS221', 'SAS223', 'SAS224']),
};

/**
 * Applies one incoming message: parse leniently, reassemble pockets (the partial ones are persisted),
 * match (our number, else the pre-entry number, else the customs number), and apply the lifecycle by
 * priority so a late or repeated receipt never takes a document back. Learns customs' numbers, releases
 * a gate pass once its list or 出入库单 is numbered, keeps the pre-posted lines (INV201 预核扣) and
 * customs' official book (INV211). Every message is kept, matched or not. All of it happens in one
 * transaction.
 */
export async function applyReceipt(
  db: ZonebookDb,
  incoming: IncomingMessage,
  options: { settings?: DeclarationSettings } = {},
): Promise<ReceiptVerdict> {
  const parsed = parseReceiptFile(incoming.xml);
  if (!parsed.ok) return { kind: 'refused', reason: parsed.reason };
  const settings = options.settings ?? defaultDeclarationSettings;
  const file = parsed.value;
  return db.transaction(
    'rw',
    [
      db.receipts,
      db.receiptPockets,
      db.declarations,
      db.journal,
      db.outboxQueue,
      db.officialBookLines,
      db.prePostings,
      db.books,
      db.enterprises,
    ],
    async (): Promise<ReceiptVerdict> => {
      const seen = await db.receipts.where('sha256').equals(incoming.sha256).first();
      if (seen) return applyRepeated(db, seen, file, incoming.receivedAt, settings);
      const base: ReceiptRow = {
        id: newId(),
        sha256: incoming.sha256,
        source: incoming.source,
        name: incoming.name,
        receivedAt: incoming.receivedAt,
        xml: incoming.xml,
        disposition: 'pocket',
      };

      let receipt: Receipt;
      if (file.kind === 'pocket') {
        const whole = await collectPocket(db, file.pocket);
        const pocket = file.pocket.pocket;
        const pocketRow: ReceiptRow = { ...base, messageType: file.pocket.messageType, pocket };
        if (whole === undefined) {
          await db.receipts.add(pocketRow);
          return { kind: 'pocketHeld', receiptId: base.id, pocketId: pocket.pocketId };
        }
        if (!whole.ok) {
          await db.receipts.add({ ...pocketRow, disposition: 'unreadable', failure: whole.reason });
          return { kind: 'unreadable', receiptId: base.id, reason: whole.reason };
        }
        receipt = whole.value;
      } else receipt = file.receipt;

      const summary = {
        ...base,
        messageType: receipt.messageType,
        fields: fieldsOf(receipt),
        reasons: [...receipt.reasons],
        outcome: receiptOutcome(receipt),
      };
      if (receipt.bookLines.length > 0)
        await recordOfficialBook(db, receipt, summary.id, incoming.receivedAt);

      const matched = await findDocument(db, receipt);
      if (!matched) {
        await db.receipts.add({ ...summary, disposition: 'unmatched' });
        return { kind: 'unmatched', receiptId: base.id, messageType: receipt.messageType };
      }
      const { documentIds, ignored, released } = await applyToDocument(
        db,
        receipt,
        matched,
        base.id,
        incoming.receivedAt,
        settings,
      );
      await db.receipts.add({
        ...summary,
        disposition: 'applied',
        documentId: matched.id,
        ...(ignored !== undefined && { ignored }),
      });
      return {
        kind: 'applied',
        receiptId: base.id,
        documentIds,
        outcome: summary.outcome,
        ...(ignored !== undefined && { ignored }),
        released,
      };
    },
  );
}

/**
 * Bytes already kept. Usually the same message delivered again (a crash before archiving, the client's
 * own duplicate), which must change nothing. But customs' answers carry nothing unique: a document resent
 * under its same number that fails the same way gets back the very same bytes, and dropping those would
 * leave it 'sent' forever. Telling the two apart by the bytes is impossible, and unnecessary: the
 * lifecycle already applies a receipt by priority, never backwards, so the repeat is applied exactly
 * when it would move its document (it left the state this receipt put it in, as a resend does) and is
 * a duplicate, writing nothing, otherwise. It is recorded against the receipt row already kept (sha256 is
 * unique there), by a timeline event naming it. Pockets and unmatched receipts are left to the first
 * copy: pockets only complete a receipt once, and a kept unmatched receipt is rematched when its number
 * is learnt.
 */
async function applyRepeated(
  db: ZonebookDb,
  seen: ReceiptRow,
  file: ParsedFile,
  receivedAt: string,
  settings: DeclarationSettings,
): Promise<ReceiptVerdict> {
  const duplicate: ReceiptVerdict = { kind: 'duplicate', receiptId: seen.id };
  if (file.kind !== 'receipt' || seen.disposition !== 'applied') return duplicate;
  const receipt = file.receipt;
  const matched = await findDocument(db, receipt);
  if (!matched || applyReceiptToStatus(matched.state, receipt, matched.document.kind).ignored !== undefined)
    return duplicate;
  const { documentIds, released } = await applyToDocument(
    db,
    receipt,
    matched,
    seen.id,
    receivedAt,
    settings,
  );
  await db.receipts.update(seen.id, { documentId: matched.id, ignored: undefined });
  return { kind: 'applied', receiptId: seen.id, documentIds, outcome: receiptOutcome(receipt), released };
}

/** Adds a pocket to the persisted ones; the whole receipt once the last sibling is in. */
async function collectPocket(db: ZonebookDb, pocket: ReceiptPocket) {
  const { pocketId } = pocket.pocket;
  const row = await db.receiptPockets.get(pocketId);
  const added = addPocket(
    {
      pending: row && !row.completed ? { [pocketId]: row.pockets as ReceiptPocket[] } : {},
      completed: row?.completed ? [pocketId] : [],
    },
    pocket,
  );
  const held = added.accumulator.pending[pocketId];
  // Once reassembled, only the fact is kept: the bodies live on in the receipts' raw XML.
  await db.receiptPockets.put(
    added.receipt || row?.completed
      ? { pocketId, pockets: [], completed: true }
      : { pocketId, pockets: [...(held ?? [])], completed: false },
  );
  return added.receipt;
}

async function findDocument(db: ZonebookDb, receipt: Receipt): Promise<DeclarationRow | undefined> {
  const keys = receiptMatchKeys(receipt);
  const candidates = (
    await Promise.all([
      keys.etpsInnerNo ? db.declarations.where('etpsInnerInvtNo').equals(keys.etpsInnerNo).toArray() : [],
      keys.preEntryNo ? db.declarations.where('preEntryNo').equals(keys.preEntryNo).toArray() : [],
      keys.customsNo ? db.declarations.where('customsNo').equals(keys.customsNo).toArray() : [],
    ])
  ).flat();
  const match = matchReceipt(
    receipt,
    candidates.map((row) => ({
      documentId: row.id,
      etpsInnerNo: row.etpsInnerInvtNo,
      ...(row.preEntryNo !== undefined && { preEntryNo: row.preEntryNo }),
      ...(row.customsNo !== undefined && { customsNo: row.customsNo }),
    })),
  );
  return match.matched ? candidates.find((row) => row.id === match.documentId) : undefined;
}

/**
 * Applies a matched receipt to its document (and a gate passage to the lists the pass carries). When
 * the receipt teaches us a number, receipts kept earlier as unmatched that carry it are applied too:
 * business receipts can overtake the client's CommonResponeMessage.
 */
async function applyToDocument(
  db: ZonebookDb,
  receipt: Receipt,
  matched: DeclarationRow,
  receiptId: string,
  receivedAt: string,
  settings: DeclarationSettings,
): Promise<{ documentIds: string[]; ignored?: string; released: string[] }> {
  const outcome = receiptOutcome(receipt);
  const released: string[] = [];
  const targets = [matched, ...(outcome === 'gatePassed' ? await relatedLists(db, receipt, matched) : [])];
  let ignored: string | undefined;
  let learntNumbers: string[] = [];
  for (const target of targets) {
    // Re-read: an earlier step of this same receipt may have changed the row.
    const current = (await db.declarations.get(target.id)) ?? target;
    const learnt = target === matched ? withCustomsNumbers(current, receipt) : current;
    if (target === matched)
      learntNumbers = [learnt.preEntryNo, learnt.customsNo].filter(
        (value): value is string =>
          value !== undefined && value !== current.preEntryNo && value !== current.customsNo,
      );
    const applied = applyReceiptToStatus(learnt.state, receipt, learnt.document.kind);
    if (target === matched) ignored = applied.ignored;
    const next: DeclarationRow = {
      ...learnt,
      state: applied.state,
      ...(outcome === 'rejected' || outcome === 'importFailed'
        ? { lastError: receipt.reasons.join('; ') || receipt.messageType }
        : {}),
      timeline: [
        ...learnt.timeline,
        {
          at: receivedAt,
          event: 'receipt',
          receiptId,
          detail: [receipt.messageType, outcome, applied.ignored, ...receipt.reasons]
            .filter((part) => part !== undefined && part !== '')
            .join(' · '),
          messageType: receipt.messageType,
          outcome,
          ...(applied.ignored !== undefined && { ignored: applied.ignored }),
          ...(receipt.reasons.length > 0 && { reasons: receipt.reasons }),
        },
      ],
    };
    await db.declarations.put(next);
    released.push(...(await afterStatusChange(db, learnt, next, settings, receivedAt)));
  }
  if (learntNumbers.length > 0) released.push(...(await rematchKept(db, learntNumbers, settings)));
  return {
    documentIds: targets.map((target) => target.id),
    ...(ignored !== undefined && { ignored }),
    released,
  };
}

/**
 * Applies kept, unmatched receipts that carry one of the numbers just learnt, oldest first; resolves the
 * gate passes they released.
 */
async function rematchKept(
  db: ZonebookDb,
  numbers: readonly string[],
  settings: DeclarationSettings,
): Promise<string[]> {
  const released: string[] = [];
  const kept = await db.receipts.where('disposition').equals('unmatched').sortBy('receivedAt');
  for (const row of kept) {
    const parsed = parseReceiptFile(row.xml);
    if (!parsed.ok || parsed.value.kind !== 'receipt') continue;
    const receipt = parsed.value.receipt;
    const keys = receiptMatchKeys(receipt);
    if (![keys.preEntryNo, keys.customsNo].some((value) => value !== undefined && numbers.includes(value)))
      continue;
    const matched = await findDocument(db, receipt);
    if (!matched) continue;
    // Marked applied first, so a rematch this application sets off does not apply it twice.
    await db.receipts.put({ ...row, disposition: 'applied', documentId: matched.id });
    const applied = await applyToDocument(db, receipt, matched, row.id, row.receivedAt, settings);
    if (applied.ignored !== undefined) await db.receipts.update(row.id, { ignored: applied.ignored });
    released.push(...applied.released);
  }
  return released;
}

/** A gate passage also moves the lists or 出入库单 the pass carries goods for. */
async function relatedLists(
  db: ZonebookDb,
  receipt: Receipt,
  pass: DeclarationRow,
): Promise<DeclarationRow[]> {
  const numbers = relatedCustomsNumbers(receipt);
  const byNumber = numbers.length ? await db.declarations.where('customsNo').anyOf(numbers).toArray() : [];
  const byLink = pass.listId ? await db.declarations.get(pass.listId) : undefined;
  const lists = [...byNumber, ...(byLink ? [byLink] : [])].filter(
    (row) => declaresMovements(row) && row.id !== pass.id,
  );
  return [...new Map(lists.map((row) => [row.id, row])).values()];
}

const PRE_ENTRY = /^[0-9]{18}$/;

/** Records the numbers customs gave, on the row (for matching) and in the document (for a change). */
function withCustomsNumbers(row: DeclarationRow, receipt: Receipt): DeclarationRow {
  const keys = receiptMatchKeys(receipt);
  const preEntryNo =
    row.preEntryNo ?? (keys.preEntryNo && PRE_ENTRY.test(keys.preEntryNo) ? keys.preEntryNo : undefined);
  const customsNo = row.customsNo ?? customsNumberOf(row, receipt, keys.customsNo);
  const entrySeqNo = row.entrySeqNo ?? receipt.entrySeqNo;
  return {
    ...row,
    document: withNumbers(row.document, preEntryNo, customsNo),
    ...(preEntryNo !== undefined && { preEntryNo }),
    ...(customsNo !== undefined && { customsNo }),
    ...(entrySeqNo !== undefined && { entrySeqNo }),
  };
}

/**
 * The document's customs number, from one of its own receipts: a list's QD… (18) and a pass's number (24)
 * have known lengths; a form's or slip's number is taken as customs writes it (its format is unknown).
 */
function customsNumberOf(row: DeclarationRow, receipt: Receipt, customsNo: string | undefined) {
  if (customsNo === undefined || !ownReceipts[row.document.kind].has(receipt.messageType)) return undefined;
  if (row.document.kind === 'INV101') return customsNo.length === 18 ? customsNo : undefined;
  if (row.document.kind === 'SAS121') return customsNo.length === 24 ? customsNo : undefined;
  return customsNo.length <= 64 ? customsNo : undefined;
}

function withNumbers(
  document: CustomsDocumentModel,
  preEntryNo: string | undefined,
  customsNo: string | undefined,
): CustomsDocumentModel {
  switch (document.kind) {
    case 'INV101':
      return {
        ...document,
        head: {
          ...document.head,
          ...(preEntryNo !== undefined && { seqNo: preEntryNo }),
          ...(customsNo !== undefined && { bondInvtNo: customsNo }),
        },
      };
    case 'SAS101':
      return {
        ...document,
        head: {
          ...document.head,
          ...(preEntryNo !== undefined && { sasDclPreentNo: preEntryNo }),
          ...(customsNo !== undefined && { sasDclNo: customsNo }),
        },
      };
    case 'SAS111':
      return {
        ...document,
        head: {
          ...document.head,
          ...(preEntryNo !== undefined && { sasStockPreentNo: preEntryNo }),
          ...(customsNo !== undefined && { sasStockNo: customsNo }),
        },
      };
    case 'SAS121':
      return {
        ...document,
        head: {
          ...document.head,
          ...(preEntryNo !== undefined && { seqNo: preEntryNo }),
          ...(customsNo !== undefined && { passportNo: customsNo }),
        },
      };
  }
}

/**
 * What a status change brings with it: pre-posted lines, the pass released, movements back to pending.
 * Resolves the gate passes it released.
 */
async function afterStatusChange(
  db: ZonebookDb,
  before: DeclarationRow,
  after: DeclarationRow,
  settings: DeclarationSettings,
  now: string,
): Promise<string[]> {
  let released: string[] = [];
  if (after.document.kind === 'INV101') {
    const list = after.document;
    if (after.state.status === 'prePosted' && before.state.status !== 'prePosted')
      await db.prePostings.bulkPut(
        list.lines.flatMap((line) =>
          line.putrecSeqno === undefined
            ? []
            : [
                {
                  documentId: after.id,
                  gdsSeqno: line.gdsSeqno,
                  putrecNo: list.head.putrecNo,
                  putrecSeqno: line.putrecSeqno,
                  ie: list.head.impexpMarkcd,
                  qty: line.dclQty,
                },
              ],
        ),
      );
    if (after.state.status === 'posted') await db.prePostings.where('documentId').equals(after.id).delete();
  }
  if (declaresMovements(after) && listAccepted.has(after.state.status) && after.customsNo !== undefined)
    released = await releasePasses(db, after, after.customsNo, settings, now);
  // An approved 业务申报表 lets its waiting movements into slips: the engine must batch again.
  if (
    after.messageType === 'SAS101' &&
    listAccepted.has(after.state.status) &&
    !listAccepted.has(before.state.status)
  )
    released = [...released, after.id];
  if (after.state.status === 'withdrawn' && before.state.status !== 'withdrawn')
    await returnMovements(db, after, now);
  // Outbound movements held while customs' book cannot cover them (awaitingInboundPosting) may go now.
  if (changesCustomsCover(before, after) && (await db.outboxQueue.count()))
    released = [...released, after.id];
  return released;
}

/**
 * Goods posted in (INV211) add to customs' book; an outbound list rejected or withdrawn no longer takes
 * from it (see pending-batch-input.ts).
 */
function changesCustomsCover(before: DeclarationRow, after: DeclarationRow): boolean {
  if (after.document.kind !== 'INV101' || after.state.status === before.state.status) return false;
  return after.ieFlag === 'I'
    ? after.state.status === 'posted'
    : after.state.status === 'rejected' || after.state.status === 'withdrawn';
}

/**
 * The passes waiting for this list or slip now name it by its customs number (QD…, the slip's number) and
 * go out; resolves their ids.
 */
async function releasePasses(
  db: ZonebookDb,
  list: DeclarationRow,
  customsNo: string,
  settings: DeclarationSettings,
  now: string,
): Promise<string[]> {
  const waiting = (await db.declarations.where('listId').equals(list.id).toArray()).filter(
    (row) => row.outboxState === 'waiting' && row.document.kind === 'SAS121',
  );
  if (waiting.length === 0) return [];
  const book = await db.books.get(list.bookId);
  const owner = book && (await db.enterprises.get(book.ownerEnterpriseId));
  if (!owner) return [];
  for (const pass of waiting) {
    const document = passForCustomsDocument(pass.document as Sas121Document, customsNo);
    const queued = applyDocumentCommand(pass.state, { type: 'QUEUE' });
    const rendered = renderDocument({
      document,
      etpsInnerNo: pass.etpsInnerInvtNo,
      ieFlag: pass.ieFlag,
      revision: pass.revision,
      owner,
      settings,
      now,
    });
    await db.declarations.put({
      ...pass,
      document,
      state: queued.ok ? queued.state : pass.state,
      outboxState: 'ready',
      importXml: rendered.importXml,
      schemaXml: rendered.schemaXml,
      fileName: rendered.fileName,
      timeline: [
        ...pass.timeline,
        {
          at: now,
          event: 'released',
          detail: `${list.messageType === 'SAS111' ? '出入库单' : 'list'} ${customsNo}`,
          listKind: list.messageType,
          customsNo,
        },
      ],
    });
  }
  return waiting.map((pass) => pass.id);
}

/**
 * A withdrawn list or 出入库单 no longer declares its movements: they return to pending and will be
 * batched into a new document, under a new number (the withdrawn one is never reused). Its waiting passes
 * go with it.
 */
export async function returnMovements(db: ZonebookDb, list: DeclarationRow, now: string): Promise<void> {
  if (!declaresMovements(list)) return;
  const returned: number[] = [];
  await db.journal
    .where('movementId')
    .anyOf(list.movementIds)
    .modify((row: JournalRow) => {
      if (row.documentId !== list.id) return;
      withDeclareStatus(row, 'pending');
      delete row.documentId;
      returned.push(row.localSeq);
    });
  await enqueuePending(db, returned);
  const passes = await db.declarations.where('listId').equals(list.id).toArray();
  for (const pass of passes.filter((row) => row.outboxState === 'waiting'))
    await db.declarations.put({
      ...pass,
      state: { ...pass.state, status: 'withdrawn' },
      outboxState: 'idle',
      timeline: [
        ...pass.timeline,
        {
          at: now,
          event: 'withdrawn',
          detail: `its ${list.messageType === 'SAS111' ? '出入库单' : 'list'} was withdrawn`,
          listKind: list.messageType,
        },
      ],
    });
}

async function recordOfficialBook(db: ZonebookDb, receipt: Receipt, receiptId: string, receivedAt: string) {
  const fallbackBook = receipt.head?.fields.putrecNo;
  const asOf = receipt.envelope?.sendTime ?? receivedAt;
  const rows = officialLinesOf(receipt.bookLines, { fallbackBook, asOf, receiptId });
  const stored = await db.officialBookLines.bulkGet(
    rows.map((row) => [row.putrecNo, row.gdsSeqno] as [string, number]),
  );
  // A late INV211 from before the last one applied never overwrites the newer book line.
  const newer = rows.filter((row, index) => isNewerOfficialLine(stored[index], row));
  if (newer.length > 0) await db.officialBookLines.bulkPut(newer);
}

/** The receipt's own fields a person looks for first. */
function fieldsOf(receipt: Receipt): Record<string, string> {
  const picked: Record<string, string | undefined> = {
    etpsPreentNo: receipt.etpsPreentNo,
    businessId: receipt.businessId,
    seqNo: receipt.seqNo,
    entrySeqNo: receipt.entrySeqNo,
    manageResult: receipt.manageResult,
    manageDate: receipt.manageDate,
    dealFlag: receipt.dealFlag,
    etpsInnerInvtNo: receipt.etpsInnerInvtNo,
    tmsCnt: receipt.tmsCnt === undefined ? undefined : String(receipt.tmsCnt),
  };
  return Object.fromEntries(
    Object.entries(picked).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
