import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Inv101Document } from '../../../shared/customs/model/inv101';
import type { Sas101Document } from '../../../shared/customs/model/sas101';
import type { Sas111Document } from '../../../shared/customs/model/sas111';
import type { Sas121Document } from '../../../shared/customs/model/sas121';
import type { SandboxBook } from './sandbox-book';

/**
 * Everything the sandbox customs knows, as plain JSON: kept in a file so that a restart (after a
 * simulated crash, or a real one) picks up where it stopped — documents, customs' book, the receipts
 * still to come and the messages taken but not yet answered.
 */

/** How far customs has got with one version of a document. */
export type RecordStatus =
  'draft' | 'reviewing' | 'manualReview' | 'rejected' | 'approved' | 'gatePassed' | 'posted' | 'deleted';

interface RecordBase {
  /** Our enterprise-internal number (etpsInnerInvtNo / etpsPreentNo). */
  etpsInnerNo: string;
  /** 预录入统一编号 customs gave on the first import. */
  seqNo: string;
  /** QD… list number, 24-character pass number, or the form's or slip's number. */
  customsNo: string;
  /** Identity of the content of the current version: an identical resend matches it. */
  fingerprint: string;
  /** Counts accepted versions; timers of an older version find it changed and do nothing. */
  version: number;
  status: RecordStatus;
  /** When the current version was imported (ISO instant). */
  declaredAt: string;
}

/** A list line's claim on a book line: reserved at approval, posted by INV211. */
export interface LineLink {
  /** The list's own gdsSeqno. */
  listGdsSeqno: number;
  bookKey: string;
  qty: string;
  lawfQty: string;
}

export interface ListRecord extends RecordBase {
  kind: 'INV101';
  document: Inv101Document;
  links: LineLink[];
  needsGate: boolean;
  /** Per list gdsSeqno: quantity on approved passes, and quantity through the gate. */
  allotted: Record<string, string>;
  passed: Record<string, string>;
  prevdTime?: string;
  formalVrfdedTime?: string;
  entrySeqNo?: string;
  entryDclTime?: string;
  postingScheduled: boolean;
}

/** A pass line's claim on its carrier's line: a list's gdsSeqno, or a slip's sasStockSeqno. */
export interface PassAllotment {
  listKey: string;
  listGdsSeqno: number;
  qty: string;
}

export interface PassRecord extends RecordBase {
  kind: 'SAS121';
  document: Sas121Document;
  allotments: PassAllotment[];
  passTime?: string;
}

/** A 业务申报表: once approved, slips of its book may draw on it. */
export interface FormRecord extends RecordBase {
  kind: 'SAS101';
  document: Sas101Document;
}

/** A slip line's goods out of the zone (E) or back (I), held against the book line while approved. */
export interface SlipLink {
  /** The slip's own sasStockSeqno. */
  sasStockSeqno: number;
  bookKey: string;
  qty: string;
}

/** An 出入库单: its goods leave or come back on a pass; nothing is posted on the book. */
export interface SlipRecord extends RecordBase {
  kind: 'SAS111';
  document: Sas111Document;
  /** What the approved slip holds out of the zone (E) or has brought back (I), per book line. */
  links: SlipLink[];
  /** Per sasStockSeqno: quantity on approved passes, and quantity through the gate. */
  allotted: Record<string, string>;
  passed: Record<string, string>;
}

export type DocumentRecord = ListRecord | FormRecord | SlipRecord | PassRecord;

export type AgendaTask =
  /** The approval decision on a version; `final` after a manual review. */
  | { kind: 'decide'; key: string; version: number; final: boolean }
  | { kind: 'declaration'; key: string; version: number }
  | { kind: 'gate'; key: string; version: number }
  | { kind: 'post'; key: string; version: number }
  | { kind: 'deliver'; file: ReceiptFile };

export interface AgendaEntry {
  id: number;
  /** Epoch milliseconds of the sandbox clock. */
  dueAt: number;
  task: AgendaTask;
}

/** A receipt as a file: its name in InBox (or its id in the gateway feed) and its text. */
export interface ReceiptFile {
  name: string;
  xml: string;
  /** Folder mode writes it in two steps with a pause between (the half-written-file fault). */
  halfWritten?: boolean;
}

export interface TakenMessage {
  name: string;
  xml: string;
}

export interface SandboxState {
  version: 1;
  /**
   * Names this state, made once when it is created and kept with it: a renderer that remembers what it
   * told a sandbox (opening stock) sees a state lost or replaced answer another id, and tells it all again.
   */
  id: string;
  random: number;
  counters: {
    preEntry: number;
    list: number;
    pass: number;
    entry: number;
    message: number;
    agenda: number;
    /** Forms and slips; absent in states written before the sandbox read them. */
    form?: number;
    slip?: number;
  };
  documents: Record<string, DocumentRecord>;
  book: SandboxBook;
  agenda: AgendaEntry[];
  /** Taken from OutBox (or accepted over HTTP), not yet answered: answered first after a restart. */
  taken: TakenMessage[];
  crashed: boolean;
}

export const emptySandboxState = (seed: number): SandboxState => ({
  version: 1,
  id: randomUUID(),
  random: seed >>> 0,
  counters: { preEntry: 0, list: 0, pass: 0, entry: 0, message: 0, agenda: 0, form: 0, slip: 0 },
  documents: {},
  book: {},
  agenda: [],
  taken: [],
  crashed: false,
});

const StateShape = z.looseObject({
  version: z.literal(1),
  id: z.string().min(1).optional(),
  random: z.number(),
  counters: z.looseObject({}),
  documents: z.looseObject({}),
  book: z.looseObject({}),
  agenda: z.array(z.unknown()),
  taken: z.array(z.object({ name: z.string(), xml: z.string() })),
  crashed: z.boolean(),
});

/** Reads a state file's text; the sandbox alone writes these files, so the shape check stays shallow. */
export function parseSandboxState(text: string): SandboxState {
  const checked = StateShape.safeParse(JSON.parse(text));
  if (!checked.success)
    throw new Error(`not a sandbox customs state file: ${z.prettifyError(checked.error)}`);
  // A state written before states had an id gets one now; the store that opened it keeps it from then on.
  return { ...checked.data, id: checked.data.id ?? randomUUID() } as unknown as SandboxState;
}

export const documentKey = (kind: DocumentRecord['kind'], etpsInnerNo: string): string =>
  `${kind}:${etpsInnerNo}`;
