/**
 * The bonded ledger: movement kinds as rules, double-entry postings between custody accounts, balances
 * and their invariants, reversal, and the per-device hash-chained journal. Pure and synchronous, so the
 * store can run all of it inside one Dexie transaction.
 *
 * A movement posts in this order: Movement.safeParse → checkMovementContext → postMovement →
 * checkPostingAllowed (against the stored balances) → createJournalEntry → balanceDeltas written back.
 */
export * from './accounts';
export { kindRule, kinds, movementKinds, processingBusinessTypes } from './kinds';
export type {
  CounterpartyNeed,
  CustomsDocument,
  CustomsFact,
  KindRule,
  MovementKind,
  ProcessingPurpose,
  Side,
} from './kinds';
export {
  Approval,
  Counterparty,
  Movement,
  MovementKindSchema,
  MovementLine,
  businessTypecdOf,
  effectiveRule,
} from './movement';
export { checkMovementContext } from './movement-context';
export type { MovementContext } from './movement-context';
export { PostingSchema, postMovement } from './postings';
export type { Posting } from './postings';
export {
  addPostingsInto,
  custodyBalances,
  applyPostings,
  balanceDeltas,
  balanceKey,
  balanceOf,
  balancesByCustody,
  checkInvariants,
  heldQuantity,
  parseBalanceKey,
} from './balances';
export type { BalanceDelta, BalanceKey, Balances, InvariantViolation } from './balances';
export { checkDeltasAllowed, checkPostingAllowed } from './posting-check';
export type { LedgerNames, Shortfall } from './posting-check';
export { checkReversible, reversalMismatch, reverseMovement } from './reversal';
export type { CustomsState, ReversibleVerdict } from './reversal';
export { canonicalJson } from './canonical-json';
export { GENESIS_HASH, JournalEntry, createJournalEntry, entryHash } from './journal';
export { prepareSha256, sha256Engine } from './sha256';
export type { DeviceHead } from './journal';
export { replay, verifyJournal } from './verify';
export type { JournalVerdict } from './verify';
export { journalToNdjson, parseJournalNdjson, verifyJournalText } from './journal-file';
