import { parseArgs } from 'node:util';
import { sandboxFaults } from '../simulation/faults';
import { runSimulation, type SimulationOptions } from '../simulation/run-simulation';
import type { SimulationSummary } from '../simulation/summary';
import type { CliIo } from './io';

const usage =
  'Usage: zonebook simulate --movements N --seed S [--faults LIST|all] [--folder DIR --no-sandbox --timeout S]';

const wholeNumber = (name: string, value: string | undefined): number => {
  if (value === undefined || !/^\d+$/.test(value))
    throw new Error(`--${name} must be a whole number, got "${value ?? ''}"`);
  return Number(value);
};

/** The command line as simulation options; throws with the reason on anything it cannot use. */
export function simulationOptionsOf(args: string[]): SimulationOptions {
  const { values } = parseArgs({
    args,
    options: {
      movements: { type: 'string' },
      seed: { type: 'string' },
      faults: { type: 'string' },
      folder: { type: 'string' },
      'no-sandbox': { type: 'boolean' },
      timeout: { type: 'string' },
    },
  });
  const withSandbox = values['no-sandbox'] !== true;
  if (!withSandbox && values.folder === undefined)
    throw new Error('--no-sandbox needs --folder DIR: the exchange folders something else answers on');
  if (!withSandbox && values.faults !== undefined)
    throw new Error('--faults configures the sandbox customs; it cannot be used with --no-sandbox');
  return {
    movements: wholeNumber('movements', values.movements),
    seed: wholeNumber('seed', values.seed),
    faults: sandboxFaults(values.faults ?? 'none'),
    sandbox: withSandbox,
    ...(values.folder !== undefined && { folder: values.folder }),
    ...(values.timeout !== undefined && { timeoutMs: wholeNumber('timeout', values.timeout) * 1000 }),
  };
}

/** Success means nothing lost, nothing declared twice, and the books agreeing where everything posted. */
export const simulationSucceeded = (summary: SimulationSummary): boolean =>
  summary.lostMovements === 0 &&
  summary.duplicateSubmissions === 0 &&
  (!summary.everythingPosted || summary.projectedEqualsPosted);

/**
 * `zonebook simulate`: the whole declaration loop headless (see run-simulation.ts), printing its summary
 * as JSON. Exits 0 when no movement was lost, none was submitted twice and, once customs has posted
 * everything, our projected balances equal its posted ones; 1 otherwise; 2 on bad arguments.
 */
export async function simulateCommand(args: string[], io: CliIo): Promise<number> {
  let options: SimulationOptions;
  try {
    options = simulationOptionsOf(args);
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const summary = await runSimulation({ ...options, report: (text) => io.err(text) });
  io.out(JSON.stringify(summary, null, 2));
  return simulationSucceeded(summary) ? 0 : 1;
}
