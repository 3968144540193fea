import { join } from 'node:path';
import { z } from 'zod';
import {
  OutgoingMessage,
  type CustomsEndpoint,
  type IncomingHandler,
  type SubmitAck,
} from '../../../shared/customs/endpoint';
import type { CredentialStore } from './credential-store';
import { errorText } from './error-text';
import { gatewayPaths, isRetryableStatus, ReceiptsPage } from './gateway-protocol';
import { openMessageArchive, type MessageArchive } from './message-archive';
import { encodeNamePart } from './name-encoding';
import { outgoingFileName } from './outgoing-file-name';
import { quarantineText } from './quarantine';
import { receiptCursorFile } from './receipt-cursor';
import { retryDelayMs, type BackoffPolicy } from './retry-delay';
import { sha256Hex } from './sha256';

export interface HttpGatewayOptions {
  /** Where the gateway answers, e.g. http://127.0.0.1:8443/zonebook — see gateway-protocol.ts. */
  baseUrl: string;
  credentials: CredentialStore;
  /** The name under which `credentials` holds the bearer token. */
  credentialName: string;
  /** Our side's state: the receipt cursor, the archive and the quarantine. */
  stateFolder: string;
  pollMs?: number;
  /** Tries per submission, the first included, before answering "failed, retryable". */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Exchange = { status: number; body: string } | { networkError: string };

const bodyExcerpt = (body: string) => body.trim().slice(0, 500);

/**
 * Declares through a Zonebook customs gateway over HTTP (protocol in gateway-protocol.ts): each message
 * is posted with its enterprise-internal number as idempotency key — the same key on every retry, so
 * the gateway passes a document on once however often the network fails — and receipts are polled
 * from a cursor kept on disk.
 */
export function createHttpGatewayEndpoint(options: HttpGatewayOptions): CustomsEndpoint {
  const base = options.baseUrl.replace(/\/+$/, '');
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
  const cursorFile = receiptCursorFile(join(options.stateFolder, 'receipt-cursor.json'));
  const quarantineFolder = join(options.stateFolder, 'Quarantine');
  let archive: Promise<MessageArchive> | null = null;
  let reachable = true;
  let lastError: string | null = null;
  let pendingOutgoing = 0;
  let polling: { stopped: boolean; wake: () => void; abort: AbortController; loop: Promise<void> } | null =
    null;

  function openArchive(): Promise<MessageArchive> {
    archive ??= openMessageArchive(join(options.stateFolder, 'Archive'), now).catch((error: unknown) => {
      archive = null;
      throw error;
    });
    return archive;
  }

  async function exchange(path: string, init: RequestInit, signal?: AbortSignal): Promise<Exchange> {
    const timeout = AbortSignal.timeout(options.requestTimeoutMs ?? 30_000);
    try {
      const response = await fetch(`${base}${path}`, {
        ...init,
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const body = await response.text();
      reachable = true;
      return { status: response.status, body };
    } catch (error) {
      reachable = false;
      return { networkError: errorText(error) };
    }
  }

  async function bearer(): Promise<string> {
    const credential = await options.credentials.get(options.credentialName);
    if (!credential) throw new Error(`no gateway credential stored under "${options.credentialName}"`);
    return `Bearer ${credential}`;
  }

  async function post(message: OutgoingMessage): Promise<SubmitAck> {
    const { etpsInnerInvtNo } = message;
    const failed = (reason: string, retryable: boolean): SubmitAck => {
      lastError = `submit ${etpsInnerInvtNo}: ${reason}`;
      return { outcome: 'failed', etpsInnerInvtNo, reason, retryable };
    };
    let authorization: string;
    try {
      authorization = await bearer();
    } catch (error) {
      return failed(errorText(error), false);
    }
    const headers: Record<string, string> = {
      'Content-Type': 'application/xml; charset=utf-8',
      'Idempotency-Key': encodeNamePart(etpsInnerInvtNo),
      'X-Message-Type': message.messageType,
      Authorization: authorization,
    };
    if (message.ieFlag) headers['X-Ie-Flag'] = message.ieFlag;

    for (let attempt = 1; ; attempt += 1) {
      const answer = await exchange(gatewayPaths.messages, { method: 'POST', headers, body: message.xml });
      let reason: string;
      if ('networkError' in answer) reason = answer.networkError;
      else if (answer.status >= 200 && answer.status < 300) return accepted(message);
      else if (answer.status === 409)
        return { outcome: 'duplicate', etpsInnerInvtNo, reason: bodyExcerpt(answer.body) || 'HTTP 409' };
      else if (isRetryableStatus(answer.status)) reason = `HTTP ${answer.status} ${bodyExcerpt(answer.body)}`;
      else return failed(`HTTP ${answer.status} ${bodyExcerpt(answer.body)}`.trim(), false);
      if (attempt >= maxAttempts) return failed(reason.trim(), true);
      await sleep(retryDelayMs(attempt - 1, backoff, random));
    }
  }

  async function accepted(message: OutgoingMessage): Promise<SubmitAck> {
    const sha256 = sha256Hex(message.xml);
    const name = outgoingFileName(message);
    try {
      await (await openArchive()).keepText(message.xml, { sha256, direction: 'sent', channel: 'http', name });
    } catch (error) {
      // The gateway has it: reporting a failure now would only provoke a resend.
      lastError = `archive of ${name}: ${errorText(error)}`;
    }
    return { outcome: 'accepted', etpsInnerInvtNo: message.etpsInnerInvtNo, sha256 };
  }

  async function deliver(receipt: { id: string; xml: string }, onIncoming: IncomingHandler): Promise<void> {
    const store = await openArchive();
    const sha256 = sha256Hex(receipt.xml);
    const name = `${encodeNamePart(receipt.id)}.xml`;
    // Keyed on the gateway's receipt id, not the bytes: a repeated identical answer is a new answer.
    if (store.handled({ sha256, channel: 'http', name })) return;
    const receivedAt = now();
    try {
      await onIncoming({
        source: 'http',
        name: receipt.id,
        xml: receipt.xml,
        sha256,
        receivedAt: receivedAt.toISOString(),
      });
    } catch (error) {
      await quarantineText(receipt.xml, quarantineFolder, {
        reason: errorText(error),
        channel: 'http',
        name,
        sha256,
        at: receivedAt,
      });
      return;
    }
    await store.keepText(receipt.xml, { sha256, direction: 'received', channel: 'http', name });
  }

  /** Fetches and handles one page; true when it held receipts, so the next page is fetched at once. */
  async function pollOnce(onIncoming: IncomingHandler, signal: AbortSignal): Promise<boolean> {
    let cursor: string | null = null;
    try {
      cursor = await cursorFile.load();
    } catch (error) {
      lastError = `receipt cursor: ${errorText(error)}; reading from the beginning`;
    }
    const query = cursor === null ? '' : `?after=${encodeURIComponent(cursor)}`;
    const answer = await exchange(
      `${gatewayPaths.receipts}${query}`,
      { headers: { Accept: 'application/json', Authorization: await bearer() } },
      signal,
    );
    if ('networkError' in answer) throw new Error(answer.networkError);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status} ${bodyExcerpt(answer.body)}`.trim());
    const page = ReceiptsPage.safeParse(JSON.parse(answer.body));
    if (!page.success) throw new Error(`unexpected receipts page: ${z.prettifyError(page.error)}`);
    for (const receipt of page.data.receipts) {
      if (signal.aborted) return false;
      await deliver(receipt, onIncoming);
    }
    if (page.data.cursor !== cursor) await cursorFile.save(page.data.cursor);
    return page.data.receipts.length > 0;
  }

  return {
    async submit(message) {
      const parsed = OutgoingMessage.safeParse(message);
      if (!parsed.success)
        return {
          outcome: 'failed',
          etpsInnerInvtNo: String(message?.etpsInnerInvtNo ?? ''),
          reason: z.prettifyError(parsed.error),
          retryable: false,
        };
      pendingOutgoing += 1;
      try {
        return await post(parsed.data);
      } finally {
        pendingOutgoing -= 1;
      }
    },

    async start(onIncoming) {
      if (polling) return;
      const abort = new AbortController();
      let wake = () => {};
      const state = { stopped: false, wake: () => wake(), abort, loop: Promise.resolve() };
      polling = state;
      const poll = async () => {
        try {
          return await pollOnce(onIncoming, abort.signal);
        } catch (error) {
          if (!state.stopped) lastError = `receipts: ${errorText(error)}`;
          return false;
        }
      };
      let firstPollDone = () => {};
      const firstPoll = new Promise<void>((resolve) => (firstPollDone = resolve));
      // The first page is handled before start resolves: what arrived while the app was closed comes first.
      state.loop = (async () => {
        let more = await poll();
        firstPollDone();
        while (!state.stopped) {
          if (!more)
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, options.pollMs ?? 30_000);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          if (!state.stopped) more = await poll();
        }
      })();
      await firstPoll;
    },

    async stop() {
      const state = polling;
      polling = null;
      if (!state) return;
      state.stopped = true;
      state.abort.abort();
      state.wake();
      await state.loop;
    },

    async status() {
      return { reachable, lastError, pendingOutgoing };
    },
  };
}
