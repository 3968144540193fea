import { main } from '../../electron/cli';
import { simulationOptionsOf } from '../../electron/commands/simulate';
import { allFaults } from '../../electron/customs/sandbox';
import { sandboxFaults } from '../../electron/simulation/faults';
import { runSimulation } from '../../electron/simulation/run-simulation';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the declaration loop, simulated', () => {
  it('for 1,000 random movements with every fault on, no document is submitted under two numbers, no movement is lost, and once the sandbox has posted everything our projected balances equal customs’ posted ones', async () => {
    // Generous limits: the loop runs on real timers as well as customs' clock, and CI shares two cores
    // with the other test projects.
    const summary = await runSimulation({
      movements: 1_000,
      seed: 1,
      faults: sandboxFaults('all'),
      timeoutMs: 200_000,
    });
    expect(summary).toMatchObject({
      duplicateSubmissions: 0,
      lostMovements: 0,
      projectedEqualsPosted: true,
      bookLinesDiffering: [],
      timedOut: false,
    });
    expect(summary.movements).toBeGreaterThan(900);
    expect(summary.messagesWritten).toBeGreaterThan(summary.documents);
    // Goods out for processing or display are declared too: by 出入库单 under 业务申报表. What stays held
    // at the end waits on a document customs rejected for good: a form (awaiting business declaration)
    // or an inbound list whose stock an exit needs (awaiting the inbound list's posting).
    expect(summary.businessForms).toBeGreaterThan(0);
    expect(summary.stockSlips).toBeGreaterThan(0);
    const waitingOnRejected = ['awaitingBusinessDeclaration', 'awaitingInboundPosting'];
    expect(Object.keys(summary.heldReasons).filter((code) => !waitingOnRejected.includes(code))).toEqual([]);
    if (summary.rejectedForGood === 0) expect(summary.heldMovements).toBe(0);
    // The faults happened, and the officer's re-declarations resolved most 退单.
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.importFailures).toBeGreaterThan(0);
    expect(summary.resolvedAfterRejection).toBeGreaterThan(0);
    // Most documents end posted; what does not is reported (rejected twice, or still with customs).
    expect(summary.posted).toBeGreaterThan(summary.documents * 0.6);
    expect(summary.bookLinesCompared).toBeGreaterThan(0);
  }, 240_000);

  it('without faults loses nothing, answers every document and the books agree', async () => {
    const summary = await runSimulation({ movements: 150, seed: 4 });
    expect(summary).toMatchObject({
      duplicateSubmissions: 0,
      lostMovements: 0,
      importFailures: 0,
      unsettled: 0,
      timedOut: false,
    });
    expect(summary.documents).toBeGreaterThan(0);
    expect(summary.stockSlips).toBeGreaterThan(0);
    expect(summary.heldMovements).toBe(0);
    // Without chance 退单 customs rejects nothing: an exit waits for the posting of the stock it takes
    // instead of being declared before it.
    expect(summary.rejected).toBe(0);
    expect(summary.everythingPosted).toBe(true);
    expect(summary.bookLinesAwaitingCustoms).toBe(0);
    expect(summary.projectedEqualsPosted).toBe(true);
  }, 60_000);
});

describe('zonebook simulate: arguments', () => {
  it('reads the options and the fault list', () => {
    expect(simulationOptionsOf(['--movements', '10', '--seed', '3', '--faults', 'rejection,crash'])).toEqual({
      movements: 10,
      seed: 3,
      faults: {
        rejectionRate: allFaults.rejectionRate,
        crashRate: allFaults.crashRate,
        restartAfterCrashMs: allFaults.restartAfterCrashMs,
      },
      sandbox: true,
    });
    expect(simulationOptionsOf(['--movements', '1', '--seed', '1', '--faults', 'all']).faults).toEqual(
      allFaults,
    );
  });

  it.each([
    [['--seed', '1'], '--movements must be a whole number'],
    [['--movements', 'many', '--seed', '1'], '--movements must be a whole number, got "many"'],
    [['--movements', '5', '--seed', '1', '--faults', 'rejection,typo'], 'unknown fault "typo"'],
    [['--movements', '5', '--seed', '1', '--no-sandbox'], '--no-sandbox needs --folder DIR'],
    [
      ['--movements', '5', '--seed', '1', '--folder', '/tmp/x', '--no-sandbox', '--timeout', 'soon'],
      '--timeout must be a whole number',
    ],
  ])('refuses %j with the reason and exit code 2', async (args, reason) => {
    const result = await run('simulate', ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(reason);
    expect(result.out).toBe('');
  });
});
