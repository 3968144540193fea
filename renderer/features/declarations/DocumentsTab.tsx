import { useState } from 'react';
import type { DeclarationRow, ZonebookDb } from '../../../shared/store';
import { BatchingPanel } from './BatchingPanel';
import { DocumentTable } from './DocumentTable';
import { countsByFilter, inFilter, type StatusFilter } from './document-view';
import { StatusFilterBar } from './StatusFilterBar';

interface DocumentsTabProps {
  db: ZonebookDb;
  bookId: string;
  rows: readonly DeclarationRow[] | undefined;
  onOpen: (documentId: string) => void;
}

/** The book's documents by status, with the batching rules and what stays pending. */
export function DocumentsTab({ db, bookId, rows, onOpen }: DocumentsTabProps) {
  const [filter, setFilter] = useState<StatusFilter>('all');
  const counts = countsByFilter(rows ?? []);
  return (
    <div className="zb-decl-documents">
      <BatchingPanel db={db} bookId={bookId} />
      <StatusFilterBar value={filter} counts={counts} onChange={setFilter} />
      <DocumentTable rows={rows?.filter((row) => inFilter(row, filter))} onOpen={onOpen} />
    </div>
  );
}
