import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { allFaults, runFolderSandbox, runHttpSandbox, type SandboxOptionsInput } from '../customs/sandbox';
import type { CliIo } from './io';

const usage = 'Usage: zonebook sandbox --folder DIR | --http PORT [--token T] [--faults all] [--seed S]';

/**
 * `zonebook sandbox --folder DIR` plays the Single Window client and customs on DIR's exchange folders;
 * `zonebook sandbox --http PORT` serves the same customs over the gateway protocol on 127.0.0.1.
 * It runs until interrupted (Ctrl+C); `stopAfter` lets tests end it.
 */
export async function sandboxCommand(args: string[], io: CliIo, stopAfter?: Promise<void>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      folder: { type: 'string' },
      http: { type: 'string' },
      token: { type: 'string' },
      faults: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if ((values.folder === undefined) === (values.http === undefined)) {
    io.err(usage);
    return 2;
  }
  if (values.faults !== undefined && values.faults !== 'all' && values.faults !== 'none') {
    io.err(`--faults takes "all" or "none", got "${values.faults}"`);
    return 2;
  }
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
    io.err(`--seed must be a whole number, got "${values.seed}"`);
    return 2;
  }
  const options: SandboxOptionsInput = {
    ...(values.faults === 'all' ? allFaults : {}),
    ...(values.seed !== undefined && { seed: Number(values.seed) }),
  };
  const reportError = (text: string) => io.err(`sandbox: ${text}`);
  let stop: () => Promise<void>;
  if (values.folder !== undefined) {
    const handle = await runFolderSandbox({ root: values.folder, options, reportError });
    stop = () => handle.stop();
    io.out(`Sandbox customs is answering on the exchange folders in ${values.folder} (OutBox → InBox).`);
  } else {
    if (!/^\d+$/.test(values.http ?? '')) {
      io.err(`--http takes a port number, got "${values.http}"`);
      return 2;
    }
    const token = values.token ?? randomBytes(24).toString('base64url');
    const handle = await runHttpSandbox({
      port: Number(values.http),
      token,
      options,
      stateFile: join(process.cwd(), '.zonebook-sandbox-state.json'),
      reportError,
    });
    stop = () => handle.stop();
    io.out(`Sandbox customs is answering at ${handle.url} (bearer token ${token}).`);
  }
  io.out('Press Ctrl+C to stop.');
  await (stopAfter ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
  await stop();
  return 0;
}
