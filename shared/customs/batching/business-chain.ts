import type { BookLine } from '../../domain/book-line';
import { addDecimal, compareDecimal, subtractDecimal, type DecimalString } from '../../domain/decimal';
import type { Movement } from '../../ledger';
import { kinds } from '../../ledger';
import type { DocumentStatus } from '../lifecycle/document-status';
import { Sas101Document } from '../model/sas101';
import { Sas111Document } from '../model/sas111';
import { Sas121Document } from '../model/sas121';
import { buildBusinessForm } from './build-business-form';
import { mergeLines, type MergedLine } from './build-list';
import { buildPass, carrierOfSlip } from './build-pass';
import { buildStockSlip } from './build-stock-slip';
import type { BookContext } from './customs-facts';
import type { DocumentDraft, HeldMovement } from './drafts';
import type { NumberAllocator } from './enterprise-numbers';
import { formKeyOfDocument, formKeyOfMovement, formKeyText, formKeyWords, type FormKey } from './form-key';
import type { BatchingPolicy, DeclarationSettings, UnitWeight } from './policy';
import { customsDateTimeOf } from './zone-time';
import { packByLineLimit } from './pack-by-line-limit';

/**
 * A 业务申报表 already stored, as the batching needs it: to find it again for later movements of its
 * business, and to know whether customs has approved it (only then may slips draw on it).
 */
export interface BusinessFormRef {
  /** The form's enterprise-internal number. */
  readonly etpsPreentNo: string;
  readonly bookId: string;
  readonly document: Sas101Document;
  readonly status: DocumentStatus;
  /** 申报表编号, once customs has numbered the form. */
  readonly sasDclNo?: string;
  /** Per book line (oriactGdsSeqno): the quantity live outbound slips under the form already carry. */
  readonly slippedOut: Readonly<Record<string, DecimalString>>;
  /** Per book line: the quantity live return slips under the form bring back. */
  readonly slippedBack?: Readonly<Record<string, DecimalString>>;
}

/**
 * 核放单类型 of a slip's pass: 4 非报关进出区 — goods under a slip leave and return without a customs
 * declaration, as a 分送集报 dispatch does [INF, customs-domain.md §2.2].
 */
export const SLIP_PASSPORT_TYPECD = '4';

/** Statuses of a form customs has accepted: slips may draw on it. */
const acceptedStatuses: ReadonlySet<DocumentStatus> = new Set([
  'approved',
  'prePosted',
  'gatePassed',
  'posted',
]);
/** Statuses of a form that is closed (结案) or on its way to it: nothing more goes under it. */
const closedStatuses: ReadonlySet<DocumentStatus> = new Set(['withdrawing', 'withdrawn']);

export interface ChainInput {
  /** Pending movements of the chain kinds, in journal order, their master data already checked. */
  readonly movements: readonly Movement[];
  readonly bookLines: ReadonlyMap<string, BookLine>;
  readonly contextOf: (bookId: string) => BookContext;
  readonly forms: readonly BusinessFormRef[];
  readonly unitWeights: Readonly<Record<string, UnitWeight>>;
}

export interface ChainOptions {
  readonly policy: BatchingPolicy;
  readonly settings: DeclarationSettings;
  readonly now: string;
  readonly today: string;
  readonly allocate: NumberAllocator;
}

/** A form as this batch sees it: one already declared, or one this batch makes. */
interface WorkingForm {
  readonly keyText: string;
  readonly key: FormKey;
  readonly existing?: BusinessFormRef;
  /** Book lines (gdsSeqno) the form lists. */
  readonly lines: Set<number>;
  /** What outbound slips may still take per book line: the form's quantity less what slips carry. */
  readonly remaining: Map<number, DecimalString>;
  /** Goods out under the form and not back yet, per book line: where a return belongs. */
  readonly outstanding: Map<number, DecimalString>;
  readonly validTime: string;
}

/** A form this batch makes: every pending movement of its business that no declared form covers. */
interface NewForm extends WorkingForm {
  readonly parts: { bookLine: BookLine; qty: DecimalString }[];
  readonly movements: Movement[];
  outbound: boolean;
}

interface SlipGroup {
  readonly form: BusinessFormRef;
  readonly stockTypecd: 'I' | 'E';
  readonly movements: Movement[];
}

const PLACEHOLDER_NO = 'UNNUMBERED';

/**
 * Declares the movements that leave the zone but stay on the book (outward processing, repair, testing,
 * bonded display) and their returns, purely:
 * - each belongs under a 业务申报表 (SAS101) of its book, business type and processor or display site;
 * - a form customs has approved and that lists its book lines, with enough quantity left for goods going
 *   out (and still valid), takes it: the movement goes into an 出入库单 (SAS111, E out / I back) under
 *   that form, with the 核放单 (SAS121) that takes its goods through the gate;
 * - a form declared but not approved yet that would take it: the movement waits for the approval;
 * - otherwise this batch makes a new form for all such movements of the business, and they wait for it.
 * A return goes under the form that lists its goods, the one its outbound went under. Every movement
 * given lands in exactly one slip (and its pass) or is held with the reason; nothing is declared twice.
 */
export function batchBusinessChain(
  input: ChainInput,
  options: ChainOptions,
): { drafts: DocumentDraft[]; held: HeldMovement[] } {
  const { policy, settings, today } = options;
  const held: HeldMovement[] = [];
  const hold = (movement: Movement, code: HeldMovement['code'], reason: string) =>
    held.push({ movementId: movement.id, code, reason });
  const declared: WorkingForm[] = input.forms
    .filter((form) => !closedStatuses.has(form.status))
    .map((form) => workingFormOf(form));
  const newForms = new Map<string, NewForm[]>();
  const slipGroups = new Map<string, SlipGroup>();
  /** Movements waiting for a form this batch makes: their reason names its number, known at the end. */
  const waitingForNew: { movement: Movement; form: NewForm }[] = [];

  for (const movement of input.movements) {
    const verdict = formKeyOfMovement(movement, settings);
    if (!verdict.ok) {
      hold(
        movement,
        verdict.missing === 'purpose' ? 'invalidDocument' : 'missingCounterparty',
        verdict.reason,
      );
      continue;
    }
    const keyText = formKeyText(verdict.key);
    const ie = kinds[movement.kind].ie === 'I' ? 'I' : 'E';
    const need = needOf(movement, input.bookLines);
    const fits = (form: WorkingForm) =>
      form.keyText === keyText && covers(form, need, ie) && (ie === 'I' || form.validTime >= today);
    // A return goes under the form its goods went out under: the one with them still out, if any.
    const preferred = (candidates: WorkingForm[]) =>
      ie === 'I' ? (candidates.find((candidate) => hasOut(candidate, need)) ?? candidates[0]) : candidates[0];
    const form = preferred(declared.filter((candidate) => fits(candidate) && isAccepted(candidate.existing)));
    const pending = form ?? preferred(declared.filter(fits));
    if (pending?.existing) {
      take(pending, need, ie);
      if (pending === form) {
        const group = `${pending.existing.etpsPreentNo}|${ie}`;
        const slip = slipGroups.get(group) ?? { form: pending.existing, stockTypecd: ie, movements: [] };
        slip.movements.push(movement);
        slipGroups.set(group, slip);
      } else hold(movement, 'awaitingBusinessDeclaration', waitingReason(pending.existing));
      continue;
    }
    const made = newFormFor(newForms, verdict.key, keyText, movement, input, options);
    made.movements.push(movement);
    made.outbound ||= ie === 'E';
    for (const lineId of movement.lines.map((line) => line.bookLineId)) {
      const bookLine = input.bookLines.get(lineId) as BookLine;
      made.lines.add(bookLine.gdsSeqno);
    }
    made.parts.push(
      ...movement.lines.map((line) => ({
        bookLine: input.bookLines.get(line.bookLineId) as BookLine,
        qty: line.qty,
      })),
    );
    waitingForNew.push({ movement, form: made });
  }

  const drafts: DocumentDraft[] = [];
  const numberOf = new Map<NewForm, string>();
  for (const form of [...newForms.values()].flat()) {
    const made = formDraft(form, input, options);
    if (!made.ok) {
      for (const movement of form.movements) hold(movement, 'invalidDocument', made.reason);
      continue;
    }
    numberOf.set(form, made.draft.etpsInnerNo);
    drafts.push(made.draft);
  }
  for (const { movement, form } of waitingForNew) {
    const number = numberOf.get(form);
    if (number === undefined) continue;
    hold(
      movement,
      'awaitingBusinessDeclaration',
      `declared by 出入库单 under a 业务申报表 (${formKeyWords(form.key)}): the new form ${number} goes to customs first, and the slip follows its approval`,
    );
  }
  for (const group of slipGroups.values()) {
    for (const chunk of packByLineLimit(group.movements, policy.lineLimit)) {
      const made = slipDrafts(group, chunk, input, options);
      if (made.ok) drafts.push(...made.drafts);
      else for (const movement of chunk) hold(movement, 'invalidDocument', made.reason);
    }
  }
  return { drafts, held };
}

function workingFormOf(form: BusinessFormRef): WorkingForm {
  const key = formKeyOfDocument(form.bookId, form.document);
  const remaining = new Map<number, DecimalString>();
  const outstanding = new Map<number, DecimalString>();
  for (const line of form.document.lines) {
    const seqno = String(line.oriactGdsSeqno);
    const out = form.slippedOut[seqno] ?? '0';
    remaining.set(line.oriactGdsSeqno, subtractDecimal(line.dclQty, out));
    outstanding.set(line.oriactGdsSeqno, subtractDecimal(out, form.slippedBack?.[seqno] ?? '0'));
  }
  return {
    keyText: formKeyText(key),
    key,
    existing: form,
    lines: new Set(form.document.lines.map((line) => line.oriactGdsSeqno)),
    remaining,
    outstanding,
    validTime: form.document.head.validTime,
  };
}

const isAccepted = (form: BusinessFormRef | undefined): form is BusinessFormRef =>
  form !== undefined && form.sasDclNo !== undefined && acceptedStatuses.has(form.status);

/** The movement's quantity per book line (gdsSeqno). */
function needOf(movement: Movement, bookLines: ReadonlyMap<string, BookLine>): Map<number, DecimalString> {
  const merged = mergeLines(
    movement.lines.map((line) => ({ bookLine: bookLines.get(line.bookLineId) as BookLine, qty: line.qty })),
  );
  return new Map(merged.map((line) => [line.bookLine.gdsSeqno, line.qty]));
}

/** A form takes goods out only up to what it has left; goods coming back need only be listed on it. */
function covers(form: WorkingForm, need: ReadonlyMap<number, DecimalString>, ie: 'I' | 'E'): boolean {
  for (const [gdsSeqno, qty] of need) {
    if (!form.lines.has(gdsSeqno)) return false;
    if (ie === 'E' && compareDecimal(qty, form.remaining.get(gdsSeqno) ?? '0') > 0) return false;
  }
  return true;
}

/** Whether goods of every line the return brings back are out under the form, as many as come back. */
function hasOut(form: WorkingForm, need: ReadonlyMap<number, DecimalString>): boolean {
  for (const [gdsSeqno, qty] of need)
    if (compareDecimal(qty, form.outstanding.get(gdsSeqno) ?? '0') > 0) return false;
  return true;
}

/** What a movement placed under a form uses of it: quantity left to go out, and goods out (or back). */
function take(form: WorkingForm, need: ReadonlyMap<number, DecimalString>, ie: 'I' | 'E'): void {
  for (const [gdsSeqno, qty] of need) {
    const out = form.outstanding.get(gdsSeqno) ?? '0';
    if (ie === 'E') {
      form.remaining.set(gdsSeqno, subtractDecimal(form.remaining.get(gdsSeqno) ?? '0', qty));
      form.outstanding.set(gdsSeqno, addDecimal(out, qty));
    } else form.outstanding.set(gdsSeqno, subtractDecimal(out, qty));
  }
}

function waitingReason(form: BusinessFormRef): string {
  if (form.status === 'rejected')
    return `its 业务申报表 ${form.etpsPreentNo} was rejected (退单): fix and re-declare it in the workbench; the 出入库单 follows its approval`;
  if (form.status === 'importFailed')
    return `its 业务申报表 ${form.etpsPreentNo} failed to import and is sent again; the 出入库单 follows its approval`;
  return `waits for customs to approve its 业务申报表 ${form.etpsPreentNo} (now ${form.status}); the 出入库单 follows the approval`;
}

/** The last new form of the business, or another one when the movement's lines would not fit it. */
function newFormFor(
  newForms: Map<string, NewForm[]>,
  key: FormKey,
  keyText: string,
  movement: Movement,
  input: ChainInput,
  options: ChainOptions,
): NewForm {
  const forms = newForms.get(keyText) ?? [];
  const last = forms.at(-1);
  const gdsSeqnos = movement.lines.map((line) => (input.bookLines.get(line.bookLineId) as BookLine).gdsSeqno);
  if (last && new Set([...last.lines, ...gdsSeqnos]).size <= options.policy.lineLimit) return last;
  const book = input.contextOf(key.bookId).book;
  const yearEnd = `${options.today.slice(0, 4)}1231`;
  const made: NewForm = {
    keyText,
    key,
    lines: new Set(),
    remaining: new Map(),
    outstanding: new Map(),
    // A form lasts to the end of the year it is made in, or the book's end if sooner [INF: customs sets
    // no fixed validity for these businesses that we know of; the officer can ask for a change].
    validTime: book.finishValidDate < yearEnd ? book.finishValidDate : yearEnd,
    parts: [],
    movements: [],
    outbound: false,
  };
  newForms.set(keyText, [...forms, made]);
  return made;
}

type FormDraft = { ok: true; draft: DocumentDraft } | { ok: false; reason: string };

function formDraft(form: NewForm, input: ChainInput, options: ChainOptions): FormDraft {
  const context = input.contextOf(form.key.bookId);
  if (form.validTime < options.today)
    return {
      ok: false,
      reason: `the book ${context.book.putrecNo} was valid until ${context.book.finishValidDate}: no 业务申报表 can be made under it`,
    };
  const formOf = (etpsPreentNo: string) =>
    buildBusinessForm({
      etpsPreentNo,
      context,
      businessTypecd: form.key.businessTypecd,
      party: form.key.party,
      directionTypecd: form.outbound ? 'E' : 'I',
      lines: mergeLines(form.parts),
      validTime: form.validTime,
      mtpckEndprdTypecd: options.settings.mtpckEndprdMarkcd,
      dclEr: options.settings.dclErConc,
      dclTime: customsDateTimeOf(options.now),
    });
  const trial = Sas101Document.safeParse(formOf(PLACEHOLDER_NO));
  if (!trial.success)
    return { ok: false, reason: `the 业务申报表 would be invalid: ${issueText(trial.error)}` };
  const etpsInnerNo = options.allocate(options.today);
  return {
    ok: true,
    draft: {
      messageType: 'SAS101',
      etpsInnerNo,
      bookId: form.key.bookId,
      ieFlag: form.outbound ? 'E' : 'I',
      document: formOf(etpsInnerNo),
      movementIds: [],
    },
  };
}

type SlipDrafts = { ok: true; drafts: DocumentDraft[] } | { ok: false; reason: string };

function slipDrafts(
  group: SlipGroup,
  chunk: readonly Movement[],
  input: ChainInput,
  options: ChainOptions,
): SlipDrafts {
  const { form, stockTypecd } = group;
  const context = input.contextOf(form.bookId);
  const merged: MergedLine[] = mergeLines(
    chunk.flatMap((movement) =>
      movement.lines.map((line) => ({
        bookLine: input.bookLines.get(line.bookLineId) as BookLine,
        qty: line.qty,
      })),
    ),
  );
  const weights = (gdsMtno: string) => input.unitWeights[gdsMtno];
  const dclTime = customsDateTimeOf(options.now);
  const slipOf = (etpsPreentNo: string) =>
    buildStockSlip({
      etpsPreentNo,
      context,
      form: form.document,
      sasDclNo: form.sasDclNo ?? '',
      stockTypecd,
      lines: merged,
      weights,
      settings: options.settings,
      dclTime,
    });
  const passOf = (etpsPreentNo: string, slip: Sas111Document) =>
    buildPass({
      etpsPreentNo,
      carrier: carrierOfSlip(slip),
      passportTypecd: SLIP_PASSPORT_TYPECD,
      context,
      weights,
      settings: options.settings,
      dclTime,
    });
  const trialSlip = Sas111Document.safeParse(slipOf(PLACEHOLDER_NO));
  if (!trialSlip.success)
    return { ok: false, reason: `the 出入库单 would be invalid: ${issueText(trialSlip.error)}` };
  const gatePass = chunk.some((movement) => kinds[movement.kind].gatePass);
  if (gatePass) {
    const trialPass = Sas121Document.safeParse(passOf(PLACEHOLDER_NO, trialSlip.data));
    if (!trialPass.success)
      return { ok: false, reason: `the gate pass would be invalid: ${issueText(trialPass.error)}` };
  }
  const movementIds = chunk.map((movement) => movement.id);
  const slipNo = options.allocate(options.today);
  const slip = slipOf(slipNo);
  const drafts: DocumentDraft[] = [
    {
      messageType: 'SAS111',
      etpsInnerNo: slipNo,
      bookId: form.bookId,
      ieFlag: stockTypecd,
      document: slip,
      movementIds,
      formNo: form.etpsPreentNo,
    },
  ];
  if (gatePass) {
    const passNo = options.allocate(options.today);
    drafts.push({
      messageType: 'SAS121',
      etpsInnerNo: passNo,
      bookId: form.bookId,
      ieFlag: stockTypecd,
      document: passOf(passNo, slip),
      movementIds,
      listNo: slipNo,
    });
  }
  return { ok: true, drafts };
}

function issueText(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'unknown';
}
