import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exchangeFolders } from '../customs/endpoints/exchange-folders';
import { archiveIndexFileName, type ArchiveRecord } from '../customs/endpoints/message-archive';
import { readDeclaration, type Declaration } from '../customs/sandbox/read-declaration';

/** One message the app wrote to OutBox, as read back from the endpoint's archive. */
export interface SentMessage {
  readonly kind: Declaration['kind'] | 'unreadable';
  readonly etpsInnerNo: string;
  readonly name: string;
}

/**
 * Every message the folder endpoint wrote to OutBox, from its archive (index and copies) — what actually
 * went out, independent of what the store believes it sent.
 */
export async function sentMessages(root: string): Promise<SentMessage[]> {
  const archive = exchangeFolders(root).archive;
  const index = await readFile(join(archive, archiveIndexFileName), 'utf8').catch(() => '');
  const records = index
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ArchiveRecord)
    .filter((record) => record.direction === 'sent');
  return Promise.all(
    records.map(async (record): Promise<SentMessage> => {
      const read = readDeclaration(await readFile(join(archive, record.archivedAs), 'utf8'));
      if (!read.ok) return { kind: 'unreadable', etpsInnerNo: read.etpsInnerNo ?? '', name: record.name };
      const { document } = read;
      return {
        kind: document.kind,
        etpsInnerNo: document.kind === 'INV101' ? document.head.etpsInnerInvtNo : document.head.etpsPreentNo,
        name: record.name,
      };
    }),
  );
}
