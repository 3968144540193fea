import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * 企业内部编号 (etpsInnerInvtNo of a list, etpsPreentNo of a pass): `ZB` + a 5-character device prefix +
 * the customs date yyMMdd + a 5-character per-device counter, 18 characters in all — well inside the
 * schema's 64 (INV101 etpsInnerInvtNo, SAS etpsPreentNo) and short enough for the client's screens.
 *
 * Unique across devices without asking anyone: the prefix comes from the device id (SHA-256, base 36,
 * about 60 million values), the counter belongs to the device and only ever grows. A number is minted
 * once, when its document is stored, and never minted again — a retry resends the same number, and a
 * withdrawn document's number is burnt, not reused.
 */
export const ENTERPRISE_NO_LENGTH = 18;
const PREFIX_LENGTH = 5;
const COUNTER_LENGTH = 5;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const maxDocumentCounter = ALPHABET.length ** COUNTER_LENGTH - 1;

const base36 = (value: number, width: number) => {
  let text = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    text = ALPHABET.charAt(rest % 36) + text;
    rest = Math.floor(rest / 36);
  }
  return text;
};

export function devicePrefixOf(deviceId: string): string {
  const digest = sha256(utf8ToBytes(deviceId));
  const value =
    (((digest[0] ?? 0) << 24) | ((digest[1] ?? 0) << 16) | ((digest[2] ?? 0) << 8) | (digest[3] ?? 0)) >>> 0;
  return base36(value % 36 ** PREFIX_LENGTH, PREFIX_LENGTH);
}

/** The number for the device's `counter`-th document, dated with the customs date (yyyyMMdd) it was made. */
export function enterpriseInternalNo(devicePrefix: string, customsDate: string, counter: number): string {
  if (!Number.isInteger(counter) || counter < 1 || counter > maxDocumentCounter)
    throw new RangeError(`document counter ${counter} is outside 1…${maxDocumentCounter}`);
  return `ZB${devicePrefix}${customsDate.slice(2, 8)}${base36(counter, COUNTER_LENGTH)}`;
}

/** Hands out the next number; the batching calls it once per document it creates, in a fixed order. */
export type NumberAllocator = (customsDate: string) => string;

/** An allocator over a device's counter; `last()` is the counter to persist after the batch. */
export function counterAllocator(deviceId: string, lastCounter: number) {
  const prefix = devicePrefixOf(deviceId);
  let counter = lastCounter;
  return {
    allocate: ((customsDate: string) =>
      enterpriseInternalNo(prefix, customsDate, ++counter)) as NumberAllocator,
    last: () => counter,
  };
}
