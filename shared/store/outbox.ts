import type { CustomsState } from '../ledger';
import type { OutboxRow } from './rows';

/** How far customs has seen a movement, for the reversal rule: no outbox row means nothing to declare. */
export function customsStateOf(row: OutboxRow | undefined): CustomsState {
  if (!row || row.status === 'pending') return 'notDeclared';
  return row.status === 'batched' ? 'batched' : 'declared';
}
