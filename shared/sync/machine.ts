import { and, assign, fromPromise, raise, setup } from 'xstate';
import type { EndpointStatus, IncomingMessage, SubmitAck } from '../customs/endpoint';
import { backoffDelay, checkBackoffPolicy } from './backoff';
import type {
  FailedAck,
  OutboxDocument,
  ReadyDocuments,
  ReceiptApplied,
  SentAck,
  SyncEffects,
} from './effects';
import type { SyncPolicy } from './policy';

/**
 * The sync engine: one actor, started once by renderer/sync.ts, that turns pending movements into
 * documents and hands ready documents to the customs endpoint, one pass at a time.
 *
 * Restarting: never restore this actor from a persisted snapshot. A snapshot taken while an effect ran
 * would run it again on restore, and its context would be stale anyway. The actor starts fresh and its
 * first pass reads the outbox, which is the only source of truth; the effects are safe to repeat (a
 * document sent twice carries the same 企业内部编号 and the endpoint answers `duplicate`).
 */

export interface SyncInput {
  /** Whether the renderer believes the endpoint can be reached now (navigator.onLine and reachability). */
  readonly online: boolean;
  readonly policy: SyncPolicy;
  /** Epoch milliseconds; tests pass the simulated clock. */
  readonly now: () => number;
  /** In [0, 1), for backoff jitter; tests pass a seeded one. */
  readonly random: () => number;
}

/** What went wrong last, by a stable kind the status bar translates, with the detail as given. */
export interface SyncError {
  readonly kind: 'submitFailed' | 'parked' | 'endpointUnreachable' | 'storeFailed' | 'receiptFailed';
  readonly message: string;
  readonly etpsInnerInvtNo?: string;
  readonly at: number;
}

export type SyncEvent =
  /** Connectivity came back: send only on a change, not as a heartbeat. */
  | { readonly type: 'ONLINE' }
  | { readonly type: 'OFFLINE' }
  /** Something new may be pending (a movement was posted). */
  | { readonly type: 'WAKE' }
  /** The operator asked for a sync: also cuts a backoff short. */
  | { readonly type: 'SYNC_NOW' }
  | { readonly type: 'RECEIPT'; readonly message: IncomingMessage };

export interface SyncContext {
  readonly policy: SyncPolicy;
  readonly now: () => number;
  readonly random: () => number;
  readonly online: boolean;
  /** A WAKE or SYNC_NOW came during a pass: run exactly one more pass after it. */
  readonly passRequested: boolean;
  /** The ready documents of this pass not yet handled; the first one is in flight. */
  readonly queue: readonly OutboxDocument[];
  /** The endpoint's answer for the document in flight. */
  readonly ack: SubmitAck | null;
  /** Something in this pass is to be tried again after a backoff. */
  readonly passFailed: boolean;
  /** Passes in a row that left something to retry; picks the backoff delay, 0 after a clean pass. */
  readonly retryRound: number;
  readonly retryDelayMs: number;
  readonly retryAt: number | null;
  readonly pendingDocuments: number;
  readonly parkedCount: number;
  /** Kept after a recovery, with its time: the status bar compares it with lastSuccessAt. */
  readonly lastError: SyncError | null;
  /** When a pass last ended online with every ready document sent or parked: "up to date at". */
  readonly lastSuccessAt: number | null;
  readonly lastReceiptAt: number | null;
  /** Receipts waiting to be applied, one at a time. */
  readonly receipts: readonly IncomingMessage[];
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// The states make these hold; a breach is a bug in this file, not a condition to handle.
const inFlight = (context: SyncContext): OutboxDocument => {
  const document = context.queue[0];
  if (document === undefined) throw new Error('sync: no document in flight');
  return document;
};
const sentAck = ({ ack }: SyncContext): SentAck => {
  if (ack === null || ack.outcome === 'failed') throw new Error('sync: the document in flight was not sent');
  return ack;
};
const failedAck = ({ ack }: SyncContext): FailedAck => {
  if (ack === null || ack.outcome !== 'failed') throw new Error('sync: the document in flight did not fail');
  return ack;
};
const nextReceipt = (context: SyncContext): IncomingMessage => {
  const message = context.receipts[0];
  if (message === undefined) throw new Error('sync: no receipt waiting');
  return message;
};

const triesExhausted = (context: SyncContext): boolean =>
  inFlight(context).failedAttempts + 1 >= context.policy.parkAfterFailures;

const parkReason = (context: SyncContext): string => {
  const ack = failedAck(context);
  return ack.retryable
    ? `failed ${inFlight(context).failedAttempts + 1} times, last: ${ack.reason}`
    : ack.reason;
};

const notProvided = (effect: keyof SyncEffects) => () =>
  Promise.reject(new Error(`sync effect ${effect} was not provided`));

export const syncMachine = setup({
  types: {
    context: {} as SyncContext,
    events: {} as SyncEvent,
    input: {} as SyncInput,
    tags: {} as 'syncing',
  },
  // Placeholders: the host gives the real effects with withSyncEffects (or .provide).
  actors: {
    batchPending: fromPromise<number>(notProvided('batchPending')),
    nextReadyDocuments: fromPromise<ReadyDocuments>(notProvided('nextReadyDocuments')),
    submit: fromPromise<SubmitAck, OutboxDocument>(notProvided('submit')),
    markSent: fromPromise<void, { documentId: string; ack: SentAck }>(notProvided('markSent')),
    recordFailure: fromPromise<void, { documentId: string; ack: FailedAck }>(notProvided('recordFailure')),
    park: fromPromise<void, { documentId: string; reason: string }>(notProvided('park')),
    endpointStatus: fromPromise<EndpointStatus>(notProvided('endpointStatus')),
    applyReceipt: fromPromise<ReceiptApplied, IncomingMessage>(notProvided('applyReceipt')),
  },
  delays: {
    retryDelay: ({ context }) => context.retryDelayMs,
    wakeInterval: ({ context }) => context.policy.wakeIntervalMs,
  },
  guards: {
    wasOffline: ({ context }) => !context.online,
    offlineOrDone: ({ context }) => !context.online || context.queue.length === 0,
    ackSent: ({ context }) => context.ack !== null && context.ack.outcome !== 'failed',
    ackRetryable: ({ context }) => context.ack?.outcome === 'failed' && context.ack.retryable,
    triesExhausted: ({ context }) => triesExhausted(context),
    retryDue: ({ context }) => context.passFailed && context.online,
    caughtUp: ({ context }) => context.online && !context.passFailed && context.queue.length === 0,
    passRequested: ({ context }) => context.passRequested,
    receiptWaiting: ({ context }) => context.receipts.length > 0,
  },
  actions: {
    goOnline: assign({ online: true }),
    goOffline: assign({ online: false }),
    requestPass: assign({ passRequested: true }),
    startPass: assign({ passRequested: false, passFailed: false, queue: [], ack: null }),
    markCaughtUp: assign({ retryRound: 0, lastSuccessAt: ({ context }) => context.now() }),
    scheduleRetry: assign(({ context }) => {
      const delay = backoffDelay(context.policy.backoff, context.retryRound, context.random);
      return { retryRound: context.retryRound + 1, retryDelayMs: delay, retryAt: context.now() + delay };
    }),
    clearRetry: assign({ retryAt: null }),
    failStore: assign(({ context }, params: { error: unknown }) => ({
      passFailed: true,
      lastError: { kind: 'storeFailed', message: errorMessage(params.error), at: context.now() },
    })),
    dropInFlight: assign({ queue: ({ context }) => context.queue.slice(1), ack: null }),
    receiptApplied: assign(({ context }) => ({
      receipts: context.receipts.slice(1),
      lastReceiptAt: context.now(),
    })),
  },
}).createMachine({
  id: 'sync',
  type: 'parallel',
  context: ({ input }) => {
    checkBackoffPolicy(input.policy.backoff);
    return {
      policy: input.policy,
      now: input.now,
      random: input.random,
      online: input.online,
      passRequested: false,
      queue: [],
      ack: null,
      passFailed: false,
      retryRound: 0,
      retryDelayMs: 0,
      retryAt: null,
      pendingDocuments: 0,
      parkedCount: 0,
      lastError: null,
      lastSuccessAt: null,
      lastReceiptAt: null,
      receipts: [],
    };
  },
  on: {
    ONLINE: { actions: 'goOnline' },
    OFFLINE: { actions: 'goOffline' },
    RECEIPT: { actions: assign({ receipts: ({ context, event }) => [...context.receipts, event.message] }) },
  },
  states: {
    passes: {
      initial: 'pass',
      states: {
        idle: {
          after: { wakeInterval: { target: 'pass' } },
          on: {
            WAKE: { target: 'pass' },
            SYNC_NOW: { target: 'pass' },
            ONLINE: { guard: 'wasOffline', target: 'pass', actions: 'goOnline' },
          },
        },
        /**
         * One pass: batch, read the outbox, then hand its ready documents over one by one. A document
         * that fails is recorded or parked and the pass goes on with the next, so one never blocks others.
         * Offline, a pass still batches and counts, so the status bar shows what waits.
         */
        pass: {
          tags: 'syncing',
          initial: 'batching',
          on: {
            WAKE: { actions: 'requestPass' },
            SYNC_NOW: { actions: 'requestPass' },
            ONLINE: { guard: 'wasOffline', actions: ['goOnline', 'requestPass'] },
          },
          states: {
            batching: {
              entry: 'startPass',
              invoke: {
                src: 'batchPending',
                onDone: { target: 'reading' },
                onError: {
                  target: 'ended',
                  actions: { type: 'failStore', params: ({ event }) => ({ error: event.error }) },
                },
              },
            },
            reading: {
              invoke: {
                src: 'nextReadyDocuments',
                onDone: {
                  target: 'choosing',
                  actions: assign(({ event }) => ({
                    queue: event.output.documents,
                    pendingDocuments: event.output.documents.length,
                    parkedCount: event.output.parkedCount,
                  })),
                },
                onError: {
                  target: 'ended',
                  actions: { type: 'failStore', params: ({ event }) => ({ error: event.error }) },
                },
              },
            },
            choosing: {
              always: [{ guard: 'offlineOrDone', target: 'ended' }, { target: 'submitting' }],
            },
            submitting: {
              invoke: {
                src: 'submit',
                input: ({ context }) => inFlight(context),
                onDone: { target: 'judging', actions: assign({ ack: ({ event }) => event.output }) },
                // A submit that throws is ambiguous (the file may already be in the OutBox). Sending the
                // same document again is safe, so it counts as a retryable failure.
                onError: {
                  target: 'judging',
                  actions: assign({
                    ack: ({ context, event }) => ({
                      outcome: 'failed',
                      etpsInnerInvtNo: inFlight(context).etpsInnerInvtNo,
                      reason: errorMessage(event.error),
                      retryable: true,
                    }),
                  }),
                },
              },
            },
            judging: {
              always: [
                { guard: 'ackSent', target: 'markingSent' },
                { guard: 'ackRetryable', target: 'checkingEndpoint' },
                { target: 'parking' },
              ],
            },
            markingSent: {
              invoke: {
                src: 'markSent',
                input: ({ context }) => ({ documentId: inFlight(context).documentId, ack: sentAck(context) }),
                onDone: {
                  target: 'choosing',
                  actions: [
                    'dropInFlight',
                    assign({ pendingDocuments: ({ context }) => context.pendingDocuments - 1 }),
                  ],
                },
                // Not marked: the document stays ready and its resend is answered `duplicate`.
                onError: {
                  target: 'ended',
                  actions: { type: 'failStore', params: ({ event }) => ({ error: event.error }) },
                },
              },
            },
            /**
             * A retryable failure is charged to the document only if the endpoint is up: when the endpoint
             * is down every document fails, and counting that would park them all during an outage.
             */
            checkingEndpoint: {
              invoke: {
                src: 'endpointStatus',
                onDone: [
                  {
                    guard: ({ event }) => !event.output.reachable,
                    target: 'ended',
                    actions: assign(({ context, event }) => ({
                      passFailed: true,
                      lastError: {
                        kind: 'endpointUnreachable',
                        message: event.output.lastError ?? failedAck(context).reason,
                        at: context.now(),
                      },
                    })),
                  },
                  { guard: 'triesExhausted', target: 'parking' },
                  { target: 'recordingFailure' },
                ],
                onError: {
                  target: 'ended',
                  actions: assign(({ context, event }) => ({
                    passFailed: true,
                    lastError: {
                      kind: 'endpointUnreachable',
                      message: errorMessage(event.error),
                      at: context.now(),
                    },
                  })),
                },
              },
            },
            recordingFailure: {
              invoke: {
                src: 'recordFailure',
                input: ({ context }) => ({
                  documentId: inFlight(context).documentId,
                  ack: failedAck(context),
                }),
                onDone: {
                  target: 'choosing',
                  actions: [
                    assign(({ context }) => ({
                      passFailed: true,
                      lastError: {
                        kind: 'submitFailed',
                        message: failedAck(context).reason,
                        etpsInnerInvtNo: inFlight(context).etpsInnerInvtNo,
                        at: context.now(),
                      },
                    })),
                    'dropInFlight',
                  ],
                },
                onError: {
                  target: 'ended',
                  actions: { type: 'failStore', params: ({ event }) => ({ error: event.error }) },
                },
              },
            },
            parking: {
              invoke: {
                src: 'park',
                input: ({ context }) => ({
                  documentId: inFlight(context).documentId,
                  reason: parkReason(context),
                }),
                onDone: {
                  target: 'choosing',
                  actions: [
                    assign(({ context }) => ({
                      pendingDocuments: context.pendingDocuments - 1,
                      parkedCount: context.parkedCount + 1,
                      lastError: {
                        kind: 'parked',
                        message: parkReason(context),
                        etpsInnerInvtNo: inFlight(context).etpsInnerInvtNo,
                        at: context.now(),
                      },
                    })),
                    'dropInFlight',
                  ],
                },
                onError: {
                  target: 'ended',
                  actions: { type: 'failStore', params: ({ event }) => ({ error: event.error }) },
                },
              },
            },
            ended: {
              always: [
                { guard: 'retryDue', target: '#sync.passes.backingOff' },
                { guard: and(['caughtUp', 'passRequested']), target: 'batching', actions: 'markCaughtUp' },
                { guard: 'caughtUp', target: '#sync.passes.idle', actions: 'markCaughtUp' },
                { guard: 'passRequested', target: 'batching' },
                { target: '#sync.passes.idle' },
              ],
            },
          },
        },
        backingOff: {
          entry: 'scheduleRetry',
          exit: 'clearRetry',
          after: { retryDelay: { target: 'pass' } },
          on: {
            SYNC_NOW: { target: 'pass' },
            // Nothing can be sent offline; ONLINE starts a pass from idle.
            OFFLINE: { target: 'idle', actions: 'goOffline' },
          },
        },
      },
    },
    receipts: {
      initial: 'waiting',
      states: {
        waiting: {
          always: { guard: 'receiptWaiting', target: 'applying' },
        },
        applying: {
          invoke: {
            src: 'applyReceipt',
            input: ({ context }) => nextReceipt(context),
            onDone: [
              {
                // A receipt can make a document ready that no movement announces (a gate pass released
                // once customs numbered its list): without a pass now it would wait for the safety
                // interval. A WAKE, so it behaves as one: a pass from idle, one more after a running
                // pass, nothing sooner while backing off.
                guard: ({ event }) => event.output.documentsReady > 0,
                target: 'waiting',
                actions: ['receiptApplied', raise({ type: 'WAKE' })],
              },
              { target: 'waiting', actions: 'receiptApplied' },
            ],
            onError: {
              target: 'waiting',
              actions: assign(({ context, event }) => ({
                receipts: context.receipts.slice(1),
                lastError: { kind: 'receiptFailed', message: errorMessage(event.error), at: context.now() },
              })),
            },
          },
        },
      },
    },
  },
});

/** The machine with the host's effects in place of the placeholders. */
export const withSyncEffects = (effects: SyncEffects) =>
  syncMachine.provide({
    actors: {
      batchPending: fromPromise(() => effects.batchPending()),
      nextReadyDocuments: fromPromise(() => effects.nextReadyDocuments()),
      submit: fromPromise(({ input }: { input: OutboxDocument }) => effects.submit(input)),
      markSent: fromPromise(({ input }: { input: { documentId: string; ack: SentAck } }) =>
        effects.markSent(input.documentId, input.ack),
      ),
      recordFailure: fromPromise(({ input }: { input: { documentId: string; ack: FailedAck } }) =>
        effects.recordFailure(input.documentId, input.ack),
      ),
      park: fromPromise(({ input }: { input: { documentId: string; reason: string } }) =>
        effects.park(input.documentId, input.reason),
      ),
      endpointStatus: fromPromise(() => effects.endpointStatus()),
      applyReceipt: fromPromise(({ input }: { input: IncomingMessage }) => effects.applyReceipt(input)),
    },
  });
