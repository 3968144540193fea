import {
  batchMovements,
  counterAllocator,
  defaultBatchingPolicy,
  defaultDeclarationSettings,
  type BatchingPolicy,
  type DeclarationSettings,
  type HeldMovement,
} from '../customs/batching';
import type { MovementKind } from '../ledger';
import type { ZonebookDb } from './db';
import { pendingBatchInputTables, readPendingBatchInput } from './pending-batch-input';

export interface HeldMovementView extends HeldMovement {
  bookId: string;
  kind: MovementKind;
  occurredAt: string;
}

/**
 * The pending movements the batching policy would leave pending now, each with its reason — what the
 * Declarations screen shows beside "batch now". It runs the same policy as batchPending over the same
 * rows, read-only: the numbers the trial mints are thrown away and nothing is written.
 */
export async function heldMovements(
  db: ZonebookDb,
  options: { now: string; policy?: BatchingPolicy; settings?: DeclarationSettings },
): Promise<HeldMovementView[]> {
  return db.transaction('r', pendingBatchInputTables(db), async () => {
    const batch = await readPendingBatchInput(db);
    if (!batch) return [];
    const { held } = batchMovements(batch.input, {
      policy: options.policy ?? defaultBatchingPolicy,
      settings: options.settings ?? defaultDeclarationSettings,
      now: options.now,
      allocate: counterAllocator('held-movements-trial', 0).allocate,
    });
    const byId = new Map(batch.input.movements.map((movement) => [movement.id, movement]));
    return held.flatMap((hold) => {
      const movement = byId.get(hold.movementId);
      return movement
        ? [{ ...hold, bookId: movement.bookId, kind: movement.kind, occurredAt: movement.occurredAt }]
        : [];
    });
  });
}
