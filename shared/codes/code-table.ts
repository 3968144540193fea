/**
 * A customs code table as versioned data. Every row keeps where it came from, because several
 * values are still unverified against the official 海关参数代码表 (see ../shared/codes/README.md).
 */

/** How far a row can be trusted: `verified` = two or more independent sources agree;
 *  `sourced` = one attributable source; `unverified` = inferred, ambiguous or from unattributed seed data. */
export type RowStatus = 'verified' | 'sourced' | 'unverified';

export type CodeLanguage = 'zh-CN' | 'en';

export interface CodeRow {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly status: RowStatus;
  /** The compiler's own words on confidence, kept verbatim. */
  readonly confidence: string;
  readonly source: string;
}

export interface CodeTable<R extends CodeRow = CodeRow> {
  readonly id: string;
  readonly titleZh: string;
  /** Bumped by hand whenever a row's code, name or status changes. */
  readonly version: number;
  /** Where the rows were compiled from, and the caveats that apply to the whole table. */
  readonly sourceNote: string;
  readonly rows: readonly R[];
}

const indexes = new WeakMap<CodeTable, ReadonlyMap<string, CodeRow>>();

function indexOf<R extends CodeRow>(table: CodeTable<R>): ReadonlyMap<string, R> {
  let index = indexes.get(table);
  if (!index) {
    index = new Map(table.rows.map((row) => [row.code, row]));
    indexes.set(table, index);
  }
  return index as ReadonlyMap<string, R>;
}

export function findCode<R extends CodeRow>(table: CodeTable<R>, code: string): R | undefined {
  return indexOf(table).get(code);
}

export function isKnownCode(table: CodeTable, code: string): boolean {
  return indexOf(table).has(code);
}

export function codeName(table: CodeTable, code: string, lang: CodeLanguage): string | undefined {
  const row = findCode(table, code);
  if (!row) return undefined;
  return lang === 'zh-CN' ? row.nameZh : row.nameEn;
}
