import { isSettled } from '../../shared/customs/lifecycle/document-kinds';
import type { DeclarationRow } from '../../shared/store';

/**
 * Where one stored document stands at the end of a simulated day:
 * `done`       customs has finished with it (a list posted, a pass or 出入库单 through the gate, a
 *              业务申报表 approved, a withdrawal);
 * `officer`    it waits for the compliance officer (退单 or a failed import not yet acted on);
 * `stuck`      nobody will move it any more: rejected again after its re-declaration, parked, a pass
 *              whose list or slip is rejected for good, or a list or slip whose passes are —
 *              reported, never retried forever;
 * `blocked`    a gate pass waiting for its list or slip, which waits for the officer;
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
  passesOf: (id: string) => readonly DeclarationRow[] = () => [],
): Settlement {
  if (row.outboxState === 'parked') return 'stuck';
  const status = row.state.status;
  if (isSettled(row.messageType, status)) return 'done';
  if (status === 'rejected') return memory.redeclared.has(row.id) ? 'stuck' : 'officer';
  if (status === 'importFailed')
    return (memory.resent.get(row.id) ?? 0) < memory.maxResends ? 'officer' : 'stuck';
  if (row.outboxState === 'waiting' && row.listId !== undefined) {
    const list = listOf(row.listId);
    const ofList = list && settlementOf(list, memory, listOf);
    if (ofList === 'stuck') return 'stuck';
    if (ofList === 'officer') return 'blocked';
  }
  // An approved (or pre-posted) list or slip waits for its goods to pass the gate: when its passes are
  // stuck, so is it.
  if (status === 'approved' || status === 'prePosted') {
    const passes = passesOf(row.id).filter((pass) => pass.state.status !== 'withdrawn');
    if (passes.length > 0 && passes.every((pass) => settlementOf(pass, memory, listOf) === 'stuck'))
      return 'stuck';
  }
  return 'inFlight';
}
