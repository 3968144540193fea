// One encoder for every entry: making one per hash cost as much as the hashing itself.
const utf8 = new TextEncoder();
let scratch = new Uint8Array(4096);

/**
 * The UTF-8 bytes of a text, in a buffer reused by the next call. Canonical JSON is mostly ASCII, which
 * is copied a unit at a time; TextEncoder takes over from the first other character. In the browser
 * this is several times quicker than TextEncoder.encode, which allocates a new array for every entry.
 */
export function utf8Bytes(text: string): Uint8Array {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80)
      return scratch.subarray(0, i + utf8.encodeInto(text.slice(i), scratch.subarray(i)).written);
    scratch[i] = unit;
  }
  return scratch.subarray(0, text.length);
}
