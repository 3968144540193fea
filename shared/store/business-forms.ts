import type { BusinessFormRef } from '../customs/batching';
import type { Sas101Document } from '../customs/model/sas101';
import { addDecimal, type DecimalString } from '../domain/decimal';
import type { ZonebookDb } from './db';
import type { DeclarationRow } from './declaration-rows';

export interface StoredBusinessForms {
  /** The forms of the books, as the batching reads them. */
  readonly refs: BusinessFormRef[];
  /** A form's row id by its enterprise-internal number. */
  readonly idOf: ReadonlyMap<string, string>;
}

/**
 * The 业务申报表 of some books, with what their live 出入库单 already carry out and back per book line,
 * so the batching reuses a form rather than making another, and puts a return under its outbound's form. Read inside the caller's transaction; only
 * called when a movement of the chain is pending, since it reads every document of those books.
 */
export async function businessFormsOf(
  db: ZonebookDb,
  bookIds: readonly string[],
): Promise<StoredBusinessForms> {
  if (bookIds.length === 0) return { refs: [], idOf: new Map() };
  // Equality reads per book and message type rather than anyOf: many documents share each key, and a
  // cursor over equal keys costs fake-indexeddb a re-seek past all of them at each step.
  const rows = (
    await Promise.all(
      bookIds.flatMap((bookId) =>
        (['SAS101', 'SAS111'] as const).map((messageType) =>
          db.declarations.where('[bookId+messageType]').equals([bookId, messageType]).toArray(),
        ),
      ),
    )
  ).flat();
  const slipped = {
    E: new Map<string, Record<string, DecimalString>>(),
    I: new Map<string, Record<string, DecimalString>>(),
  };
  for (const slip of rows) {
    if (slip.document.kind !== 'SAS111' || slip.formId === undefined) continue;
    if (slip.state.status === 'withdrawn') continue;
    const byForm = slipped[slip.ieFlag];
    const carried = byForm.get(slip.formId) ?? {};
    for (const line of slip.document.lines) {
      const key = String(line.oriactGdsSeqno);
      carried[key] = addDecimal(carried[key] ?? '0', line.dclQty);
    }
    byForm.set(slip.formId, carried);
  }
  const forms = rows.filter(
    (row): row is DeclarationRow & { document: Sas101Document } => row.document.kind === 'SAS101',
  );
  return {
    refs: forms
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((row) => ({
        etpsPreentNo: row.etpsInnerInvtNo,
        bookId: row.bookId,
        document: row.document,
        status: row.state.status,
        ...(row.customsNo !== undefined && { sasDclNo: row.customsNo }),
        slippedOut: slipped.E.get(row.id) ?? {},
        slippedBack: slipped.I.get(row.id) ?? {},
      })),
    idOf: new Map(forms.map((row) => [row.etpsInnerInvtNo, row.id])),
  };
}
