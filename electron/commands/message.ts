import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateMessageFile } from '../customs/xsd-validate';
import { customsXsdRoot } from '../customs/xsd-root';
import type { CliIo } from './io';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `zonebook message validate FILE [--xsd DIR]`: checks a message against the customs XSD of its type
 * (xmllint). Exits 0 when valid, 1 when invalid or when no schema describes it (the import form).
 */
export async function messageCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { xsd: { type: 'string' } },
  });
  const [action, file] = positionals;
  if (action !== 'validate' || !file) {
    io.err('Usage: zonebook message validate FILE [--xsd DIR]');
    return 2;
  }
  const xsdRoot = values.xsd ?? customsXsdRoot(repoRoot);
  if (!xsdRoot) {
    io.err(
      'No customs XSDs found: pass --xsd DIR (the folder holding SAS/ and EMS/) or set ZONEBOOK_CUSTOMS_XSD.',
    );
    return 2;
  }
  let result;
  try {
    result = await validateMessageFile(file, { xsdRoot });
  } catch (error) {
    io.err(`Cannot check ${file}: ${(error as Error).message}`);
    return 1;
  }
  if (result.status === 'valid') {
    io.out(`${file}: valid ${result.messageType} (${result.schema})`);
    return 0;
  }
  const what = result.status === 'noSchema' ? 'no customs schema describes it' : 'invalid';
  io.err(
    `${file}: ${what}${result.messageType ? ` (${result.messageType})` : ''}\n${result.errors.map((e) => `  ${e}`).join('\n')}`,
  );
  return 1;
}
