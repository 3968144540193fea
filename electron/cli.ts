import { createRequire } from 'node:module';
import { declareCommand } from './commands/declare';
import { demoCommand } from './commands/demo';
import type { CliIo } from './commands/io';
import { journalCommand } from './commands/journal';
import { messageCommand } from './commands/message';
import { receiptCommand } from './commands/receipt';
import { sandboxCommand } from './commands/sandbox';

export type { CliIo };
type Command = (args: string[], io: CliIo) => Promise<number>;

const usage = `zonebook — the Zonebook command line: the app's own rules, headless

Usage:
  zonebook demo --out DIR [--lines N] [--movements N] [--seed S]
                                  write a demo dataset (a backup file: master data and a
                                  hash-chained journal mixing every movement kind)
  zonebook journal verify FILE    check a backup or journal: hash chains, postings, invariants;
                                  exits 1 and names the first bad entry when they fail
  zonebook journal balances FILE  print the balances by book line and custody as CSV
  zonebook declare --journal FILE --out DIR [--form import|schema]
                                  write the customs documents the batching policy makes from the
                                  file's pending movements, one XML file each (import form by default)
  zonebook receipt parse FILE     print a customs receipt as JSON (read leniently, as the app does)
  zonebook message validate FILE [--xsd DIR]
                                  check a message against the customs XSD of its type
  zonebook sandbox --folder DIR | --http PORT [--token T] [--faults all] [--seed S]
                                  run the sandbox customs on exchange folders or over HTTP
  zonebook simulate --movements N --seed S [--faults LIST|all] [--folder DIR --no-sandbox --timeout S]
                                  run the whole declaration loop headless (store, sync engine, folder
                                  endpoint, sandbox customs) and print a JSON summary; exits 1 when a
                                  movement was lost or declared twice, or the books disagree
  zonebook version                the version of this installation
  zonebook help                   this text
`;

const commands: Record<string, Command> = {
  help: async (_args, io) => {
    io.out(usage);
    return 0;
  },
  version: async (_args, io) => {
    const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
    io.out(pkg.version);
    return 0;
  },
  demo: demoCommand,
  journal: journalCommand,
  declare: declareCommand,
  receipt: receiptCommand,
  message: messageCommand,
  sandbox: (args, io) => sandboxCommand(args, io),
  // Loaded on use: it runs the store on fake-indexeddb, a development dependency.
  simulate: async (args, io) => (await import('./commands/simulate')).simulateCommand(args, io),
};

/** The command line: the same shared code as the app, headless. Returns the exit code. */
export async function main(
  argv: string[],
  io: CliIo = { out: console.log, err: console.error },
): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
}
