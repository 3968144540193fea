import type { ZonebookDb } from './db';

/** A number kept in meta (a scan mark, a counter); 0 before it is first written. */
export async function numberInMeta(db: ZonebookDb, key: string): Promise<number> {
  const row = await db.meta.get(key);
  return typeof row?.value === 'number' ? row.value : 0;
}
