import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declareCommand } from '../../electron/commands/declare';
import { demoCommand, demoFileName } from '../../electron/commands/demo';
import { validateMessage } from '../../electron/customs/xsd-validate';
import { declarationFilesFromBackup, readBackup } from '../../shared/store';
import { xsdRoot } from '../shared/customs/support/paths';

async function run(command: typeof declareCommand, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let demoFile: string;

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'zb-declare-'));
  expect(
    (await run(demoCommand, '--out', folder, '--lines', '15', '--movements', '300', '--seed', '3')).code,
  ).toBe(0);
  demoFile = join(folder, demoFileName);
});

describe('zonebook declare', () => {
  it('writes one schema-form file per document, each valid against the customs XSDs, the same for the same backup', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zb-declare-out-'));
    const now = '2030-01-01T00:00:00Z';
    const result = await run(
      declareCommand,
      '--journal',
      demoFile,
      '--out',
      out,
      '--form',
      'schema',
      '--now',
      now,
    );
    expect(result.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((name) => /^(INV101|SAS101|SAS121)_[IE]_ZB[0-9A-Z]{16}_r0\.xml$/.test(name))).toBe(
      true,
    );
    // Goods out for processing or display: their 业务申报表 goes first (their slips need its number).
    expect(files.some((name) => name.startsWith('SAS101'))).toBe(true);
    expect(result.out).toContain(`Wrote ${files.length} documents (schema form)`);
    const forms = files.filter((name) => name.startsWith('SAS101')).length;
    expect(result.out).toContain(`${forms} business declarations (业务申报表)`);
    for (const name of files) {
      const verdict = await validateMessage(await readFile(join(out, name), 'utf8'), { xsdRoot });
      expect(verdict, name).toMatchObject({ status: 'valid' });
    }
    const again = await mkdtemp(join(tmpdir(), 'zb-declare-out-'));
    await run(declareCommand, '--journal', demoFile, '--out', again, '--form', 'schema', '--now', now);
    expect((await readdir(again)).sort()).toEqual(files);
  });

  it('covers every pending list movement of the backup once, in the import form by default', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zb-declare-out-'));
    expect(
      (await run(declareCommand, '--journal', demoFile, '--out', out, '--now', '2030-01-01T00:00:00Z')).code,
    ).toBe(0);
    const backup = readBackup(await readFile(demoFile, 'utf8'));
    if (!backup.ok) throw new Error(backup.reason);
    const lists = (await readdir(out)).filter((name) => name.startsWith('INV101'));
    const texts = await Promise.all(lists.map((name) => readFile(join(out, name), 'utf8')));
    expect(texts.every((xml) => xml.includes('<DelcareFlag>1</DelcareFlag>'))).toBe(true);
    const pending = backup.backup.outbox.filter((row) => row.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    const { files, held } = declarationFilesFromBackup(backup.backup, {
      now: '2030-01-01T00:00:00.000Z',
      form: 'import',
    });
    expect(files.filter((f) => f.messageType === 'INV101')).toHaveLength(lists.length);
    for (const row of pending) {
      const inLists = files.filter(
        (f) => f.messageType === 'INV101' && f.movementIds.includes(row.movementId),
      );
      const isHeld = held.some((h) => h.movementId === row.movementId);
      expect(inLists.length + (isHeld ? 1 : 0), row.kind).toBe(1);
    }
  });

  it('refuses a broken file and wrong options with the reason', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'zb-declare-'));
    const broken = join(folder, 'broken.ndjson');
    await writeFile(broken, (await readFile(demoFile, 'utf8')).replace('"kind"', '"kinf"'));
    const result = await run(declareCommand, '--journal', broken, '--out', folder);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not a usable backup at line \d+/);
    expect((await run(declareCommand, '--journal', demoFile)).code).toBe(2);
    expect((await run(declareCommand, '--journal', demoFile, '--out', folder, '--form', 'pdf')).code).toBe(2);
  });
});
