import type { Inv101Document } from '../../../shared/customs/model/inv101';
import type { OpeningStockLine } from '../../../shared/customs/opening-stock';
import { etpsInnerNoOf, ieFlagOf } from '../../../shared/customs/model/customs-document';
import { addDecimal, compareDecimal, subtractDecimal } from '../../../shared/domain/decimal';
import { sha256Hex } from '../endpoints/sha256';
import { validateMessage } from '../xsd-validate';
import { sasDclBsc, sasDclDts, sasStockBsc, sasStockDts, type ChainFlags } from './chain-receipts';
import * as numbers from './customs-numbers';
import { customsDateTime, envelopeTime } from './customs-time';
import {
  approvalResult,
  bondInvtBsc,
  bwsDt,
  checkInfos,
  generatedDeclaration,
  type ListFlags,
} from './list-receipts';
import { reviewForm } from './form-review';
import { reviewList } from './list-review';
import { SandboxOptions, type SandboxOptionsInput } from './options';
import { sasPassportBsc, sasPassportDts, sasPassportRlts, type PassFlags } from './pass-receipts';
import { reviewPass } from './pass-review';
import { readDeclaration, type Declaration } from './read-declaration';
import { renderCommonResponse, renderPackageReceipt, type XmlRecord } from './receipt-xml';
import {
  bookKey,
  holdOpeningStock,
  moveOnSlip,
  openingLine,
  postedLine,
  postQuantity,
  releaseQuantity,
  reserveQuantity,
  type OpeningBookLine,
  type PostedBookLine,
} from './sandbox-book';
import { realClock, type SandboxClock } from './sandbox-clock';
import { reviewSlip } from './slip-review';
import {
  documentKey,
  emptySandboxState,
  type AgendaEntry,
  type AgendaTask,
  type DocumentRecord,
  type FormRecord,
  type ListRecord,
  type PassRecord,
  type SlipRecord,
  type ReceiptFile,
  type SandboxState,
  type TakenMessage,
} from './sandbox-state';
import { seededRandom } from './seeded-random';

/** What the sandbox hands its transport: the client's answer to a taken message, or a customs receipt. */
export type SandboxOutput =
  | {
      readonly kind: 'answer';
      readonly message: TakenMessage;
      /** DealFlag 0: the message goes to SentBox; otherwise to FailBox. */
      readonly imported: boolean;
      readonly response: ReceiptFile;
    }
  | { readonly kind: 'receipt'; readonly file: ReceiptFile };

export interface SandboxCustomsConfig {
  options?: SandboxOptionsInput;
  /** The state a previous run persisted; a fresh customs when absent. */
  state?: SandboxState;
  clock?: SandboxClock;
  /** Delivers an answer or receipt; the transport writes it to a folder or its receipt feed. */
  emit(output: SandboxOutput): Promise<void>;
  /** Keeps the state (after every change), so a restart resumes. */
  persist?(state: SandboxState): Promise<void>;
  /** Told when the client crashes, so the transport stops taking messages. */
  onCrash?(): void;
  reportError?(text: string): void;
}

/** How an incoming message stands against what customs already holds under its number. */
export type MessageStanding = 'new' | 'identical' | 'newVersion' | 'conflict' | 'unreadable';

/**
 * The sandbox customs, transport-neutral: it takes one message at a time as the Single Window client
 * takes a file, answers with CommonResponeMessage, and then, on its clock, behaves as customs does —
 * approval or 退单 (INV201, SAS201, SAS211, SAS221), the generated declaration (INV202), the gate (SAS223)
 * and the posting with the book lines (INV211) — keeping its own copy of the book, and injecting the
 * faults its options ask for. Goods out under an 出入库单 stay on its book: a slip moves nothing posted,
 * only what of the book is in the zone. All work runs one job at a time; the state is persisted after each.
 */
export interface SandboxCustoms {
  /** Takes a message; its answer follows unless the client crashes on it. */
  take(message: TakenMessage): Promise<void>;
  /** Starts (or, after a crash, restarts) the client: arms the timers and answers what was taken. */
  start(): Promise<void>;
  /** Stops all timers; the state stays as persisted. */
  stop(): Promise<void>;
  isCrashed(): boolean;
  /** Names of messages taken and not yet answered. */
  pendingMessages(): string[];
  standing(xml: string): MessageStanding;
  /** Sets lines of customs' book (opening stock), replacing lines with the same bwsNo and gdsSeqno. */
  seedBook(lines: readonly OpeningBookLine[]): Promise<void>;
  /**
   * Adds opening stock customs' book holds without a list of ours, once per movement and book line: what
   * it already holds from an earlier call is counted, not added again. Answers with the id of the state
   * that holds it (SandboxState.id), so the teller knows whether what it told before is still held.
   */
  holdOpeningStock(
    lines: readonly OpeningStockLine[],
  ): Promise<{ added: number; alreadyHeld: number; stateId: string }>;
  /** What customs has posted, per book line. */
  postedBook(): PostedBookLine[];
  /** Resolves once no job is running or queued. */
  idle(): Promise<void>;
  lastError(): string | null;
}

const successText: Readonly<Record<string, string>> = {
  INV101: '保税核注清单申报服务调用成功',
  SAS101: '业务申报表申报服务调用成功',
  SAS111: '出入库单申报服务调用成功',
  SAS121: '核放单申报服务调用成功',
};
const draftText: Readonly<Record<string, string>> = {
  INV101: '保税核注清单暂存服务调用成功',
  SAS101: '业务申报表暂存服务调用成功',
  SAS111: '出入库单暂存服务调用成功',
  SAS121: '核放单暂存服务调用成功',
};
const busyText =
  '报文导入失败：单一窗口服务繁忙，请稍后重新发送 (import failed: the service is busy, send the same message again later)';

/** Lists that move goods across the zone's boundary under a declaration wait for their goods to pass the gate. */
export const listNeedsGatePass = (document: Inv101Document): boolean =>
  document.head.dclcusFlag === '1' && document.head.bondInvtTypecd === '0';

const districtOf = (document: Declaration) =>
  document.kind === 'INV101' ? document.head.dclPlcCuscd : document.head.masterCuscd;

/** The pre-entry number a message names: empty on a first filing, customs' own after that. */
const seqNoOf = (document: Declaration): string | undefined => {
  switch (document.kind) {
    case 'SAS101':
      return document.head.sasDclPreentNo;
    case 'SAS111':
      return document.head.sasStockPreentNo;
    default:
      return document.head.seqNo;
  }
};

/** The documents a gate pass carries goods for. */
type Carrier = ListRecord | SlipRecord;
const isCarrier = (record: DocumentRecord | undefined): record is Carrier =>
  record?.kind === 'INV101' || record?.kind === 'SAS111';

/** A draft and its declaration differ even with the same content. */
const fingerprintOf = (document: Declaration, declare: boolean) =>
  sha256Hex(JSON.stringify({ declare, document }));

export function createSandboxCustoms(config: SandboxCustomsConfig): SandboxCustoms {
  const options = SandboxOptions.parse(config.options ?? {});
  const clock = config.clock ?? realClock;
  const state = config.state ?? emptySandboxState(options.seed);
  const random = seededRandom(state.random);
  const timers = new Map<number, () => void>();
  let restartTimer: (() => void) | null = null;
  let running = false;
  let error: string | null = null;
  let tail: Promise<unknown> = Promise.resolve();

  const report = (text: string) => {
    error = text;
    config.reportError?.(text);
  };

  /** Runs jobs one at a time, persisting after each, so timers and messages never interleave. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = tail.then(async () => {
      try {
        return await job();
      } finally {
        state.random = random.state();
        await config.persist?.(state);
      }
    });
    tail = run.catch((cause: unknown) => report(cause instanceof Error ? cause.message : String(cause)));
    return run;
  }

  const now = () => clock.now();
  const nowText = () => customsDateTime(now());

  // ——— the agenda: customs' future steps, persisted so a restart keeps them ———

  function arm(entry: AgendaEntry): void {
    if (!running || timers.has(entry.id)) return;
    const cancel = clock.setTimer(Math.max(0, entry.dueAt - now().getTime()), () => {
      timers.delete(entry.id);
      void serial(() => runEntry(entry.id));
    });
    timers.set(entry.id, cancel);
  }

  function schedule(task: AgendaTask, delayMs: number): void {
    state.counters.agenda += 1;
    const entry = { id: state.counters.agenda, dueAt: now().getTime() + delayMs, task };
    state.agenda.push(entry);
    arm(entry);
  }

  function disarm(): void {
    for (const cancel of timers.values()) cancel();
    timers.clear();
  }

  async function runEntry(id: number): Promise<void> {
    const index = state.agenda.findIndex((entry) => entry.id === id);
    const entry = state.agenda[index];
    if (!entry || !running || state.crashed) return;
    state.agenda.splice(index, 1);
    const { task } = entry;
    if (task.kind === 'deliver') return config.emit({ kind: 'receipt', file: task.file });
    const record = state.documents[task.key];
    if (!record || record.version !== task.version) return;
    if (task.kind === 'decide') {
      switch (record.kind) {
        case 'INV101':
          return decideList(record, task.final);
        case 'SAS101':
          return decideForm(record, task.final);
        case 'SAS111':
          return decideSlip(record, task.final);
        case 'SAS121':
          return decidePass(record, task.final);
      }
    }
    if (task.kind === 'declaration' && record.kind === 'INV101') return issueDeclaration(record);
    if (task.kind === 'gate') {
      if (record.kind === 'SAS121') return passGate(record);
      if (isCarrier(record)) return autoGate(record);
    }
    if (task.kind === 'post' && record.kind === 'INV101') return postList(record);
  }

  // ——— receipts: numbered, pocketed, and delivered with the faults asked for ———

  interface Pocket {
    readonly messageType: string;
    readonly body: readonly XmlRecord[];
    readonly pocket?: { readonly pocketId: string; readonly total: number; readonly current: number };
  }

  /** Splits a receipt's lines into pockets of at most `pocketLines` (the heads travel in the first). */
  function pocketsOf(
    messageType: string,
    heads: readonly XmlRecord[],
    lines: readonly XmlRecord[],
    pocketId: string | undefined,
  ): Pocket[] {
    const size = options.pocketLines > 0 ? options.pocketLines : Math.max(1, lines.length);
    const chunks: XmlRecord[][] = [];
    for (let start = 0; start === 0 || start < lines.length; start += size)
      chunks.push(lines.slice(start, start + size));
    if (pocketId === undefined) return [{ messageType, body: [...heads, ...lines] }];
    return chunks.map((chunk, index) => ({
      messageType,
      body: index === 0 ? [...heads, ...chunk] : chunk,
      pocket: { pocketId, total: chunks.length, current: index + 1 },
    }));
  }

  /** One file of a receipt, under a message id of its own. */
  function renderPocket({ messageType, body, pocket }: Pocket): ReceiptFile {
    state.counters.message += 1;
    const messageId = numbers.receiptMessageId(options.receiverId, now(), state.counters.message);
    const fileName = `${messageId}.${messageType.slice(0, 3)}`;
    const xml = renderPackageReceipt({
      messageType,
      messageId,
      fileName,
      receiverId: options.receiverId,
      sendTime: envelopeTime(now()),
      pocket,
      body,
    });
    return { name: fileName, xml };
  }

  async function issue(
    messageType: string,
    businessId: string,
    heads: readonly XmlRecord[],
    lines: readonly XmlRecord[] = [],
  ): Promise<void> {
    // SAS211's schema puts CheckInfo after the slip's lines; the others put it with the head.
    // INV202 is read without PocketInfo by the production bridge we follow; every other receipt has one.
    const pocketId = messageType === 'INV202' ? undefined : `${businessId}-${random.hex32()}`;
    const trailing = messageType === 'SAS211' ? heads.filter((record) => record.name === 'CheckInfo') : [];
    const leading = heads.filter((record) => !trailing.includes(record));
    for (const pocket of pocketsOf(messageType, leading, [...lines, ...trailing], pocketId)) {
      const file = renderPocket(pocket);
      const delivered = random.chance(options.halfWrittenRate) ? { ...file, halfWritten: true } : file;
      // A reissue (回执补发送) carries a new message id: a new file with the same news.
      if (random.chance(options.duplicateRate))
        schedule({ kind: 'deliver', file: renderPocket(pocket) }, options.duplicateDelayMs);
      if (random.chance(options.outOfOrderRate))
        schedule({ kind: 'deliver', file: delivered }, options.outOfOrderDelayMs);
      else await config.emit({ kind: 'receipt', file: delivered });
    }
  }

  const listReceipt = (
    record: ListRecord,
    manageResult: string,
    flags: ListFlags,
    reasons: readonly string[] = [],
  ) =>
    issue('INV201', record.customsNo, [
      approvalResult(record, manageResult, nowText()),
      ...checkInfos(reasons),
      bondInvtBsc(record, flags),
    ]);

  const passReceipt = (
    messageType: 'SAS221' | 'SAS223',
    record: PassRecord,
    manageResult: string,
    flags: PassFlags,
    reasons: readonly string[] = [],
  ) =>
    issue(
      messageType,
      record.customsNo,
      [
        approvalResult(record, manageResult, nowText()),
        ...checkInfos(reasons),
        sasPassportBsc(record, flags),
      ],
      [...sasPassportDts(record), ...sasPassportRlts(record)],
    );

  const formReceipt = (
    record: FormRecord,
    manageResult: string,
    flags: ChainFlags,
    reasons: readonly string[] = [],
  ) =>
    issue(
      'SAS201',
      record.customsNo,
      [
        approvalResult(record, manageResult, nowText()),
        ...checkInfos(reasons),
        sasDclBsc(record, flags, nowText()),
      ],
      sasDclDts(record),
    );

  const slipReceipt = (
    record: SlipRecord,
    manageResult: string,
    flags: ChainFlags,
    reasons: readonly string[] = [],
  ) =>
    issue(
      'SAS211',
      record.customsNo,
      [approvalResult(record, manageResult, nowText()), sasStockBsc(record, flags), ...checkInfos(reasons)],
      sasStockDts(record),
    );

  // ——— the client: import ———

  async function answer(message: TakenMessage): Promise<void> {
    const reply = (imported: boolean, response: Parameters<typeof renderCommonResponse>[0]) =>
      config.emit({
        kind: 'answer',
        message,
        imported,
        response: {
          name: `${imported ? 'Successed' : 'Failed'}_${message.name}`,
          xml: renderCommonResponse(response),
        },
      });
    const read = readDeclaration(message.xml);
    if (!read.ok) {
      const reasons = [...read.reasons];
      if (read.form === 'schema' && options.xsdRoot !== undefined) {
        const checked = await validateMessage(message.xml, { xsdRoot: options.xsdRoot });
        reasons.push(
          checked.status === 'valid'
            ? `XSD 校验通过 (valid against ${checked.schema})`
            : `XSD 校验不通过 (schema errors): ${checked.errors.join('; ')}`,
        );
      }
      return reply(false, { etpsPreentNo: read.etpsInnerNo, checkInfo: reasons.join('；'), dealFlag: '-1' });
    }
    const { document, declare } = read;
    const etpsPreentNo = etpsInnerNoOf(document);
    const failed = (checkInfo: string) => reply(false, { etpsPreentNo, checkInfo, dealFlag: '-1' });
    if (random.chance(options.importFailureRate)) return failed(busyText);

    const key = documentKey(document.kind, etpsPreentNo);
    const existing = state.documents[key];
    const fingerprint = fingerprintOf(document, declare);
    const succeeded = (seqNo: string) =>
      reply(true, {
        seqNo,
        etpsPreentNo,
        checkInfo: (declare ? successText : draftText)[document.kind] ?? '',
        dealFlag: '0',
      });
    // An identical resend is the same document: same pre-entry number, nothing done twice.
    if (existing?.fingerprint === fingerprint) return succeeded(existing.seqNo);
    const refusal = existing ? versionRefusal(existing, document) : firstFilingRefusal(document);
    if (refusal !== undefined) return failed(refusal);

    const record = existing ? newVersion(existing, document) : firstFiling(document);
    record.fingerprint = fingerprint;
    record.declaredAt = now().toISOString();
    record.status = declare ? 'reviewing' : 'draft';
    if (declare)
      schedule({ kind: 'decide', key, version: record.version, final: false }, options.approvalDelayMs);
    return succeeded(record.seqNo);
  }

  function firstFilingRefusal(document: Declaration): string | undefined {
    const seqNo = seqNoOf(document);
    const { dclTypecd } = document.head;
    if (seqNo !== undefined)
      return `预录入统一编号【${seqNo}】在系统中不存在 (no document with this pre-entry number; leave SeqNo empty on a first filing)`;
    if (dclTypecd !== '1')
      return `企业内部编号【${etpsInnerNoOf(document)}】无已申报的单证，不能变更或删除 (nothing was declared under this number to change or delete)`;
    return undefined;
  }

  /** Whether a different message under a used number may replace what customs holds (customs-domain.md §1.3). */
  function versionRefusal(existing: DocumentRecord, document: Declaration): string | undefined {
    const seqNo = seqNoOf(document);
    if (seqNo === undefined)
      return `导入报文中预录入统一编号为空，并且企业内部编号【${existing.etpsInnerNo}】与系统已有记录【${existing.seqNo}】的对应字段重复`;
    if (seqNo !== existing.seqNo)
      return `预录入统一编号【${seqNo}】与企业内部编号【${existing.etpsInnerNo}】的已有记录【${existing.seqNo}】不一致 (the pre-entry number belongs to another document)`;
    if (existing.status === 'posted' || existing.status === 'gatePassed' || existing.status === 'deleted')
      return `单证【${existing.customsNo}】状态为 ${existing.status}，不允许变更或删除 (a ${existing.status} document cannot be changed; declare an adjusting document instead)`;
    if (existing.status === 'reviewing' || existing.status === 'manualReview')
      return `单证【${existing.customsNo}】正在审核中，请待审核结果后再变更 (still under review; wait for the result before changing it)`;
    if (isCarrier(existing) && Object.keys(existing.allotted).length > 0)
      return `单证【${existing.customsNo}】已有核放单，不允许变更或删除 (gate passes already carry its goods; cancel them first)`;
    return undefined;
  }

  function firstFiling(document: Declaration): DocumentRecord {
    const instant = now();
    state.counters.preEntry += 1;
    const seqNo = numbers.preEntryNo(instant, state.counters.preEntry);
    const base = {
      etpsInnerNo: etpsInnerNoOf(document),
      seqNo,
      fingerprint: '',
      version: 1,
      status: 'reviewing' as const,
      declaredAt: instant.toISOString(),
    };
    let record: DocumentRecord;
    if (document.kind === 'INV101') {
      state.counters.list += 1;
      record = {
        ...base,
        kind: 'INV101',
        customsNo: numbers.bondInvtNo(districtOf(document), ieFlagOf(document), instant, state.counters.list),
        document,
        links: [],
        needsGate: listNeedsGatePass(document),
        allotted: {},
        passed: {},
        postingScheduled: false,
      };
    } else if (document.kind === 'SAS101') {
      state.counters.form = (state.counters.form ?? 0) + 1;
      record = {
        ...base,
        kind: 'SAS101',
        customsNo: numbers.sasDclNo(
          districtOf(document),
          document.head.businessTypecd,
          instant,
          state.counters.form,
        ),
        document,
      };
    } else if (document.kind === 'SAS111') {
      state.counters.slip = (state.counters.slip ?? 0) + 1;
      record = {
        ...base,
        kind: 'SAS111',
        customsNo: numbers.sasStockNo(districtOf(document), ieFlagOf(document), instant, state.counters.slip),
        document,
        links: [],
        allotted: {},
        passed: {},
      };
    } else {
      state.counters.pass += 1;
      record = {
        ...base,
        kind: 'SAS121',
        customsNo: numbers.passportNo(districtOf(document), ieFlagOf(document), instant, state.counters.pass),
        document,
        allotments: [],
      };
    }
    state.documents[documentKey(document.kind, base.etpsInnerNo)] = record;
    return record;
  }

  /** A re-declaration after 退单, a change or a deletion: what the old version holds is given back first. */
  function newVersion(existing: DocumentRecord, document: Declaration): DocumentRecord {
    if (existing.kind === 'INV101' && document.kind === 'INV101') {
      releaseList(existing);
      existing.document = document;
      existing.needsGate = listNeedsGatePass(document);
    } else if (existing.kind === 'SAS121' && document.kind === 'SAS121') {
      releasePass(existing);
      existing.document = document;
    } else if (existing.kind === 'SAS111' && document.kind === 'SAS111') {
      releaseSlip(existing);
      existing.document = document;
    } else if (existing.kind === 'SAS101' && document.kind === 'SAS101') {
      existing.document = document;
    }
    existing.version += 1;
    return existing;
  }

  function releaseList(record: ListRecord): void {
    const ie = record.document.head.impexpMarkcd;
    for (const link of record.links) {
      const line = state.book[link.bookKey];
      if (line) releaseQuantity(line, ie, link.qty);
    }
    record.links = [];
  }

  /** Undoes what an approved slip moved: its goods count as in the zone (E) or out (I) again. */
  function releaseSlip(record: SlipRecord): void {
    const back = record.document.head.stockTypecd === 'E' ? 'I' : 'E';
    for (const link of record.links) {
      const line = state.book[link.bookKey];
      if (line) moveOnSlip(line, back, link.qty);
    }
    record.links = [];
  }

  function releasePass(record: PassRecord): void {
    for (const allotment of record.allotments) {
      const list = state.documents[allotment.listKey];
      if (!isCarrier(list)) continue;
      const seq = String(allotment.listGdsSeqno);
      const left = subtractDecimal(list.allotted[seq] ?? '0', allotment.qty);
      if (compareDecimal(left, '0') > 0) list.allotted[seq] = left;
      else delete list.allotted[seq];
    }
    record.allotments = [];
  }

  // ——— customs: decisions ———

  /** A 退单 reason for a document customs finds fault with by chance (rejectionRate). */
  /**
   * What customs rejects a document for: the review's findings, or, when it found nothing, a chance 退单
   * as often as the rejection fault asks — worded as a manual review's when it is the final decision.
   */
  function rejectionReasons(found: readonly string[], document: Declaration, final: boolean): string[] {
    const reasons =
      found.length === 0 && random.chance(options.rejectionRate) ? [chanceReason(document)] : [...found];
    return final ? reasons.map((reason) => `人工审核：${reason}`) : reasons;
  }

  function chanceReason(document: Declaration): string {
    if (document.kind === 'SAS121')
      return `车辆 ${document.head.vehicleNo} 自重 ${document.head.vehicleWt} 与车辆备案信息不符，请核实后重新申报 (vehicle weight differs from the registered vehicle; check it and declare again)`;
    if (document.kind === 'SAS101')
      return `表头：申请人“${document.head.dclEr}”未在海关备案，请补充申请人及联系方式后重新申报 (the applicant is not on customs' record; give the applicant and contact and declare again)`;
    if (document.kind === 'SAS111') {
      const line = document.lines[random.below(document.lines.length)] ?? document.lines[0];
      return `第${line?.sasStockSeqno ?? 1}项(${line?.gdsMtno ?? ''})：毛重、净重与包装件数不符，请核实后重新申报 (weights do not fit the packages; check them and declare again)`;
    }
    const line = document.lines[random.below(document.lines.length)] ?? document.lines[0];
    // A chance 退单 of a list asks about a declared fact the workbench can correct: the origin.
    return `第${line?.gdsSeqno ?? 1}项(${line?.gdsMtno ?? ''})：原产国(地区)“${line?.natcd ?? ''}”与随附单证不符，请核实原产国后重新申报 (the origin does not match the attached documents; check natcd and declare again)`;
  }

  /** 转人工: a first decision may go to an officer; the decision after the review is final. */
  const goesToManualReview = (final: boolean) => !final && random.chance(options.manualReviewRate);

  async function decideList(record: ListRecord, final: boolean): Promise<void> {
    const key = documentKey('INV101', record.etpsInnerNo);
    if (record.document.head.dclTypecd === '3') {
      record.status = 'deleted';
      return listReceipt(record, '1', { invtStucd: '3', vrfdedMarkcd: '0' });
    }
    if (goesToManualReview(final)) {
      record.status = 'manualReview';
      schedule({ kind: 'decide', key, version: record.version, final: true }, options.manualReviewDelayMs);
      return listReceipt(record, '2', { invtStucd: '1', vrfdedMarkcd: '0' });
    }
    const review = reviewList(record.document, state.book, nowText());
    const reasons = rejectionReasons(review.reasons, record.document, final);
    if (reasons.length > 0) {
      record.status = 'rejected';
      return listReceipt(record, '3', { invtStucd: '2', vrfdedMarkcd: '0' }, reasons);
    }
    for (const line of review.newLines) state.book[bookKey(line.bwsNo, line.gdsSeqno)] = line;
    const ie = record.document.head.impexpMarkcd;
    for (const link of review.links) {
      const line = state.book[link.bookKey];
      if (line) reserveQuantity(line, ie, link.qty);
    }
    record.links = [...review.links];
    record.status = 'approved';
    record.prevdTime = nowText();
    record.postingScheduled = false;
    await listReceipt(record, '1', { invtStucd: '0', vrfdedMarkcd: '1' });
    if (record.document.head.genDecFlag === '1') {
      state.counters.entry += 1;
      record.entrySeqNo = numbers.entrySeqNo(ie, now(), state.counters.entry);
      schedule({ kind: 'declaration', key, version: record.version }, options.declarationDelayMs);
    }
    if (!record.needsGate) schedulePosting(record);
    else if (options.autoGatePass)
      schedule({ kind: 'gate', key, version: record.version }, options.gateDelayMs);
  }

  function schedulePosting(record: ListRecord): void {
    if (record.postingScheduled) return;
    record.postingScheduled = true;
    const key = documentKey('INV101', record.etpsInnerNo);
    schedule({ kind: 'post', key, version: record.version }, options.postingDelayMs);
  }

  async function issueDeclaration(record: ListRecord): Promise<void> {
    record.entryDclTime = nowText();
    await issue('INV202', record.customsNo, [generatedDeclaration(record, nowText())]);
  }

  /** autoGatePass: the goods pass on a pass customs knows of but we did not send. */
  async function autoGate(record: Carrier): Promise<void> {
    if (record.status !== 'approved') return;
    if (record.kind === 'SAS111') {
      for (const line of record.document.lines) record.passed[String(line.sasStockSeqno)] = line.dclQty;
      record.status = 'gatePassed';
      return;
    }
    for (const line of record.document.lines) record.passed[String(line.gdsSeqno)] = line.dclQty;
    record.status = 'gatePassed';
    schedulePosting(record);
  }

  async function postList(record: ListRecord): Promise<void> {
    if (record.status !== 'approved' && record.status !== 'gatePassed') return;
    const { head } = record.document;
    const date = nowText();
    const touched = new Map<string, boolean>();
    // A 保税展示交易 list declares goods sold where they were on display: out on a slip, now gone for good.
    const soldFromDisplay = head.bondInvtTypecd === '5' && head.impexpMarkcd === 'E';
    for (const link of record.links) {
      const line = state.book[link.bookKey];
      if (!line) throw new Error(`book line ${link.bookKey} vanished before posting ${record.customsNo}`);
      postQuantity(line, head.impexpMarkcd, link.qty, link.lawfQty);
      if (soldFromDisplay) moveOnSlip(line, 'I', link.qty);
      if (head.impexpMarkcd === 'I') line.inDate = date;
      else line.outDate = date;
      line.invtNo = record.customsNo;
      line.invtGNo = link.listGdsSeqno;
      touched.set(link.bookKey, touched.get(link.bookKey) ?? (line.addedByList && line.postings === 1));
    }
    record.status = 'posted';
    record.formalVrfdedTime = date;
    const lines = [...touched].flatMap(([key, addedNow]) => {
      const line = state.book[key];
      return line ? [bwsDt(line, addedNow)] : [];
    });
    await issue(
      'INV211',
      record.customsNo,
      [bondInvtBsc(record, { invtStucd: '0', vrfdedMarkcd: '2' })],
      lines,
    );
  }

  async function decidePass(record: PassRecord, final: boolean): Promise<void> {
    const key = documentKey('SAS121', record.etpsInnerNo);
    if (record.document.head.dclTypecd === '3') {
      record.status = 'deleted';
      return passReceipt('SAS221', record, '1', { stucd: '6', emapvMarkcd: '1' });
    }
    if (goesToManualReview(final)) {
      record.status = 'manualReview';
      schedule({ kind: 'decide', key, version: record.version, final: true }, options.manualReviewDelayMs);
      return passReceipt('SAS221', record, '2', { stucd: '0', emapvMarkcd: '2' });
    }
    const review = reviewPass(record.document, state.documents);
    const reasons = rejectionReasons(review.reasons, record.document, final);
    if (reasons.length > 0) {
      record.status = 'rejected';
      return passReceipt('SAS221', record, '3', { stucd: '0', emapvMarkcd: '3' }, reasons);
    }
    for (const allotment of review.allotments) {
      const list = state.documents[allotment.listKey];
      if (!isCarrier(list)) continue;
      const seq = String(allotment.listGdsSeqno);
      list.allotted[seq] = addDecimal(list.allotted[seq] ?? '0', allotment.qty);
    }
    record.allotments = [...review.allotments];
    record.status = 'approved';
    await passReceipt('SAS221', record, '1', { stucd: '1', emapvMarkcd: '1' });
    schedule({ kind: 'gate', key, version: record.version }, options.gateDelayMs);
  }

  async function passGate(record: PassRecord): Promise<void> {
    if (record.status !== 'approved') return;
    record.status = 'gatePassed';
    record.passTime = nowText();
    const lists = new Set<string>();
    for (const allotment of record.allotments) {
      const list = state.documents[allotment.listKey];
      if (!isCarrier(list)) continue;
      const seq = String(allotment.listGdsSeqno);
      list.passed[seq] = addDecimal(list.passed[seq] ?? '0', allotment.qty);
      lists.add(allotment.listKey);
    }
    await passReceipt('SAS223', record, '1', { stucd: '2', emapvMarkcd: '1' });
    for (const listKey of lists) {
      const carrier = state.documents[listKey];
      if (!isCarrier(carrier) || carrier.status !== 'approved') continue;
      const lines =
        carrier.kind === 'INV101'
          ? carrier.document.lines.map((line) => ({ seqno: line.gdsSeqno, qty: line.dclQty }))
          : carrier.document.lines.map((line) => ({ seqno: line.sasStockSeqno, qty: line.dclQty }));
      const allPassed = lines.every(
        (line) => compareDecimal(carrier.passed[String(line.seqno)] ?? '0', line.qty) >= 0,
      );
      if (!allPassed) continue;
      carrier.status = 'gatePassed';
      // A slip's goods stay on the book: nothing to post once they are through the gate.
      if (carrier.kind === 'INV101') schedulePosting(carrier);
    }
  }

  async function decideForm(record: FormRecord, final: boolean): Promise<void> {
    const key = documentKey('SAS101', record.etpsInnerNo);
    if (record.document.head.dclTypecd === '3') {
      record.status = 'deleted';
      return formReceipt(record, '1', { emapvMarkcd: '1' });
    }
    if (goesToManualReview(final)) {
      record.status = 'manualReview';
      schedule({ kind: 'decide', key, version: record.version, final: true }, options.manualReviewDelayMs);
      return formReceipt(record, '2', { emapvMarkcd: '2' });
    }
    const found = reviewForm(record.document, state.book, nowText().slice(0, 10).replace(/-/g, ''));
    const reasons = rejectionReasons(found, record.document, final);
    if (reasons.length > 0) {
      record.status = 'rejected';
      return formReceipt(record, '3', { emapvMarkcd: '3' }, reasons);
    }
    record.status = 'approved';
    await formReceipt(record, '1', { emapvMarkcd: '1' });
  }

  async function decideSlip(record: SlipRecord, final: boolean): Promise<void> {
    const key = documentKey('SAS111', record.etpsInnerNo);
    if (record.document.head.dclTypecd === '3') {
      releaseSlip(record);
      record.status = 'deleted';
      return slipReceipt(record, '1', { emapvMarkcd: '1' });
    }
    if (goesToManualReview(final)) {
      record.status = 'manualReview';
      schedule({ kind: 'decide', key, version: record.version, final: true }, options.manualReviewDelayMs);
      return slipReceipt(record, '2', { emapvMarkcd: '2' });
    }
    const review = reviewSlip(record.document, state.documents, state.book);
    const reasons = rejectionReasons(review.reasons, record.document, final);
    if (reasons.length > 0) {
      record.status = 'rejected';
      return slipReceipt(record, '3', { emapvMarkcd: '3' }, reasons);
    }
    const ie = record.document.head.stockTypecd;
    for (const link of review.links) {
      const line = state.book[link.bookKey];
      if (line) moveOnSlip(line, ie, link.qty);
    }
    record.links = [...review.links];
    record.status = 'approved';
    await slipReceipt(record, '1', { emapvMarkcd: '1' });
    if (options.autoGatePass) schedule({ kind: 'gate', key, version: record.version }, options.gateDelayMs);
  }

  // ——— the client's life: crash and restart ———

  async function answerTaken(): Promise<void> {
    while (running && !state.crashed) {
      const message = state.taken[0];
      if (!message) return;
      await answer(message);
      state.taken.shift();
    }
  }

  function crash(): void {
    state.crashed = true;
    disarm();
    config.onCrash?.();
    if (options.restartAfterCrashMs !== undefined)
      restartTimer = clock.setTimer(options.restartAfterCrashMs, () => {
        restartTimer = null;
        void start();
      });
  }

  function start(): Promise<void> {
    return serial(async () => {
      running = true;
      state.crashed = false;
      for (const entry of state.agenda) arm(entry);
      await answerTaken();
    });
  }

  return {
    take(message) {
      return serial(async () => {
        if (state.taken.some((taken) => taken.name === message.name)) return;
        state.taken.push(message);
        if (!running || state.crashed) return;
        if (random.chance(options.crashRate)) {
          crash();
          return;
        }
        await answerTaken();
      });
    },
    start,
    async stop() {
      running = false;
      disarm();
      restartTimer?.();
      restartTimer = null;
      await tail;
    },
    isCrashed: () => state.crashed,
    pendingMessages: () => state.taken.map((message) => message.name),
    standing(xml) {
      const read = readDeclaration(xml);
      if (!read.ok) return 'unreadable';
      const existing = state.documents[documentKey(read.document.kind, etpsInnerNoOf(read.document))];
      if (!existing) return 'new';
      if (existing.fingerprint === fingerprintOf(read.document, read.declare)) return 'identical';
      return seqNoOf(read.document) === existing.seqNo ? 'newVersion' : 'conflict';
    },
    seedBook(lines) {
      return serial(async () => {
        const opened = lines.map(openingLine);
        for (const line of opened) state.book[bookKey(line.bwsNo, line.gdsSeqno)] = line;
      });
    },
    holdOpeningStock(lines) {
      return serial(async () => {
        const today = nowText();
        const added = lines.filter((line) => holdOpeningStock(state.book, line, today)).length;
        return { added, alreadyHeld: lines.length - added, stateId: state.id };
      });
    },
    postedBook: () =>
      Object.values(state.book)
        .map(postedLine)
        .sort((a, b) => a.bwsNo.localeCompare(b.bwsNo) || a.gdsSeqno - b.gdsSeqno),
    async idle() {
      let seen: Promise<unknown>;
      do {
        seen = tail;
        await seen;
      } while (seen !== tail);
    },
    lastError: () => error,
  };
}
