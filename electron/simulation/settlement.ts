import type { DeclarationRow } from '../../shared/store';

/**
 * Where one stored document stands at the end of a simulated day:
 * `done`       customs has finished with it (a list posted, a pass through the gate, a withdrawal);
 * `officer`    it waits for the compliance officer (退单 or a failed import not yet acted on);
 * `stuck`      nobody will move it any more: rejected again after its re-declaration, parked, or a pass
 *              whose list is rejected for good — reported, never retried forever;
 * `blocked`    a gate pass waiting for its list, which waits for the officer;
 * `inFlight`   the loop is still working on it.
 */
export type Settlement = 'done' | 'officer' | 'stuck' | 'blocked' | 'inFlight';

export interface OfficerMemory {
  /** Documents the officer has re-declared after a 退单 (once each). */
  readonly redeclared: ReadonlySet<string>;
  /** Resends after a failed import, per document (the client was busy; resending helps). */
  readonly resent: ReadonlyMap<string, number>;
  readonly maxResends: number;
}

export function settlementOf(
  row: DeclarationRow,
  memory: OfficerMemory,
  listOf: (id: string) => DeclarationRow | undefined,
): Settlement {
  if (row.outboxState === 'parked') return 'stuck';
  const status = row.state.status;
  if (status === 'withdrawn') return 'done';
  if (row.messageType === 'INV101' ? status === 'posted' : status === 'gatePassed' || status === 'posted')
    return 'done';
  if (status === 'rejected') return memory.redeclared.has(row.id) ? 'stuck' : 'officer';
  if (status === 'importFailed')
    return (memory.resent.get(row.id) ?? 0) < memory.maxResends ? 'officer' : 'stuck';
  if (row.outboxState === 'waiting' && row.listId !== undefined) {
    const list = listOf(row.listId);
    const ofList = list && settlementOf(list, memory, listOf);
    if (ofList === 'stuck') return 'stuck';
    if (ofList === 'officer') return 'blocked';
  }
  return 'inFlight';
}
