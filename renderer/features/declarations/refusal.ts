import { StoreError } from '../../../shared/store';

/** A refusal in words: the store's reason, and each field it names. Anything else says what it is. */
export function refusalText(error: unknown): string {
  if (error instanceof StoreError)
    return [error.message, ...error.fields.map((field) => `${field.field}: ${field.message}`)].join(' — ');
  return error instanceof Error ? error.message : String(error);
}
