import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The customs schemas and real receipts sit beside the repository (../shared), unless told otherwise. */
export const xsdRoot = process.env.ZONEBOOK_CUSTOMS_XSD ?? path.resolve(repoRoot, '../shared/customs-xsd');
export const receiptsDir =
  process.env.ZONEBOOK_RECEIPTS ?? path.resolve(repoRoot, '../shared/fixtures/receipts');
