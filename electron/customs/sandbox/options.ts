import { z } from 'zod';

const rate = z.number().min(0).max(1);
const delay = z.number().int().min(0);

/**
 * How the sandbox customs behaves: its delays and the faults it injects. A plain object, so the CLI can
 * take it as JSON; every field has a default that gives a well-behaved customs (no faults, short delays).
 * Rates are probabilities drawn from a generator seeded by `seed`, so one seed always gives the same run.
 * Delays are in milliseconds of the sandbox's clock (an injected clock makes them instant in tests).
 */
export const SandboxOptions = z.object({
  /** Seed of the random generator behind every rate below. */
  seed: z.number().int().default(1),

  /** From the client's import (CommonResponeMessage) to customs' approval decision (INV201, SAS221). */
  approvalDelayMs: delay.default(50),
  /** From approval of a list that generates a declaration to the INV202 saying it was generated. */
  declarationDelayMs: delay.default(20),
  /** From approval of a gate pass (SAS221) to the goods passing the gate (SAS223). */
  gateDelayMs: delay.default(50),
  /** From the moment a list may be posted (approved, and its goods through the gate) to INV211. */
  postingDelayMs: delay.default(50),

  /** Share of otherwise acceptable documents customs rejects (退单) anyway, with a reason a person can act on. */
  rejectionRate: rate.default(0),
  /** Share of documents sent to manual review (转人工, manageResult 2) before the final decision. */
  manualReviewRate: rate.default(0),
  /** How long a manual review takes before the final INV201/SAS221 (approval, or 退单 at rejectionRate). */
  manualReviewDelayMs: delay.default(200),

  /** Share of business receipts sent a second time (a reissue: new message_id, same content). */
  duplicateRate: rate.default(0),
  /** How long after the original a duplicate arrives. */
  duplicateDelayMs: delay.default(30),
  /** Share of business receipts held back so that they arrive after receipts sent later. */
  outOfOrderRate: rate.default(0),
  /** How long a held-back receipt waits; longer than the other delays, so later receipts overtake it. */
  outOfOrderDelayMs: delay.default(300),
  /** Receipts with more lines than this are split into PocketInfo pockets of at most this many lines; 0 never splits. */
  pocketLines: z.number().int().min(0).default(0),

  /** Share of messages the client fails to import (DealFlag -1, the message goes to FailBox); resending helps. */
  importFailureRate: rate.default(0),
  /**
   * Share of messages after which the client crashes: the message is taken from OutBox (or accepted over
   * HTTP) but nothing is answered, and nothing more is taken, until the sandbox restarts. State is kept
   * in a JSON file, so the answers come after the restart.
   */
  crashRate: rate.default(0),
  /** Restart by itself this long after a crash (S1 restarts the real client nightly); never when absent. */
  restartAfterCrashMs: delay.optional(),
  /** Share of receipt files written in two steps: half, a pause, then the rest (folder mode only). */
  halfWrittenRate: rate.default(0),
  /** How long a half-written file stays half written (real milliseconds: it is the disk's time, not customs'). */
  halfWrittenPauseMs: delay.default(20),

  /**
   * Goods of lists that need a gate pass pass the gate by themselves, as if a broker had declared the
   * pass; otherwise such a list is posted only once our own SAS121 passes have carried all its goods.
   */
  autoGatePass: z.boolean().default(false),
  /** Folder mode: where the client's CommonResponeMessage goes (see folder-sandbox.ts). */
  commonResponseBox: z.enum(['InBox', 'SentBoxOrFailBox']).default('InBox'),
  /** The customs XSDs (SAS/, EMS/): schema-form messages are checked against them with xmllint. */
  xsdRoot: z.string().optional(),
  /** EnvelopInfo/receiver_id of every receipt: the enterprise's exchange id. */
  receiverId: z.string().min(1).default('E010000'),
});
export type SandboxOptions = z.infer<typeof SandboxOptions>;
export type SandboxOptionsInput = z.input<typeof SandboxOptions>;

/** Every fault at once, for `--faults all` style runs: rates that show each fault often, short delays. */
export const allFaults: SandboxOptionsInput = {
  rejectionRate: 0.1,
  manualReviewRate: 0.15,
  duplicateRate: 0.2,
  outOfOrderRate: 0.2,
  pocketLines: 3,
  importFailureRate: 0.1,
  crashRate: 0.02,
  restartAfterCrashMs: 100,
  halfWrittenRate: 0.2,
};
