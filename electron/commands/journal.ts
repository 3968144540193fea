import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import {
  isCustodyAccount,
  locationIdOf,
  parseBalanceKey,
  verifyJournalText,
  type Balances,
} from '../../shared/ledger';
import { readBackup, type VerifiedBackup } from '../../shared/store';
import type { CliIo } from './io';

type Loaded =
  { ok: true; balances: Balances; entries: number; backup?: VerifiedBackup } | { ok: false; message: string };

/** A backup file (with its header line) or a bare journal (entries only, one per line). */
async function loadJournal(file: string): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read ${file}: ${(error as Error).message}` };
  }
  if (text.startsWith('{"exportedAt"')) {
    const verdict = readBackup(text);
    if (!verdict.ok)
      return { ok: false, message: `${file} is broken at line ${verdict.line}: ${verdict.reason}` };
    return {
      ok: true,
      balances: verdict.backup.balances,
      entries: verdict.backup.entries.length,
      backup: verdict.backup,
    };
  }
  const verdict = verifyJournalText(text);
  if (!verdict.ok) {
    return {
      ok: false,
      message: `${file} is broken at entry ${verdict.index + 1} (line ${verdict.index + 1}${verdict.id ? `, id ${verdict.id}` : ''}): ${verdict.reason}`,
    };
  }
  return { ok: true, balances: verdict.balances, entries: verdict.entryCount };
}

/** `zonebook journal verify FILE` and `zonebook journal balances FILE`. */
export async function journalCommand(args: string[], io: CliIo): Promise<number> {
  const [action, file] = args;
  if ((action !== 'verify' && action !== 'balances') || !file) {
    io.err('Usage: zonebook journal verify FILE | zonebook journal balances FILE');
    return 2;
  }
  const loaded = await loadJournal(file);
  if (!loaded.ok) {
    io.err(loaded.message);
    return 1;
  }
  if (action === 'verify') {
    io.out(
      `OK: ${loaded.entries} journal entries; hash chains, postings and invariants hold (every book line sums to zero, no custody below zero).`,
    );
    return 0;
  }
  const lines = new Map(loaded.backup?.bookLines.map((line) => [line.id, line]) ?? []);
  const locations = new Map(loaded.backup?.locations.map((location) => [location.id, location]) ?? []);
  const rows = [...loaded.balances]
    .map(([key, qty]) => ({ ...parseBalanceKey(key), qty }))
    .filter((row) => isCustodyAccount(row.account))
    .map((row) => {
      const line = lines.get(row.bookLineId);
      const locationId = locationIdOf(row.account);
      return {
        gdsSeqno: line?.gdsSeqno ?? '',
        gdsMtno: line?.gdsMtno ?? '',
        bookLineId: row.bookLineId,
        custody: locationId === undefined ? row.account : 'zone',
        location: locationId === undefined ? '' : (locations.get(locationId)?.code ?? locationId),
        qty: row.qty,
      };
    })
    .sort(
      (a, b) =>
        Number(a.gdsSeqno) - Number(b.gdsSeqno) ||
        a.custody.localeCompare(b.custody) ||
        a.location.localeCompare(b.location),
    );
  io.out(Papa.unparse(rows, { newline: '\n' }));
  return 0;
}
