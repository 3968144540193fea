import { allFaults, type SandboxOptionsInput } from '../customs/sandbox';

/** The names `--faults` takes, each turning on the sandbox options of one fault as `allFaults` sets them. */
const faultOptions = {
  rejection: ['rejectionRate'],
  manualReview: ['manualReviewRate'],
  duplicate: ['duplicateRate'],
  outOfOrder: ['outOfOrderRate'],
  pockets: ['pocketLines'],
  importFailure: ['importFailureRate'],
  crash: ['crashRate', 'restartAfterCrashMs'],
  halfWritten: ['halfWrittenRate'],
} as const satisfies Record<string, readonly (keyof SandboxOptionsInput)[]>;

export type FaultName = keyof typeof faultOptions;
export const faultNames = Object.keys(faultOptions) as FaultName[];

const isFaultName = (name: string): name is FaultName => Object.hasOwn(faultOptions, name);

/**
 * `all`, `none`, or a comma-separated list of fault names, as the sandbox options that turn them on.
 * Throws with the names it knows on anything else, so a typo never runs a fault-free simulation.
 */
export function sandboxFaults(list: string): SandboxOptionsInput {
  if (list === 'all') return { ...allFaults };
  if (list === 'none' || list === '') return {};
  const options: SandboxOptionsInput = {};
  for (const name of list.split(',').map((part) => part.trim())) {
    if (!isFaultName(name))
      throw new Error(
        `unknown fault "${name}"; the faults are all, none or a list of ${faultNames.join(', ')}`,
      );
    for (const key of faultOptions[name]) Object.assign(options, { [key]: allFaults[key] });
  }
  return options;
}
