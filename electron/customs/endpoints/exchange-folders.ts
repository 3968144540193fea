import { join } from 'node:path';
import type { IncomingSource } from '../../../shared/customs/endpoint';

export type WatchedBox = Exclude<IncomingSource, 'http'>;

/**
 * The Single Window client's exchange folders under one root (its import path for one IC card), plus the
 * two folders Zonebook keeps beside them for what it has handled.
 */
export interface ExchangeFolders {
  root: string;
  outBox: string;
  watched: Record<WatchedBox, string>;
  archive: string;
  quarantine: string;
}

export const watchedBoxes: readonly WatchedBox[] = ['SentBox', 'FailBox', 'InBox'];

export function exchangeFolders(root: string): ExchangeFolders {
  return {
    root,
    outBox: join(root, 'OutBox'),
    watched: { InBox: join(root, 'InBox'), SentBox: join(root, 'SentBox'), FailBox: join(root, 'FailBox') },
    archive: join(root, 'Archive'),
    quarantine: join(root, 'Quarantine'),
  };
}

/** Temporary and partial files: ours (writeFileAtomic's `.name.uuid.tmp`) and any other writer's. */
export function isTemporaryFileName(name: string): boolean {
  return name.startsWith('.') || name.toLowerCase().endsWith('.tmp');
}
