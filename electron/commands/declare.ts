import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { declarationFilesFromBackup, readBackup, type DeclarationForm } from '../../shared/store';
import type { CliIo } from './io';

const usage = 'Usage: zonebook declare --journal FILE --out DIR [--form import|schema] [--now ISO-INSTANT]';

/**
 * `zonebook declare --journal FILE --out DIR [--form import|schema]`: the documents the batching policy
 * makes from a backup's pending movements, one XML file each (the import form by default). Each file is
 * written under a temporary name and renamed, so a reader never sees half a document.
 */
export async function declareCommand(args: string[], io: CliIo): Promise<number> {
  let values: { journal?: string; out?: string; form?: string; now?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        journal: { type: 'string' },
        out: { type: 'string' },
        form: { type: 'string' },
        now: { type: 'string' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const form = (values.form ?? 'import') as DeclarationForm;
  if (!values.journal || !values.out || (form !== 'import' && form !== 'schema')) {
    io.err(usage);
    return 2;
  }
  const now = values.now ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(now))) {
    io.err(`--now must be an instant like 2025-03-01T08:30:00Z, got "${now}"`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(values.journal, 'utf8');
  } catch (error) {
    io.err(`Cannot read ${values.journal}: ${(error as Error).message}`);
    return 1;
  }
  const verdict = readBackup(text);
  if (!verdict.ok) {
    io.err(
      `${values.journal} is not a usable backup at line ${verdict.line}: ${verdict.reason} (declare needs a backup file, which carries the book and the outbox)`,
    );
    return 1;
  }
  const { files, held } = declarationFilesFromBackup(verdict.backup, {
    now: new Date(now).toISOString(),
    form,
  });
  await mkdir(values.out, { recursive: true });
  for (const file of files) {
    const path = join(values.out, file.fileName);
    await writeFile(`${path}.tmp`, file.xml, 'utf8');
    await rename(`${path}.tmp`, path);
  }
  for (const movement of held) io.err(`held ${movement.movementId} (${movement.code}): ${movement.reason}`);
  io.out(
    `Wrote ${files.length} documents (${form} form) to ${values.out}: ` +
      `${files.filter((f) => f.messageType === 'INV101').length} lists, ${files.filter((f) => f.messageType === 'SAS121').length} gate passes, ` +
      `${files.filter((f) => f.messageType === 'SAS101').length} business declarations (业务申报表); ` +
      `${held.length} pending movements held.`,
  );
  return 0;
}
