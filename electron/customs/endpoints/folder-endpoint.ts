import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  OutgoingMessage,
  type CustomsEndpoint,
  type EndpointStatus,
  type SubmitAck,
} from '../../../shared/customs/endpoint';
import { writeFileAtomic } from '../../files/atomic-write';
import { errorText } from './error-text';
import { exchangeFolders, isTemporaryFileName, watchedBoxes } from './exchange-folders';
import { watchExchangeFolders, type ExchangeWatcher } from './exchange-watcher';
import { openMessageArchive, type MessageArchive } from './message-archive';
import { outgoingFileName } from './outgoing-file-name';
import { sha256Hex } from './sha256';

export interface FolderEndpointOptions {
  /** The Single Window client's import path for one IC card: the folder holding OutBox, InBox… */
  root: string;
  settleMs?: number;
  rescanMs?: number;
  /** Injected so tests can hold a half-written file in view; real time by default. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The Single Window client's folder exchange. Submitting drops the message into OutBox under a name
 * fixed by its document (never a half-written file, never a second name for the same document); the
 * client takes it from there, and its answers come back through InBox, SentBox and FailBox.
 * Missing exchange folders are created, so the sandbox customs and a fresh client install both work.
 */
export function createFolderEndpoint(options: FolderEndpointOptions): CustomsEndpoint {
  const folders = exchangeFolders(options.root);
  const now = options.now ?? (() => new Date());
  let lastError: string | null = null;
  let archive: Promise<MessageArchive> | null = null;
  let watching: Promise<ExchangeWatcher> | null = null;
  // One submission at a time, so two attempts at one document cannot both find OutBox empty.
  let submissions: Promise<unknown> = Promise.resolve();

  const reportError = (text: string) => {
    lastError = text;
  };

  function openArchive(): Promise<MessageArchive> {
    archive ??= openMessageArchive(folders.archive, now).catch((error: unknown) => {
      archive = null;
      throw error;
    });
    return archive;
  }

  async function writeToOutBox(message: OutgoingMessage): Promise<SubmitAck> {
    const { etpsInnerInvtNo, xml } = message;
    const name = outgoingFileName(message);
    const path = join(folders.outBox, name);
    const sha256 = sha256Hex(xml);
    try {
      await mkdir(folders.outBox, { recursive: true });
      const waiting = await readIfPresent(path);
      if (waiting && sha256Hex(waiting) === sha256)
        return { outcome: 'duplicate', etpsInnerInvtNo, reason: `already waiting in OutBox as ${name}` };
      if (waiting)
        return {
          outcome: 'failed',
          etpsInnerInvtNo,
          reason: `a different message under this number is waiting in OutBox as ${name}; it was not replaced`,
          retryable: false,
        };
      await writeFileAtomic(path, xml);
    } catch (error) {
      reportError(`OutBox: ${errorText(error)}`);
      return { outcome: 'failed', etpsInnerInvtNo, reason: errorText(error), retryable: true };
    }
    try {
      await (await openArchive()).keepText(xml, { sha256, direction: 'sent', channel: 'OutBox', name });
    } catch (error) {
      // The message is in OutBox: saying "failed" now would only provoke a retry of something sent.
      reportError(`archive of ${name}: ${errorText(error)}`);
    }
    return { outcome: 'accepted', etpsInnerInvtNo, sha256 };
  }

  return {
    submit(message) {
      const parsed = OutgoingMessage.safeParse(message);
      if (!parsed.success)
        return Promise.resolve({
          outcome: 'failed',
          etpsInnerInvtNo: String(message?.etpsInnerInvtNo ?? ''),
          reason: z.prettifyError(parsed.error),
          retryable: false,
        });
      const ack = submissions.then(() => writeToOutBox(parsed.data));
      submissions = ack;
      return ack;
    },

    async start(onIncoming) {
      watching ??= (async () => {
        for (const box of watchedBoxes) await mkdir(folders.watched[box], { recursive: true });
        return watchExchangeFolders({
          folders,
          archive: await openArchive(),
          onIncoming,
          settleMs: options.settleMs ?? 1_000,
          rescanMs: options.rescanMs ?? 5_000,
          sleep: options.sleep ?? realSleep,
          now,
          reportError,
        });
      })().catch((error: unknown) => {
        watching = null;
        throw error;
      });
      await watching;
    },

    async stop() {
      const stopping = watching;
      watching = null;
      await (await stopping?.catch(() => null))?.stop();
      await submissions;
    },

    async status(): Promise<EndpointStatus> {
      let reachable = true;
      let pendingOutgoing = 0;
      try {
        await access(folders.root, constants.R_OK | constants.W_OK);
        const names = await readdir(folders.outBox).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        });
        pendingOutgoing = names.filter((name) => !isTemporaryFileName(name)).length;
      } catch (error) {
        reachable = false;
        reportError(errorText(error));
      }
      return { reachable, lastError, pendingOutgoing };
    },
  };
}
