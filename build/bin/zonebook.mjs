#!/usr/bin/env node
// The `zonebook` command: runs electron/cli.ts through tsx, so it works right after `npm ci`.
import { register } from 'tsx/esm/api';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

register();
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'electron', 'cli.ts');
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
