import { liveQuery } from 'dexie';
import { createActor, type Actor } from 'xstate';
import type { BridgeApi } from '../shared/bridge/contract';
import type { IncomingMessage, QueuedIncomingMessage } from '../shared/customs/endpoint';
import { createStoreSyncEffects, outgoingMessageOf, type ZonebookDb } from '../shared/store';
import { withSyncEffects } from '../shared/sync/machine';
import { defaultSyncPolicy } from '../shared/sync/policy';

export type SyncActor = Actor<ReturnType<typeof withSyncEffects>>;

export interface SyncHandle {
  actor: SyncActor;
  /** Ask for a pass now (the status bar's "sync now"). */
  syncNow(): void;
  stop(): void;
}

const cursorKey = 'receiptCursor';
const receiptPollMs = 2_000;

/**
 * The one sync actor, started outside React (StrictMode would start it twice) from the stored
 * documents, never from a snapshot. Documents go to customs through the bridge; receipts come back from
 * the main process's queue and are applied here, where the database is, in order, and the cursor of
 * what was applied is kept in the database so a restart neither loses nor repeats one.
 */
export function startSync(
  db: ZonebookDb,
  deviceId: string,
  bridge: BridgeApi,
  win: Window = window,
): SyncHandle {
  const store = createStoreSyncEffects(db, { deviceId, now: () => new Date().toISOString() });
  const saveCursor = (seq: number) => db.meta.put({ key: cursorKey, value: seq });

  const actor: SyncActor = createActor(
    withSyncEffects({
      ...store,
      submit: async (document) => {
        const result = await bridge['customs.submit'](await outgoingMessageOf(db, document.documentId));
        return result.ok
          ? result.value
          : {
              outcome: 'failed',
              etpsInnerInvtNo: document.etpsInnerInvtNo,
              reason: result.error.message,
              retryable: true,
            };
      },
      endpointStatus: async () => {
        const result = await bridge['customs.status']({});
        return result.ok
          ? result.value
          : { reachable: false, lastError: result.error.message, pendingOutgoing: 0 };
      },
      applyReceipt: async (message: IncomingMessage) => {
        try {
          return await store.applyReceipt(message);
        } finally {
          // A receipt the store refuses was already kept aside by the main process; move past it.
          const seq = (message as Partial<QueuedIncomingMessage>).seq;
          if (seq !== undefined) await saveCursor(seq);
        }
      },
    }),
    {
      input: { online: win.navigator.onLine, policy: defaultSyncPolicy, now: Date.now, random: Math.random },
    },
  );
  actor.start();

  const online = () => actor.send({ type: 'ONLINE' });
  const offline = () => actor.send({ type: 'OFFLINE' });
  win.addEventListener('online', online);
  win.addEventListener('offline', offline);

  // A newly posted movement that customs must hear of wakes the engine, and so does a document made
  // ready to send outside a pass: a gate pass released by its list's approval, an officer's fix. Counts
  // alone miss arrivals that coincide with departures (a list marked sent as its pass is released; a
  // movement posted as others are batched), which would wait for the safety interval. So ready documents,
  // always few, are judged by ids; pending movements by the journal's newest row (every posting and
  // import adds rows under higher keys) and the outbox queue's newest record (a return to pending adds
  // one), so two keys are read per change.
  interface Outbox {
    newestRow: number;
    newestQueued: number;
    ready: ReadonlySet<string>;
  }
  let before: Outbox | null = null;
  const pending = liveQuery(async (): Promise<Outbox> => {
    const [[newestRow], [newestQueued], ready] = await Promise.all([
      db.journal.reverse().limit(1).primaryKeys(),
      db.outboxQueue.reverse().limit(1).primaryKeys(),
      db.declarations.where('outboxState').equals('ready').primaryKeys(),
    ]);
    return { newestRow: newestRow ?? 0, newestQueued: newestQueued ?? 0, ready: new Set(ready) };
  }).subscribe({
    next: (now) => {
      const arrived =
        before !== null &&
        (now.newestRow > before.newestRow ||
          now.newestQueued > before.newestQueued ||
          [...now.ready].some((id) => !before?.ready.has(id)));
      if (arrived) actor.send({ type: 'WAKE' });
      before = now;
    },
  });

  let requested = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  async function pollReceipts() {
    try {
      const applied = Number((await db.meta.get(cursorKey))?.value ?? 0);
      const result = await bridge['customs.receipts']({ after: Math.max(applied, requested), limit: 100 });
      if (result.ok) {
        for (const message of result.value.messages) actor.send({ type: 'RECEIPT', message });
        requested = Math.max(requested, ...result.value.messages.map((m) => m.seq));
      }
    } finally {
      if (!stopped) timer = setTimeout(() => void pollReceipts(), receiptPollMs);
    }
  }
  void pollReceipts();

  return {
    actor,
    syncNow: () => actor.send({ type: 'SYNC_NOW' }),
    stop() {
      stopped = true;
      clearTimeout(timer);
      pending.unsubscribe();
      win.removeEventListener('online', online);
      win.removeEventListener('offline', offline);
      actor.stop();
    },
  };
}
