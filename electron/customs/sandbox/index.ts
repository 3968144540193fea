/**
 * The sandbox customs: what the CLI (`zonebook sandbox`, `zonebook simulate`) and the tests use.
 * See options.ts for every delay and fault.
 */
export {
  runFolderSandbox,
  sandboxFolder,
  type FolderSandboxConfig,
  type SandboxHandle,
} from './folder-sandbox';
export { runHttpSandbox, type HttpSandboxConfig, type HttpSandboxHandle } from './http-sandbox';
export { allFaults, SandboxOptions, type SandboxOptionsInput } from './options';
export { OpeningBookLine, type PostedBookLine } from './sandbox-book';
export { manualClock, realClock, type ManualClock, type SandboxClock } from './sandbox-clock';
export {
  createSandboxCustoms,
  listNeedsGatePass,
  type SandboxCustoms,
  type SandboxOutput,
} from './sandbox-customs';
