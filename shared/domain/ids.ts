import { uuidv7 } from 'uuidv7';

/** A new record id: UUIDv7, so ids sort by creation time across devices without a central counter. */
export function newId(): string {
  return uuidv7();
}
