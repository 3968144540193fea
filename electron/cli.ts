import { parseArgs } from 'node:util';

export type Command = (args: string[], io: CliIo) => Promise<number>;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const usage = `zonebook — the Zonebook command line

Usage:
  zonebook help                 this text
  zonebook version              the version of this installation
`;

const commands: Record<string, Command> = {
  help: async (_args, io) => {
    io.out(usage);
    return 0;
  },
  version: async (_args, io) => {
    const { createRequire } = await import('node:module');
    const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
    io.out(pkg.version);
    return 0;
  },
};

/** The command line: the same shared code as the app, headless. Returns the exit code. */
export async function main(
  argv: string[],
  io: CliIo = { out: console.log, err: console.error },
): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const name = positionals[0] ?? 'help';
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  return command(argv.slice(1), io);
}
