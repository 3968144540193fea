import type { AccountBook } from '../../domain/account-book';
import type { BookLine } from '../../domain/book-line';
import { customsDateOf } from '../../domain/customs-date';
import type { Enterprise } from '../../domain/enterprise';
import { kinds, type KindRule, type Movement } from '../../ledger';
import { Inv101Document } from '../model/inv101';
import { Sas121Document } from '../model/sas121';
import { buildList, mergeLines } from './build-list';
import { buildPass, carrierOfList } from './build-pass';
import { batchBusinessChain, type BusinessFormRef } from './business-chain';
import { customsCover, declaresOutboundList, shortfallReason, type CustomsStock } from './customs-cover';
import { factsKey, listFactsOf, type BookContext, type ListFacts } from './customs-facts';
import type { DocumentDraft, HeldMovement, HoldCode } from './drafts';
import type { NumberAllocator } from './enterprise-numbers';
import { isBusinessChainKind } from './form-key';
import { isPeriodClosed, periodOf, type Period } from './periods';
import type { BatchingPolicy, DeclarationSettings, UnitWeight } from './policy';
import { customsDateTimeOf } from './zone-time';
import { packByLineLimit } from './pack-by-line-limit';

/** Pending movements in journal order, with the master data their documents draw on. */
export interface BatchInput {
  readonly movements: readonly Movement[];
  readonly books: readonly AccountBook[];
  readonly bookLines: readonly BookLine[];
  readonly enterprises: readonly Enterprise[];
  /** Gross and net kilograms per declared unit, by item number (gdsMtno), for gate passes. */
  readonly unitWeights?: Readonly<Record<string, UnitWeight>>;
  /** The 业务申报表 already declared, so later slips draw on them rather than on new forms. */
  readonly businessForms?: readonly BusinessFormRef[];
  /**
   * Customs' book for the lines outbound movements take from: an outbound list is made only while it
   * covers them. Absent where customs' book is not known (a backup declared offline): nothing is held
   * for it then.
   */
  readonly customsStock?: readonly CustomsStock[];
}

export interface BatchOptions {
  readonly policy: BatchingPolicy;
  readonly settings: DeclarationSettings;
  /** The clock: the documents' dates, and which collection periods are over. */
  readonly now: string;
  readonly allocate: NumberAllocator;
}

export type { DocumentDraft, DraftMessageType, HeldMovement, HoldCode } from './drafts';

export interface BatchResult {
  readonly drafts: readonly DocumentDraft[];
  readonly held: readonly HeldMovement[];
}

interface Grouped {
  readonly facts: ListFacts;
  readonly context: BookContext;
  readonly period?: Period;
  readonly movements: Movement[];
}

/** Stands in for the number while a draft is checked, so a refused draft burns no number. */
const PLACEHOLDER_NO = 'UNNUMBERED';

/**
 * Turns pending movements into document drafts, purely: the same input, options and allocator give the
 * same drafts. Each declarable movement lands in exactly one list (and, when its kind needs a gate
 * pass, in exactly that list's pass), or is held with the reason — nothing is dropped and nothing is
 * declared twice. See describeBatchingPolicy for the rules in words.
 */
export function batchMovements(input: BatchInput, options: BatchOptions): BatchResult {
  const { policy, settings } = options;
  const today = customsDateOf(options.now);
  const books = new Map(input.books.map((book) => [book.id, book]));
  const bookLines = new Map(input.bookLines.map((line) => [line.id, line]));
  const enterprises = new Map(input.enterprises.map((enterprise) => [enterprise.id, enterprise]));
  const held: HeldMovement[] = [];
  const hold = (movement: Movement, code: HoldCode, reason: string) =>
    held.push({ movementId: movement.id, code, reason });
  const groups = new Map<string, Grouped>();
  const chainMovements: Movement[] = [];
  const contexts = new Map<string, BookContext>();
  const cover = input.customsStock && customsCover(input.customsStock, bookLines);

  for (const movement of input.movements) {
    const rule: KindRule = kinds[movement.kind];
    if (!rule.declare) continue;
    const book = books.get(movement.bookId);
    const owner = book && enterprises.get(book.ownerEnterpriseId);
    const lines = movement.lines.map((line) => bookLines.get(line.bookLineId));
    const firstLine = lines[0];
    if (!book || !owner || !firstLine || lines.some((line) => line === undefined)) {
      hold(movement, 'missingMasterData', 'its book, the book owner or one of its book lines is missing');
      continue;
    }
    contexts.set(book.id, { book, owner });
    const distinctLines = new Set(movement.lines.map((line) => line.bookLineId)).size;
    if (distinctLines > policy.lineLimit) {
      hold(
        movement,
        'tooManyLines',
        `it has ${distinctLines} book lines, more than the ${policy.lineLimit} one document may hold: split the movement`,
      );
      continue;
    }
    if (isBusinessChainKind(movement)) {
      chainMovements.push(movement);
      continue;
    }
    const verdict = listFactsOf(movement, firstLine, settings);
    if (!verdict.ok) {
      hold(movement, 'missingCounterparty', verdict.reason);
      continue;
    }
    let key = factsKey(verdict.facts);
    let period: Period | undefined;
    if (rule.collective) {
      period = periodOf(movement.customsDate, policy.collectivePeriod);
      if (!isPeriodClosed(period, today)) {
        hold(
          movement,
          'collectivePeriodOpen',
          `collected for the period ${period.from}–${period.to}; its collective list is declared after ${period.to}`,
        );
        continue;
      }
      key += `|${period.from}`;
    }
    if (cover && declaresOutboundList(movement)) {
      const shortfalls = cover.claim(movement);
      if (shortfalls.length > 0) {
        held.push({
          movementId: movement.id,
          code: 'awaitingInboundPosting',
          reason: shortfallReason(shortfalls),
          shortfalls,
        });
        continue;
      }
    }
    const group = groups.get(key) ?? {
      facts: verdict.facts,
      context: { book, owner },
      ...(period && { period }),
      movements: [],
    };
    group.movements.push(movement);
    groups.set(key, group);
  }

  const drafts: DocumentDraft[] = [];
  for (const group of groups.values()) {
    for (const chunk of packByLineLimit(group.movements, policy.lineLimit)) {
      const made = draftsOfChunk(group, chunk, bookLines, input.unitWeights ?? {}, options, today);
      if (made.ok) drafts.push(...made.drafts);
      else for (const movement of chunk) hold(movement, 'invalidDocument', made.reason);
    }
  }
  if (chainMovements.length > 0) {
    const chain = batchBusinessChain(
      {
        movements: chainMovements,
        bookLines,
        contextOf: (bookId) => contexts.get(bookId) as BookContext,
        forms: input.businessForms ?? [],
        unitWeights: input.unitWeights ?? {},
      },
      { policy, settings, now: options.now, today, allocate: options.allocate },
    );
    drafts.push(...chain.drafts);
    held.push(...chain.held);
  }
  return { drafts, held };
}

type ChunkDrafts = { ok: true; drafts: DocumentDraft[] } | { ok: false; reason: string };

function draftsOfChunk(
  group: Grouped,
  chunk: readonly Movement[],
  bookLines: ReadonlyMap<string, BookLine>,
  unitWeights: Readonly<Record<string, UnitWeight>>,
  options: BatchOptions,
  today: string,
): ChunkDrafts {
  const merged = mergeLines(
    chunk.flatMap((movement) =>
      movement.lines.map((line) => ({ bookLine: bookLines.get(line.bookLineId) as BookLine, qty: line.qty })),
    ),
  );
  const { facts, context, period } = group;
  const listOf = (etpsInnerInvtNo: string) =>
    buildList({
      etpsInnerInvtNo,
      facts,
      context,
      lines: merged,
      customsDate: today,
      mtpckEndprdMarkcd: options.settings.mtpckEndprdMarkcd,
      ...(options.settings.icCardNo !== undefined && { icCardNo: options.settings.icCardNo }),
      ...(period && { rmk: `集中申报 ${period.from}-${period.to}` }),
    });
  const passOf = (etpsPreentNo: string, list: Inv101Document) =>
    buildPass({
      etpsPreentNo,
      carrier: carrierOfList(list),
      passportTypecd: passportTypecd ?? '',
      context,
      weights: (gdsMtno) => unitWeights[gdsMtno],
      settings: options.settings,
      dclTime: customsDateTimeOf(options.now),
    });

  // Checked with a placeholder first, so a draft customs would refuse burns no number.
  const trialList = Inv101Document.safeParse(listOf(PLACEHOLDER_NO));
  if (!trialList.success)
    return { ok: false, reason: `the list would be invalid: ${issueText(trialList.error)}` };
  // A collective (分送集报) list declares goods that already left, each dispatch under its own 出入库单
  // and pass; customs posts it without a gate, so a pass naming it would be refused.
  const passportTypecd = period === undefined ? facts.passportTypecd : undefined;
  if (passportTypecd !== undefined) {
    const trialPass = Sas121Document.safeParse(passOf(PLACEHOLDER_NO, trialList.data));
    if (!trialPass.success)
      return { ok: false, reason: `the gate pass would be invalid: ${issueText(trialPass.error)}` };
  }

  const movementIds = chunk.map((movement) => movement.id);
  const listNo = options.allocate(today);
  const list = listOf(listNo);
  const drafts: DocumentDraft[] = [
    {
      messageType: 'INV101',
      etpsInnerNo: listNo,
      bookId: facts.bookId,
      ieFlag: facts.ie,
      document: list,
      movementIds,
      ...(period && { period }),
    },
  ];
  if (passportTypecd !== undefined) {
    const passNo = options.allocate(today);
    drafts.push({
      messageType: 'SAS121',
      etpsInnerNo: passNo,
      bookId: facts.bookId,
      ieFlag: facts.ie,
      document: passOf(passNo, list),
      movementIds,
      listNo,
    });
  }
  return { ok: true, drafts };
}

function issueText(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'unknown';
}
