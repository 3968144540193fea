import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActor } from 'xstate';
import type { HeldMovement } from '../../shared/customs/batching';
import { parseReceiptFile } from '../../shared/customs/receipts/parse-receipt';
import { seededRandom } from '../../shared/demo';
import {
  batchPending,
  createStoreSyncEffects,
  ensureDeviceId,
  openStore,
  outgoingMessageOf,
  postMovements,
  queuedPending,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
} from '../../shared/store';
import { withSyncEffects } from '../../shared/sync/machine';
import type { SyncPolicy } from '../../shared/sync/policy';
import { createFolderEndpoint } from '../customs/endpoints/folder-endpoint';
import { exchangeFolders, isTemporaryFileName } from '../customs/endpoints/exchange-folders';
import {
  manualClock,
  runFolderSandbox,
  type ManualClock,
  type SandboxHandle,
  type SandboxOptionsInput,
} from '../customs/sandbox';
import { createOfficer } from './officer';
import { sentMessages } from './sent-messages';
import { simulatedMovements } from './simulated-movements';
import { settlementOf } from './settlement';
import { summarise, type SimulationSummary } from './summary';

export interface SimulationOptions {
  movements: number;
  seed: number;
  /** The sandbox's faults (see faults.ts); none by default. */
  faults?: SandboxOptionsInput;
  /** The exchange root; a temporary folder, removed afterwards, when absent. */
  folder?: string;
  /** false: no sandbox customs; whatever answers on `folder` does (a real client in staging). */
  sandbox?: boolean;
  /** Real milliseconds to wait for every document to settle. */
  timeoutMs?: number;
  /** Book lines of the demo book. */
  lines?: number;
  /** Movements the operator posts at a time; the loop runs between waves, as between working days. */
  wave?: number;
  report?: (text: string) => void;
}

/**
 * Customs' pace on the sandbox's manual clock: a second of customs time passes per tick, so a run sees
 * the out-of-order receipts overtaken and the manual reviews end, yet takes real milliseconds per tick.
 */
const customsPace: SandboxOptionsInput = {
  approvalDelayMs: 2_000,
  declarationDelayMs: 1_000,
  gateDelayMs: 2_000,
  postingDelayMs: 2_000,
  manualReviewDelayMs: 10_000,
  duplicateDelayMs: 1_500,
  outOfOrderDelayMs: 15_000,
  halfWrittenPauseMs: 10,
};
const tickMs = 1_000;
const crashRestartMs = 5_000;

/** The engine's real-time pace, short so a run is quick: passes every 20 ms, retries within 200 ms. */
const enginePolicy: SyncPolicy = {
  backoff: { minMs: 10, baseMs: 20, capMs: 200, jitter: 'full' },
  parkAfterFailures: 8,
  wakeIntervalMs: 20,
};

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const demoStart = '2025-01-06T01:00:00Z';
const dayMs = 86_400_000;

/**
 * The whole declaration loop, headless: the shared store on fake-indexeddb with the demo's master data,
 * the operator posting the demo's movements in waves, the real sync machine with the store's effects
 * handing documents to the folder endpoint, the sandbox customs answering on the same folders, receipts
 * applied back, and an officer re-declaring what customs rejected. Returns the summary once every
 * document has settled, or at the timeout.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const withSandbox = options.sandbox ?? true;
  const report = options.report ?? (() => undefined);
  const root = options.folder ?? (await mkdtemp(join(tmpdir(), 'zonebook-simulate-')));

  const dataset = simulatedMovements({
    seed: options.seed,
    movements: options.movements,
    lines: options.lines ?? 60,
    start: demoStart,
  });
  const lastMovement = dataset.movements.at(-1)?.occurredAt ?? demoStart;
  // Customs' day comes after the last movement's collection period has closed.
  const clock: ManualClock | undefined = withSandbox
    ? manualClock(new Date(Date.parse(lastMovement) + 40 * dayMs))
    : undefined;
  const now = () => (clock ? clock.now() : new Date()).toISOString();

  const db = await openStore({ indexedDB: new IDBFactory(), IDBKeyRange }, 'zonebook-simulation');
  let sandbox: SandboxHandle | undefined;
  const endpoint = createFolderEndpoint({ root, settleMs: 30, rescanMs: 50 });
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const deviceId = await ensureDeviceId(db);
    await saveEnterprise(db, dataset.enterprise);
    await saveBook(db, dataset.book);
    await saveLocations(db, dataset.locations);
    await saveBookLines(db, dataset.bookLines);

    if (clock) {
      const faults = options.faults ?? {};
      sandbox = await runFolderSandbox({
        root,
        clock,
        options: {
          ...customsPace,
          ...faults,
          ...(faults.restartAfterCrashMs !== undefined && { restartAfterCrashMs: crashRestartMs }),
          seed: options.seed,
        },
        pollMs: 20,
        settleMs: 5,
        reportError: (text) => report(`sandbox: ${text}`),
      });
      const running = sandbox;
      stops.push(() => running.stop());
    }

    let held: readonly HeldMovement[] = [];
    const store = createStoreSyncEffects(db, { deviceId, now });
    const random = seededRandom(options.seed);
    const actor = createActor(
      withSyncEffects({
        ...store,
        // The store's own batching, keeping what it held back for the summary.
        batchPending: async () => {
          const result = await batchPending(db, { deviceId, now: now() });
          held = result.held;
          return result.documentIds.length;
        },
        submit: async (document) => endpoint.submit(await outgoingMessageOf(db, document.documentId)),
        endpointStatus: () => endpoint.status(),
      }),
      { input: { online: true, policy: enginePolicy, now: () => Date.parse(now()), random: random.next } },
    );
    actor.start();
    stops.push(() => {
      actor.stop();
    });
    // As the app's customs service does: an unreadable file is refused (and quarantined) here, the
    // rest is queued for the engine, which applies it to the store.
    await endpoint.start(async (message) => {
      const readable = parseReceiptFile(message.xml);
      if (!readable.ok) throw new Error(readable.reason);
      actor.send({ type: 'RECEIPT', message });
    });
    stops.push(() => endpoint.stop());

    const officer = createOfficer(db);
    const folders = exchangeFolders(root);
    const filesIn = async (folder: string) =>
      (await readdir(folder).catch(() => [])).filter((name) => !isTemporaryFileName(name)).length;

    /**
     * Runs customs' clock until nothing moves any more: no receipt waiting, no pass of the engine, no
     * customs timer, no file in the exchange folders, no document ready to send — three ticks in a row.
     * Then the officer acts on what waits for him, and the clock runs on; with nothing left for him the
     * day is over. False at the deadline.
     */
    async function settle(deadline: number): Promise<boolean> {
      let quietTicks = 0;
      for (;;) {
        if (performance.now() > deadline) return false;
        if (clock && sandbox) {
          const running = sandbox;
          await clock.advance(tickMs, () => running.idle());
        }
        await pause(clock ? 2 : 50);
        quietTicks = (await loopIsQuiet()) ? quietTicks + 1 : 0;
        if (quietTicks < 3) continue;
        const documents = await db.declarations.toArray();
        const byId = new Map(documents.map((row) => [row.id, row]));
        const waiting = documents.filter(
          (row) => settlementOf(row, officer, (id) => byId.get(id)) === 'officer',
        );
        if (waiting.length === 0) return true;
        await officer.act(
          waiting.map((row) => ({ id: row.id, status: row.state.status })),
          now(),
        );
        actor.send({ type: 'WAKE' });
        quietTicks = 0;
      }
    }

    async function loopIsQuiet(): Promise<boolean> {
      const snapshot = actor.getSnapshot();
      if (snapshot.context.receipts.length > 0 || snapshot.hasTag('syncing')) return false;
      if ((clock?.pending() ?? 0) > 0 || sandbox?.isCrashed()) return false;
      const [pending, ready] = await Promise.all([
        queuedPending(db).then(({ rows }) => rows.length),
        db.declarations.where('outboxState').equals('ready').count(),
      ]);
      if (pending > held.length || ready > 0) return false;
      const boxes = await Promise.all(
        [folders.outBox, ...Object.values(folders.watched)].map((folder) => filesIn(folder)),
      );
      return boxes.every((count) => count === 0);
    }

    const deadline = started + timeoutMs;
    const wave = Math.max(1, options.wave ?? 250);
    let settled = true;
    for (let start = 0; start < dataset.movements.length && settled; start += wave) {
      await postMovements(db, dataset.movements.slice(start, start + wave), { deviceId, recordedAt: now() });
      actor.send({ type: 'WAKE' });
      settled = await settle(deadline);
      report(`posted ${Math.min(start + wave, dataset.movements.length)} movements`);
    }
    if (dataset.movements.length === 0) settled = await settle(deadline);

    const summary = await summarise({
      db,
      bookId: dataset.book.id,
      movements: dataset.movements.length,
      sent: await sentMessages(root),
      held,
      officer,
      customsBook: sandbox?.postedBook(),
      timedOut: !settled,
      elapsedSeconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    });
    return summary;
  } finally {
    for (const stop of stops.reverse()) await stop();
    db.close();
    if (options.folder === undefined) await rm(root, { recursive: true, force: true });
  }
}

export type { SimulationSummary };
