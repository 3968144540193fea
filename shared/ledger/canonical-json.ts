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
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(member)}`;
    }
    return `${text}}`;
  }
  throw new Error(`Cannot put a ${typeof value} in canonical JSON`);
}
