import { customsDateOf } from '../domain/customs-date';
import { canonicalJson } from './canonical-json';
import { kinds } from './kinds';
import type { Approval, Movement } from './movement';

/**
 * Where an original movement stands with customs, as the store knows it:
 * `notDeclared` — not yet in any customs document (or its document was rejected and withdrawn);
 * `batched` — put into a document that has its enterprise-internal number but has not been sent;
 * `declared` — sent to customs.
 */
export type CustomsState = 'notDeclared' | 'batched' | 'declared';

export type ReversibleVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'reversalOfReversal' | 'alreadyReversed' | 'inCustomsBatch' | 'declaredToCustoms';
      readonly message: string;
    };

/**
 * Whether a movement may be reversed. A movement customs has seen must never vanish silently from our
 * books while staying on theirs: it needs a correcting movement, which is declared in turn.
 */
export function checkReversible(
  original: Pick<Movement, 'id' | 'kind'>,
  state: { customsState: CustomsState; reversedBy?: string | undefined },
): ReversibleVerdict {
  if (original.kind === 'reversal') {
    return {
      ok: false,
      code: 'reversalOfReversal',
      message: `Movement ${original.id} is itself a reversal; record the original movement again instead`,
    };
  }
  if (state.reversedBy !== undefined) {
    return {
      ok: false,
      code: 'alreadyReversed',
      message: `Movement ${original.id} was already reversed by ${state.reversedBy}`,
    };
  }
  if (!kinds[original.kind].declare || state.customsState === 'notDeclared') return { ok: true };
  if (state.customsState === 'batched') {
    return {
      ok: false,
      code: 'inCustomsBatch',
      message: `Movement ${original.id} is in a customs document waiting to be sent; take it out of that document before reversing it`,
    };
  }
  return {
    ok: false,
    code: 'declaredToCustoms',
    message:
      `Movement ${original.id} (${kinds[original.kind].nameEn}) was declared to customs and cannot be reversed silently; ` +
      'record a correcting movement, which is declared to customs in turn',
  };
}

/** The reversal of `original`: same book and lines, kind `reversal`, linked by reversalOf. */
export function reverseMovement(
  original: Movement,
  details: { id: string; occurredAt: string; reason: string; approval?: Approval; note?: string },
): Movement {
  return {
    id: details.id,
    kind: 'reversal',
    bookId: original.bookId,
    lines: original.lines.map((line) => ({ ...line })),
    occurredAt: details.occurredAt,
    customsDate: customsDateOf(details.occurredAt),
    ...(details.note !== undefined && { note: details.note }),
    ...(original.counterparty !== undefined && { counterparty: original.counterparty }),
    ...(original.purpose !== undefined && { purpose: original.purpose }),
    ...(details.approval !== undefined && { approval: details.approval }),
    reversalOf: original.id,
    reversedKind: original.kind,
    reason: details.reason,
  };
}

/** Why `reversal` is not the exact inverse of `original`, or undefined when it is. */
export function reversalMismatch(reversal: Movement, original: Movement): string | undefined {
  if (reversal.reversalOf !== original.id) return `it reverses ${reversal.reversalOf}, not ${original.id}`;
  if (reversal.reversedKind !== original.kind) {
    return `it states kind ${reversal.reversedKind} but the original is ${original.kind}`;
  }
  if (reversal.bookId !== original.bookId) return 'it is on another book than the original';
  if (canonicalJson(reversal.lines) !== canonicalJson(original.lines)) {
    return 'its lines differ from the original’s lines';
  }
  return undefined;
}
