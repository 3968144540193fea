import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the customs XSDs are: ZONEBOOK_CUSTOMS_XSD, else the project's shared material beside the
 * checkout (../shared/customs-xsd). They are customs' files and are not shipped inside Zonebook.
 */
export function customsXsdRoot(repoRoot: string, env = process.env): string | null {
  const candidates = [env.ZONEBOOK_CUSTOMS_XSD, resolve(repoRoot, '..', 'shared', 'customs-xsd')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'SAS'))) ?? null;
}
