import type { SnapshotFrom } from 'xstate';
import type { SyncError, syncMachine } from './machine';

/**
 * What the status bar shows, read from the sync actor's snapshot. Pure, so a screen subscribes with
 * `useSelector(syncActor, selectX)`. Each selector returns a primitive or a stored object, so
 * useSelector's default comparison re-renders only on a real change; selectSyncStatus builds a new
 * object every time and wants `shallowEqual` as the comparison.
 */

export type SyncSnapshot = SnapshotFrom<typeof syncMachine>;

export const selectOnline = (snapshot: SyncSnapshot): boolean => snapshot.context.online;
export const selectSyncing = (snapshot: SyncSnapshot): boolean => snapshot.hasTag('syncing');
/** Documents waiting to be taken by the endpoint, as of the last look at the outbox. */
export const selectPendingDocuments = (snapshot: SyncSnapshot): number => snapshot.context.pendingDocuments;
/** Documents set aside for the compliance officer. */
export const selectParkedCount = (snapshot: SyncSnapshot): number => snapshot.context.parkedCount;
export const selectLastError = (snapshot: SyncSnapshot): SyncError | null => snapshot.context.lastError;
export const selectLastSuccessAt = (snapshot: SyncSnapshot): number | null => snapshot.context.lastSuccessAt;
export const selectLastReceiptAt = (snapshot: SyncSnapshot): number | null => snapshot.context.lastReceiptAt;
/** When the next retry is due while the engine backs off, else null. */
export const selectRetryAt = (snapshot: SyncSnapshot): number | null => snapshot.context.retryAt;

export interface SyncStatus {
  readonly online: boolean;
  readonly syncing: boolean;
  readonly pendingDocuments: number;
  readonly parkedCount: number;
  readonly lastError: SyncError | null;
  readonly lastSuccessAt: number | null;
  readonly lastReceiptAt: number | null;
  readonly retryAt: number | null;
}

export const selectSyncStatus = (snapshot: SyncSnapshot): SyncStatus => ({
  online: selectOnline(snapshot),
  syncing: selectSyncing(snapshot),
  pendingDocuments: selectPendingDocuments(snapshot),
  parkedCount: selectParkedCount(snapshot),
  lastError: selectLastError(snapshot),
  lastSuccessAt: selectLastSuccessAt(snapshot),
  lastReceiptAt: selectLastReceiptAt(snapshot),
  retryAt: selectRetryAt(snapshot),
});
