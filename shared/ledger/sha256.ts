import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createSHA256, type IHasher } from 'hash-wasm';

let compiled: IHasher | undefined;
let preparing: Promise<void> | undefined;

/**
 * Compiles the WebAssembly SHA-256 once. Hashing is the largest share of our own work in an import, and
 * the compiled one hashes a journal entry in about half the time. It must be compiled before use
 * (asynchronously), while the hash itself must stay synchronous inside a database transaction: until it
 * is ready, or where it cannot be compiled (a page whose CSP forbids WebAssembly), the JavaScript
 * SHA-256 answers, with the same digest.
 */
export function prepareSha256(): Promise<void> {
  preparing ??= createSHA256().then(
    (hasher) => {
      compiled = hasher;
    },
    () => undefined,
  );
  return preparing;
}

/** Which SHA-256 answers now: for tests and benchmarks to tell. */
export const sha256Engine = (): 'wasm' | 'js' => (compiled ? 'wasm' : 'js');

/** SHA-256 of the bytes as 64 lowercase hex digits, synchronously. */
export function sha256Hex(bytes: Uint8Array): string {
  if (!compiled) return bytesToHex(sha256(bytes));
  compiled.init();
  compiled.update(bytes);
  return compiled.digest('hex');
}
