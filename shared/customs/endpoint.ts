import { z } from 'zod';
import { EnterpriseInternalNo } from './model/primitives';

/**
 * The one shape every customs transport has, whichever way the XML travels: the Single Window client's
 * exchange folders, or an HTTP gateway. The sync engine talks only to this, so a transport can be swapped
 * in Settings without touching the declaration rules.
 */

/** The messages Zonebook sends: 核注清单, 业务申报表, 出入库单, 核放单, two-step 核放单. */
export const OutgoingMessageType = z.enum(['INV101', 'SAS101', 'SAS111', 'SAS121', 'ICP101']);
export type OutgoingMessageType = z.infer<typeof OutgoingMessageType>;

export const IeFlag = z.enum(['I', 'E']);
export type IeFlag = z.infer<typeof IeFlag>;

/**
 * One document on its way to customs. `etpsInnerInvtNo` is given once, when the document is created, and
 * is the idempotency key of every retry: customs rejects a second document under a used number, so a retry
 * must carry the same number, never a new one. `attempt` counts sends of this same document (1 = first).
 */
export const OutgoingMessage = z.object({
  etpsInnerInvtNo: EnterpriseInternalNo,
  messageType: OutgoingMessageType,
  ieFlag: IeFlag.optional(),
  xml: z.string().min(1),
  attempt: z.number().int().min(1),
});
export type OutgoingMessage = z.infer<typeof OutgoingMessage>;

/**
 * What the transport can say about one submission. `duplicate` means the very same key is already with
 * the transport (waiting in OutBox, or accepted by the gateway): nothing was sent twice, and the receipts
 * decide the rest. A `failed` ack says whether sending the same message again may help.
 */
export const SubmitAck = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('accepted'), etpsInnerInvtNo: z.string(), sha256: z.string() }),
  z.object({ outcome: z.literal('duplicate'), etpsInnerInvtNo: z.string(), reason: z.string() }),
  z.object({
    outcome: z.literal('failed'),
    etpsInnerInvtNo: z.string(),
    reason: z.string(),
    retryable: z.boolean(),
  }),
]);
export type SubmitAck = z.infer<typeof SubmitAck>;

/** Where a raw incoming message came from: one of the client's folders, or the HTTP gateway. */
export const IncomingSource = z.enum(['InBox', 'SentBox', 'FailBox', 'http']);
export type IncomingSource = z.infer<typeof IncomingSource>;

/**
 * A receipt exactly as it arrived, not yet parsed: parsing and matching belong to the receipt rules.
 * `name` is the file name for a folder source and the gateway's receipt id for `http`.
 */
export const IncomingMessage = z.object({
  source: IncomingSource,
  name: z.string().min(1),
  xml: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.iso.datetime(),
});
export type IncomingMessage = z.infer<typeof IncomingMessage>;

/**
 * Handed each incoming message once it is safely readable. Resolving means "applied, archive it";
 * rejecting means "this message is bad" (malformed, truncated): the transport quarantines it with the
 * reason and goes on with the next one.
 */
export type IncomingHandler = (message: IncomingMessage) => Promise<void>;

/** `pendingOutgoing`: messages handed to the transport and not yet taken by the other side. */
export const EndpointStatus = z.object({
  reachable: z.boolean(),
  lastError: z.string().nullable(),
  pendingOutgoing: z.number().int().min(0),
});
export type EndpointStatus = z.infer<typeof EndpointStatus>;

export interface CustomsEndpoint {
  /** Never throws: every outcome, including bad input and I/O errors, is an ack. */
  submit(message: OutgoingMessage): Promise<SubmitAck>;
  /** Begins delivering incoming messages, first those that arrived while the app was closed. */
  start(onIncoming: IncomingHandler): Promise<void>;
  /** Stops delivering; resolves once no message is being handled any more. */
  stop(): Promise<void>;
  status(): Promise<EndpointStatus>;
}

/** A receipt waiting in the main process for the renderer to apply; `seq` runs 1 upward. */
export const QueuedIncomingMessage = IncomingMessage.extend({ seq: z.number().int().positive() });
export type QueuedIncomingMessage = z.infer<typeof QueuedIncomingMessage>;

/** What the status bar and Settings show of the endpoint in use. */
export const CustomsStatus = EndpointStatus.extend({
  endpoint: z.enum(['sandbox', 'folder', 'http']),
  /** The gateway token is kept unencrypted (no OS keychain on this machine): the UI warns. */
  credentialsInPlainText: z.boolean(),
});
export type CustomsStatus = z.infer<typeof CustomsStatus>;
