import { defaultDeclarationSettings, renderDocument, type DeclarationSettings } from '../customs/batching';
import { applyDocumentCommand, type DocumentCommand } from '../customs/lifecycle/document-commands';
import type { DocumentState, DocumentStatus } from '../customs/lifecycle/document-status';
import {
  etpsInnerNoOf,
  ieFlagOf,
  parseCustomsDocument,
  type CustomsDocumentModel,
} from '../customs/model/customs-document';
import { fieldErrorsOf } from '../domain/field-error';
import type { ZonebookDb } from './db';
import type { DeclarationRow, TimelineEvent } from './declaration-rows';
import { StoreError } from './errors';
import { returnMovements } from './receipts';

export type { CustomsDocumentModel };
/** A fix to a document: gets the document as stored, returns it as it should be declared. */
export type DocumentEdit = (document: CustomsDocumentModel) => CustomsDocumentModel;

export interface EditOptions {
  now: string;
  settings?: DeclarationSettings;
}

const locked = (row: DeclarationRow, reason: string) =>
  new StoreError('documentLocked', `${row.messageType} ${row.etpsInnerInvtNo}: ${reason}`);

/** [book line or carrier line, quantity] of each line: what the movements decide and no edit may change. */
const quantitiesOf = (document: CustomsDocumentModel) => {
  switch (document.kind) {
    case 'INV101':
      return JSON.stringify(document.lines.map((line) => [line.putrecSeqno, line.dclQty]));
    case 'SAS101':
    case 'SAS111':
      return JSON.stringify(document.lines.map((line) => [line.oriactGdsSeqno, line.dclQty]));
    case 'SAS121':
      return JSON.stringify(document.lines.map((line) => [line.rltGdsSeqno, line.dclQty]));
  }
};

/**
 * A list line's declared facts that customs' reasons point at and the officer may correct: its 规格型号
 * (the declaration elements), 商品名称 and 原产国. Everything else on a line comes from the book line or
 * the movements (book line, item, HS code, units, quantities, price).
 */
export interface ListLineFix {
  readonly gdsSpcfModelDesc?: string;
  readonly gdsNm?: string;
  readonly natcd?: string;
}

/** What the officer fixes in the workbench: the head's remark, and a list's lines by their gdsSeqno. */
export interface DocumentFix {
  readonly rmk?: string;
  readonly lines?: ReadonlyMap<number, ListLineFix>;
}

/** The edit a fix makes. Line fixes apply to a 核注清单; the other kinds take the remark only. */
export const withFix =
  (fix: DocumentFix): DocumentEdit =>
  (document) => {
    const rmk = fix.rmk === undefined ? {} : { rmk: fix.rmk };
    // The kinds' heads are different types, so each is rebuilt as its own kind.
    switch (document.kind) {
      case 'INV101':
        return {
          ...document,
          head: { ...document.head, ...rmk },
          lines: document.lines.map((line) => ({ ...line, ...fix.lines?.get(line.gdsSeqno) })),
        };
      case 'SAS101':
        return { ...document, head: { ...document.head, ...rmk } };
      case 'SAS111':
        return { ...document, head: { ...document.head, ...rmk } };
      case 'SAS121':
        return { ...document, head: { ...document.head, ...rmk } };
    }
  };

/** The document less what a fix may change (see ListLineFix): no edit may change what is left. */
const fixedPartOf = (document: CustomsDocumentModel) => {
  const head = { ...document.head, rmk: undefined };
  return JSON.stringify(
    document.kind === 'INV101'
      ? {
          ...document,
          head,
          lines: document.lines.map((line) => ({ ...line, gdsSpcfModelDesc: '', gdsNm: '', natcd: '' })),
        }
      : { ...document, head },
  );
};

/** Statuses of an 出入库单 still on its way: the 业务申报表 it draws on cannot be closed meanwhile. */
const slipInFlight: ReadonlySet<DocumentStatus> = new Set([
  'queued',
  'sent',
  'imported',
  'manualReview',
  'approved',
  'withdrawing',
]);

/**
 * Fixes or changes a document through the lifecycle, always under its SAME enterprise-internal number:
 * - not yet sent (draft, or queued): edited in place;
 * - 退单 or a failed import: re-declared (REDECLARE) — customs never accepted this version, so it stays
 *   a first filing with the same chgTmsCnt;
 * - approved or pre-posted: a 变更 (CHANGE) — chgTmsCnt + 1, dclTypecd 2, naming the QD number;
 * - anything else (in flight, through the gate, posted, withdrawn) is refused with the reason.
 * Book lines and quantities follow the movements and cannot be edited: post a correcting movement or
 * withdraw the document instead. Beyond them, only what a DocumentFix names may change. The edited
 * document must pass the document rules before it is kept.
 */
export async function changeDocument(
  db: ZonebookDb,
  documentId: string,
  edit: DocumentEdit,
  options: EditOptions,
): Promise<DeclarationRow> {
  return db.transaction('rw', [db.declarations, db.books, db.enterprises], async () => {
    const row = await db.declarations.get(documentId);
    if (!row) throw new StoreError('notFound', `Document ${documentId} does not exist`);
    const status = row.state.status;
    let state: DocumentState = row.state;
    let event: TimelineEvent['event'] = 'changed';
    let base = row.document;
    if (status === 'rejected' || status === 'importFailed') {
      state = commandOrRefuse(row, state, { type: 'REDECLARE' });
      event = 'redeclared';
    } else if (status === 'approved' || status === 'prePosted') {
      if (base.kind !== 'INV101')
        throw locked(
          row,
          base.kind === 'SAS101'
            ? 'an approved 业务申报表 is not changed here; close it (结案) and the next movements get a new one'
            : 'an accepted gate pass or 出入库单 cannot be changed; withdraw it (作废) and make a new one',
        );
      if (row.customsNo === undefined)
        throw locked(row, 'customs has not given the list number a change names');
      state = commandOrRefuse(row, state, { type: 'CHANGE' });
      base = {
        ...base,
        head: { ...base.head, dclTypecd: '2', chgTmsCnt: state.chgTmsCnt, bondInvtNo: row.customsNo },
      };
    } else if (status !== 'draft' && status !== 'queued') {
      throw locked(row, `it is ${status}: customs has it, so it cannot be edited now`);
    }
    const edited = edit(base);
    if (edited.kind !== base.kind || identityOf(edited) !== identityOf(base))
      throw locked(row, 'the number, kind and book of a document never change');
    if (quantitiesOf(edited) !== quantitiesOf(base))
      throw locked(
        row,
        'its lines and quantities follow the movements: post a correcting movement or withdraw it',
      );
    if (fixedPartOf(edited) !== fixedPartOf(base))
      throw locked(
        row,
        'only the remark (rmk) and a list line’s 规格型号 (gdsSpcfModelDesc), 商品名称 (gdsNm) and 原产国 (natcd) can be fixed: the rest follows the book line and the movements',
      );
    const checked = parseCustomsDocument(edited);
    if (!checked.success)
      throw new StoreError(
        'invalid',
        `The changed document breaks the customs rules`,
        fieldErrorsOf(checked.error),
      );
    if (state.status === 'draft' && status !== 'draft')
      state = commandOrRefuse(row, state, { type: 'QUEUE' });
    const next = await rerendered(db, row, checked.data, state, options, { at: options.now, event });
    await db.declarations.put(next);
    return next;
  });
}

/**
 * Takes a document back, as the lifecycle allows. Before customs holds it (draft, queued, 退单, failed
 * import) it is withdrawn at once and its movements return to pending, to be batched again under a NEW
 * number (this one is burnt, never reused). Once customs holds it, a deletion request (dclTypecd 3:
 * 删除 a list, 作废 a pass or 出入库单, 结案 a 业务申报表) goes out under the same number, and the movements
 * return only when customs approves it. A list or slip whose gate pass customs already holds is refused
 * (withdraw the pass first), and so is a form with a slip still on its way.
 */
export async function withdrawDocument(
  db: ZonebookDb,
  documentId: string,
  reason: string,
  options: EditOptions,
): Promise<DeclarationRow> {
  return db.transaction(
    'rw',
    [db.declarations, db.journal, db.outboxQueue, db.books, db.enterprises],
    async () => {
      const row = await db.declarations.get(documentId);
      if (!row) throw new StoreError('notFound', `Document ${documentId} does not exist`);
      if (row.messageType === 'INV101' || row.messageType === 'SAS111') {
        const passes = await db.declarations.where('listId').equals(row.id).toArray();
        const live = passes.find((pass) => !['draft', 'withdrawn'].includes(pass.state.status));
        if (live)
          throw locked(
            row,
            `its gate pass ${live.etpsInnerInvtNo} is ${live.state.status}: withdraw the pass first`,
          );
      }
      if (row.messageType === 'SAS101') {
        const slips = (await db.declarations.where('bookId').equals(row.bookId).toArray()).filter(
          (slip) => slip.formId === row.id && slipInFlight.has(slip.state.status),
        );
        if (slips[0])
          throw locked(
            row,
            `its 出入库单 ${slips[0].etpsInnerInvtNo} is ${slips[0].state.status}: let it finish or withdraw it first`,
          );
      }
      const state = commandOrRefuse(row, row.state, { type: 'WITHDRAW' });
      if (state.status === 'withdrawn') {
        const next: DeclarationRow = {
          ...row,
          state,
          outboxState: 'idle',
          timeline: [...row.timeline, { at: options.now, event: 'withdrawn', detail: reason }],
        };
        await db.declarations.put(next);
        await returnMovements(db, next, options.now);
        return next;
      }
      if (row.customsNo === undefined)
        throw locked(
          row,
          'customs has it but has not numbered it yet: wait for its answer, then withdraw it',
        );
      const deletion = deletionOf(row.document, row.customsNo);
      const next = await rerendered(db, row, deletion, state, options, {
        at: options.now,
        event: 'withdrawalRequested',
        detail: reason,
      });
      await db.declarations.put(next);
      return next;
    },
  );
}

function commandOrRefuse(row: DeclarationRow, state: DocumentState, command: DocumentCommand): DocumentState {
  const result = applyDocumentCommand(state, command);
  if (!result.ok) throw locked(row, result.reason);
  return result.state;
}

/** The deletion request (dclTypecd 3) of a document customs has numbered, naming it by that number. */
function deletionOf(document: CustomsDocumentModel, customsNo: string): CustomsDocumentModel {
  switch (document.kind) {
    case 'INV101':
      return { ...document, head: { ...document.head, dclTypecd: '3', bondInvtNo: customsNo } };
    case 'SAS101':
      return { ...document, head: { ...document.head, dclTypecd: '3', sasDclNo: customsNo } };
    case 'SAS111':
      return { ...document, head: { ...document.head, dclTypecd: '3', sasStockNo: customsNo } };
    case 'SAS121':
      return { ...document, head: { ...document.head, dclTypecd: '3', passportNo: customsNo } };
  }
}

/** Number, book and direction: what a fix may never change. */
const identityOf = (document: CustomsDocumentModel) => {
  const book =
    document.kind === 'INV101'
      ? document.head.putrecNo
      : document.kind === 'SAS101'
        ? document.head.areainOriactNo
        : (document.head.areainOriactNo ?? '');
  return `${etpsInnerNoOf(document)}|${book}|${ieFlagOf(document)}`;
};

/** The row with its new document, state and XML (one revision on), ready to send. */
async function rerendered(
  db: ZonebookDb,
  row: DeclarationRow,
  document: CustomsDocumentModel,
  state: DocumentState,
  options: EditOptions,
  event: TimelineEvent,
): Promise<DeclarationRow> {
  const book = await db.books.get(row.bookId);
  const owner = book && (await db.enterprises.get(book.ownerEnterpriseId));
  if (!owner) throw new StoreError('notFound', `The owner of book ${row.bookId} is missing`);
  const revision = row.revision + 1;
  const rendered = renderDocument({
    document,
    etpsInnerNo: row.etpsInnerInvtNo,
    ieFlag: row.ieFlag,
    revision,
    owner,
    settings: options.settings ?? defaultDeclarationSettings,
    now: options.now,
  });
  const sendsNow = state.status === 'queued' || state.status === 'withdrawing';
  return {
    ...row,
    document,
    state,
    revision,
    importXml: rendered.importXml,
    schemaXml: rendered.schemaXml,
    fileName: rendered.fileName,
    outboxState: sendsNow ? 'ready' : row.outboxState,
    failedAttempts: sendsNow ? 0 : row.failedAttempts,
    timeline: [...row.timeline, event],
  };
}
