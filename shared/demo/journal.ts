import { createJournalEntry, kinds, type DeviceHead, type JournalEntry } from '../ledger';
import type { BackupContent } from '../store/backup-file';
import type { DemoDataset } from './generate';
import { seededRandom, seededUuidv7 } from './random';

/**
 * The demo as a backup's content: its movements chained as one device's journal, with every movement
 * customs must hear of pending in the outbox. Ids are seeded, so the file is the same for the same seed.
 */
export function demoBackupContent(dataset: DemoDataset, seed = 1): BackupContent {
  const random = seededRandom(seed ^ 0x5eed);
  const deviceId = seededUuidv7(random, Date.UTC(2024, 0, 1));
  let head: DeviceHead | null = null;
  const entries: JournalEntry[] = dataset.movements.map((movement) => {
    const entry = createJournalEntry(head, {
      id: seededUuidv7(random, Date.parse(movement.occurredAt)),
      deviceId,
      recordedAt: movement.occurredAt,
      movement,
    });
    head = { deviceSeq: entry.deviceSeq, hash: entry.hash };
    return entry;
  });
  return {
    enterprises: [dataset.enterprise],
    books: [dataset.book],
    bookLines: dataset.bookLines,
    locations: dataset.locations,
    entries,
    outbox: dataset.movements
      .filter((movement) => kinds[movement.kind].declare)
      .map((movement) => ({
        movementId: movement.id,
        bookId: movement.bookId,
        kind: movement.kind,
        status: 'pending' as const,
        recordedAt: movement.occurredAt,
      })),
  };
}
