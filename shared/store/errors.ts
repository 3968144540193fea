import type { FieldError } from '../domain/field-error';

export type StoreErrorCode =
  | 'invalid'
  | 'notFound'
  | 'shortfall'
  | 'notReversible'
  | 'duplicate'
  | 'brokenBackup'
  | 'storageFull'
  | 'newerDatabase'
  | 'documentLocked';

/**
 * A refusal from the store, with the field errors a form or an import preview shows. Thrown inside a
 * transaction it aborts it, so nothing of the refused work is written.
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A full disk surfaces as an AbortError wrapping QuotaExceededError; say so in words. */
export function asStorageError(error: unknown): unknown {
  const names = [error, (error as { inner?: unknown })?.inner].map((e) => (e as { name?: string })?.name);
  if (names.includes('QuotaExceededError')) {
    return new StoreError(
      'storageFull',
      'The disk is full: nothing of this change was saved, and everything saved before is intact. Free some space and try again.',
    );
  }
  return error;
}
