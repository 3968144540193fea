import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  batchMovements,
  counterAllocator,
  defaultBatchingPolicy,
  defaultDeclarationSettings,
  renderDocument,
  type BatchingPolicy,
  type DeclarationSettings,
  type DocumentDraft,
  type HeldMovement,
} from '../customs/batching';
import type { VerifiedBackup } from './backup-file';

export type DeclarationForm = 'import' | 'schema';

export interface DeclarationFile {
  fileName: string;
  xml: string;
  messageType: DocumentDraft['messageType'];
  etpsInnerNo: string;
  movementIds: string[];
}

export interface BackupDeclarationOptions {
  now: string;
  form: DeclarationForm;
  policy?: BatchingPolicy;
  settings?: DeclarationSettings;
}

/**
 * The documents the batching policy makes from a backup's pending movements, one XML each — for
 * `zonebook declare`, to review or hand over what the app would declare. Pure: the numbers come from a
 * device id derived from the backup's own content, so the same backup gives the same documents under the
 * same numbers, and never numbers an app's device could mint. The movements stay pending in the backup.
 */
export function declarationFilesFromBackup(
  backup: VerifiedBackup,
  options: BackupDeclarationOptions,
): { files: DeclarationFile[]; held: HeldMovement[] } {
  const pending = new Set(
    backup.outbox.filter((row) => row.status === 'pending').map((row) => row.movementId),
  );
  const movements = backup.entries
    .map((entry) => entry.movement)
    .filter((movement) => pending.has(movement.id));
  const fingerprint = bytesToHex(
    sha256(utf8ToBytes(backup.entries.map((entry) => entry.hash).join('\n'))),
  ).slice(0, 16);
  const settings = options.settings ?? defaultDeclarationSettings;
  const { drafts, held } = batchMovements(
    { movements, books: backup.books, bookLines: backup.bookLines, enterprises: backup.enterprises },
    {
      policy: options.policy ?? defaultBatchingPolicy,
      settings,
      now: options.now,
      allocate: counterAllocator(`cli:${fingerprint}`, 0).allocate,
    },
  );
  const ownerOf = new Map(
    backup.books.map((book) => [book.id, backup.enterprises.find((e) => e.id === book.ownerEnterpriseId)]),
  );
  const files = drafts.flatMap((draft) => {
    const owner = ownerOf.get(draft.bookId);
    if (!owner) return [];
    const rendered = renderDocument({
      document: draft.document,
      etpsInnerNo: draft.etpsInnerNo,
      ieFlag: draft.ieFlag,
      revision: 0,
      owner,
      settings,
      now: options.now,
    });
    return [
      {
        fileName: rendered.fileName,
        xml: options.form === 'import' ? rendered.importXml : rendered.schemaXml,
        messageType: draft.messageType,
        etpsInnerNo: draft.etpsInnerNo,
        movementIds: [...draft.movementIds],
      },
    ];
  });
  return { files, held: [...held] };
}
