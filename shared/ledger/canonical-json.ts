/** Object keys as JSON strings, quoted once: entries repeat the same few dozen keys. */
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, text);
  }
  return text;
}

/**
 * The canonical JSON form hashed by the journal: object keys sorted, no whitespace, undefined members
 * left out (as JSON.stringify does). Two equal values always give the same bytes, whatever order their
 * keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot put ${value} in canonical JSON`);
    return JSON.stringify(value);
  }
  // Plain loops and concatenation: every posting hashes its entry, so this runs once per movement.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonicalJson(value[i] ?? null);
    return `${text}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let text = '{';
    let separator = '';
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      text += separator + quoted(key) + ':' + canonicalJson(member);
      separator = ',';
    }
    return `${text}}`;
  }
  throw new Error(`Cannot put a ${typeof value} in canonical JSON`);
}
