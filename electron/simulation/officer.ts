import { changeDocument, type ZonebookDb } from '../../shared/store';
import type { OfficerMemory } from './settlement';

/**
 * The compliance officer of a simulated day. The sandbox's chance 退单 ask for nothing a person could
 * fix in the data, so the realistic action is to declare the document again unchanged: once per document
 * after a 退单 (a second 退单 is reported), and again after a failed import (the client was busy), up to
 * `maxResends` times. Both go through the store's own `changeDocument`, under the document's same number.
 */
export interface Officer extends OfficerMemory {
  act(documentIds: readonly { id: string; status: string }[], now: string): Promise<number>;
}

export function createOfficer(db: ZonebookDb, maxResends = 5): Officer {
  const redeclared = new Set<string>();
  const resent = new Map<string, number>();
  return {
    redeclared,
    resent,
    maxResends,
    async act(documents, now) {
      let acted = 0;
      for (const { id, status } of documents) {
        await changeDocument(db, id, (document) => document, { now });
        if (status === 'rejected') redeclared.add(id);
        else resent.set(id, (resent.get(id) ?? 0) + 1);
        acted += 1;
      }
      return acted;
    },
  };
}
