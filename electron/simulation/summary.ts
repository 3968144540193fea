import type { PostedBookLine } from '../customs/sandbox';
import type { HeldMovement } from '../../shared/customs/batching';
import { compareDecimal, sumDecimals, type DecimalString } from '../../shared/domain/decimal';
import { balanceDeltas, isCustodyAccount, kinds, postMovement } from '../../shared/ledger';
import { reconcileBook, type DeclarationRow, type JournalRow, type ZonebookDb } from '../../shared/store';
import type { SentMessage } from './sent-messages';
import { settlementOf, type OfficerMemory } from './settlement';

export interface SimulationSummary {
  movements: number;
  /** Movements customs must hear of (reversed ones excepted). */
  declarableMovements: number;
  /** Declarable movements the batching keeps pending, with why (collective period open, SAS101 chain…). */
  heldMovements: number;
  heldReasons: Record<string, number>;
  documents: number;
  lists: number;
  passes: number;
  /** 业务申报表 and the 出入库单 declared under them (goods out for processing or display, and back). */
  businessForms: number;
  stockSlips: number;
  messagesWritten: number;
  /** A document sent under two numbers, or two documents under one number. */
  duplicateSubmissions: number;
  posted: number;
  /** Documents customs rejected (退单) at least once. */
  rejected: number;
  /** Of those, re-declared by the officer and accepted the second time. */
  resolvedAfterRejection: number;
  /** Rejected again after the re-declaration: left for a person, reported rather than retried. */
  rejectedForGood: number;
  importFailures: number;
  parked: number;
  /**
   * Documents neither finished nor stuck when the loop fell quiet or timed out: nothing more will move
   * them (an answer that never came), or the deadline cut the run short.
   */
  unsettled: number;
  /** Declarable movements neither held nor in a live (not withdrawn) document. */
  lostMovements: number;
  /** Every document finished: lists posted, passes and slips through the gate, forms approved. */
  everythingPosted: boolean;
  /**
   * On every book line customs has finished with (no movement of it waiting in an unposted document),
   * our projected balance equals customs' posted stock, as the store's official book (INV211) and the
   * sandbox's own book both say. With everything posted, that is every line.
   */
  projectedEqualsPosted: boolean;
  bookLinesCompared: number;
  /** Lines left out of the comparison: a movement of theirs is held, rejected for good or unanswered. */
  bookLinesAwaitingCustoms: number;
  bookLinesDiffering: string[];
  timedOut: boolean;
  elapsedSeconds: number;
}

export interface SummaryInput {
  db: ZonebookDb;
  bookId: string;
  movements: number;
  sent: readonly SentMessage[];
  held: readonly HeldMovement[];
  officer: OfficerMemory;
  /** Customs' own book, when the sandbox ran; undefined against a real client. */
  customsBook: readonly PostedBookLine[] | undefined;
  timedOut: boolean;
  elapsedSeconds: number;
}

const countBy = <T>(values: readonly T[], key: (value: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
  return counts;
};

export async function summarise(input: SummaryInput): Promise<SimulationSummary> {
  const { db, officer } = input;
  const [documents, journal, receipts] = await Promise.all([
    db.declarations.toArray(),
    db.journal.toArray(),
    db.receipts.where('disposition').equals('applied').toArray(),
  ]);
  const byId = new Map(documents.map((row) => [row.id, row]));
  const passesOf = new Map<string, DeclarationRow[]>();
  for (const row of documents)
    if (row.listId !== undefined) passesOf.set(row.listId, [...(passesOf.get(row.listId) ?? []), row]);
  const settlement = (row: DeclarationRow) =>
    settlementOf(
      row,
      officer,
      (id) => byId.get(id),
      (id) => passesOf.get(id) ?? [],
    );
  const everRejected = new Set(
    receipts.filter((receipt) => receipt.outcome === 'rejected').map((receipt) => receipt.documentId),
  );
  const everFailed = new Set(
    receipts.filter((receipt) => receipt.outcome === 'importFailed').map((receipt) => receipt.documentId),
  );
  const isDone = (row: DeclarationRow) => settlement(row) === 'done' && row.state.status !== 'withdrawn';

  const declarable = journal.filter(
    (row) => kinds[row.entry.movement.kind].declare && row.declareStatus !== 'cancelled',
  );
  const heldIds = new Set(input.held.map((held) => held.movementId));
  const lost = declarable.filter((row) => {
    if (row.declareStatus === 'pending') return !heldIds.has(row.movementId);
    const document = row.documentId === undefined ? undefined : byId.get(row.documentId);
    return document === undefined || document.state.status === 'withdrawn';
  });

  const awaiting = linesAwaitingCustoms(journal, byId);
  const comparison = await compareBooks(input, awaiting);
  const everythingPosted = documents.every(isDone);
  return {
    movements: input.movements,
    declarableMovements: declarable.length,
    heldMovements: input.held.length,
    heldReasons: countBy(input.held, (held) => held.code),
    documents: documents.length,
    lists: documents.filter((row) => row.messageType === 'INV101').length,
    passes: documents.filter((row) => row.messageType === 'SAS121').length,
    businessForms: documents.filter((row) => row.messageType === 'SAS101').length,
    stockSlips: documents.filter((row) => row.messageType === 'SAS111').length,
    messagesWritten: input.sent.length,
    duplicateSubmissions: duplicateSubmissions(documents, input.sent),
    posted: documents.filter(isDone).length,
    rejected: everRejected.size,
    resolvedAfterRejection: documents.filter((row) => everRejected.has(row.id) && isDone(row)).length,
    rejectedForGood: documents.filter((row) => row.state.status === 'rejected' && settlement(row) === 'stuck')
      .length,
    importFailures: everFailed.size,
    parked: documents.filter((row) => row.outboxState === 'parked').length,
    unsettled: documents.filter((row) => ['inFlight', 'officer', 'blocked'].includes(settlement(row))).length,
    lostMovements: lost.length,
    everythingPosted,
    projectedEqualsPosted: comparison.differing.length === 0,
    bookLinesCompared: comparison.compared,
    bookLinesAwaitingCustoms: awaiting.size,
    bookLinesDiffering: comparison.differing,
    timedOut: input.timedOut,
    elapsedSeconds: input.elapsedSeconds,
  };
}

/**
 * Counts what idempotency must prevent: a number the OutBox saw that is not exactly one stored document
 * of that kind, and a movement carried to customs by two different numbers (lists or slips, or passes).
 */
function duplicateSubmissions(documents: readonly DeclarationRow[], sent: readonly SentMessage[]): number {
  const byNumber = new Map<string, DeclarationRow[]>();
  for (const row of documents) {
    const key = `${row.messageType}:${row.etpsInnerInvtNo}`;
    byNumber.set(key, [...(byNumber.get(key) ?? []), row]);
  }
  const sentNumbers = new Set(sent.map((message) => `${message.kind}:${message.etpsInnerNo}`));
  let duplicates = 0;
  for (const key of sentNumbers) if ((byNumber.get(key)?.length ?? 0) !== 1) duplicates += 1;
  for (const kind of ['INV101', 'SAS111', 'SAS121'] as const) {
    const numbersOfMovement = new Map<string, Set<string>>();
    for (const row of documents) {
      if (row.messageType !== kind || !sentNumbers.has(`${kind}:${row.etpsInnerInvtNo}`)) continue;
      for (const id of row.movementIds)
        numbersOfMovement.set(id, (numbersOfMovement.get(id) ?? new Set()).add(row.etpsInnerInvtNo));
    }
    for (const numbers of numbersOfMovement.values()) if (numbers.size > 1) duplicates += 1;
  }
  return duplicates;
}

/**
 * The book lines customs has not finished with: touched by a declarable movement that is not in a
 * posted document and that moves goods onto or off customs' book. Goods merely moving between our own
 * custody accounts (out for processing, on display, declared by 出入库单 that customs never posts) do not
 * count; goods going into transit to another zone do, since customs takes them off the book when the
 * transfer list is posted.
 */
function linesAwaitingCustoms(
  journal: readonly JournalRow[],
  documents: ReadonlyMap<string, DeclarationRow>,
): Set<string> {
  const awaiting = new Set<string>();
  for (const row of journal) {
    if (!kinds[row.entry.movement.kind].declare || row.declareStatus === 'cancelled') continue;
    const document = row.documentId === undefined ? undefined : documents.get(row.documentId);
    if (document?.state.status === 'posted') continue;
    const perLine = new Map<string, DecimalString[]>();
    for (const delta of balanceDeltas(postMovement(row.entry.movement)))
      if (isCustodyAccount(delta.account) && delta.account !== 'transit')
        perLine.set(delta.bookLineId, [...(perLine.get(delta.bookLineId) ?? []), delta.delta]);
    for (const [lineId, deltas] of perLine)
      if (compareDecimal(sumDecimals(deltas), '0') !== 0) awaiting.add(lineId);
  }
  return awaiting;
}

/**
 * Per book line customs has finished with: our projected balance, customs' posted stock as our store
 * learnt it (INV211), and the sandbox's own book must all agree. The lines that disagree, named.
 */
async function compareBooks(
  input: SummaryInput,
  awaiting: ReadonlySet<string>,
): Promise<{ compared: number; differing: string[] }> {
  const rows = await reconcileBook(input.db, input.bookId);
  const book = await input.db.books.get(input.bookId);
  const customs = new Map(
    (input.customsBook ?? [])
      .filter((line) => line.bwsNo === book?.putrecNo)
      .map((line) => [line.gdsSeqno, line.stock]),
  );
  const differing: string[] = [];
  let compared = 0;
  for (const row of rows) {
    if (row.bookLineId !== undefined && awaiting.has(row.bookLineId)) continue;
    compared += 1;
    const customsStock = customs.get(row.gdsSeqno) ?? '0';
    const sandboxAgrees = input.customsBook === undefined || compareDecimal(customsStock, row.posted) === 0;
    if (compareDecimal(row.projected, row.posted) !== 0 || !sandboxAgrees)
      differing.push(
        `#${row.gdsSeqno}: projected ${row.projected}, posted ${row.posted}${input.customsBook ? `, customs ${customsStock}` : ''}`,
      );
  }
  return { compared, differing };
}
