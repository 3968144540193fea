/**
 * Plain IndexedDB requests as promises, for the one path where Dexie's own cost matters: posting. A
 * Dexie read-write transaction costs about 0.4 ms more than the same raw one in Chromium, which is more
 * than the writes of a posting themselves (measured by `npm run bench`; see the README).
 *
 * Awaiting one of these inside a transaction keeps it active: promise reactions run in the microtask
 * checkpoint of the request's success event, before IndexedDB may commit.
 */
export function resultOf<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error));
  });
}

/**
 * Settles when the transaction does: resolved on commit, rejected with the error that aborted it — the
 * first failed request's (a ConstraintError, a QuotaExceededError) or the reason given to abortWith.
 */
export function completionOf(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('abort', () => reject(abortReasons.get(tx) ?? tx.error));
  });
}

const abortReasons = new WeakMap<IDBTransaction, unknown>();

/** Aborts the transaction so that completionOf rejects with `reason`; nothing it wrote stays. */
export function abortWith(tx: IDBTransaction, reason: unknown): void {
  if (!abortReasons.has(tx)) abortReasons.set(tx, reason);
  try {
    tx.abort();
  } catch {
    // Already finished or aborting: the reason recorded first is the one completionOf reports.
  }
}

/** The last record of a store in key order, or undefined when it is empty. */
export function lastRecordOf<T>(store: IDBObjectStore): Promise<T | undefined> {
  return resultOf(store.openCursor(null, 'prev')).then((cursor) => cursor?.value as T | undefined);
}
