import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../electron/cli';
import { demoFileName } from '../../electron/commands/demo';
import { sandboxCommand } from '../../electron/commands/sandbox';
import { renderInv101SchemaForm } from '../../shared/customs/xml/schema-form/render-inv101';
import { envelope, inv101EntryFromAbroad } from '../shared/customs/support/documents';
import { receiptsDir, xsdRoot } from '../shared/customs/support/paths';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let demoFile: string;

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'zb-cli-'));
  const result = await run('demo', '--out', folder, '--lines', '20', '--movements', '400', '--seed', '7');
  expect(result.code).toBe(0);
  demoFile = join(folder, demoFileName);
});

describe('zonebook demo', () => {
  it('writes a dataset mixing every movement kind, the same for the same seed', async () => {
    const text = await readFile(demoFile, 'utf8');
    const kinds = new Set([...text.matchAll(/"kind":"(\w+)"/g)].map((m) => m[1]));
    expect(kinds.size).toBe(19);
    const again = await mkdtemp(join(tmpdir(), 'zb-cli-'));
    await run('demo', '--out', again, '--lines', '20', '--movements', '400', '--seed', '7');
    expect(await readFile(join(again, demoFileName), 'utf8')).toBe(text);
  });

  it('refuses a non-number with the option named', async () => {
    const result = await run('demo', '--out', '/tmp/x', '--movements', 'many');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--movements must be a whole number');
  });
});

describe('zonebook journal', () => {
  it('verifies the demo journal', async () => {
    const result = await run('journal', 'verify', demoFile);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('OK: 400 journal entries');
  });

  it('names the first bad entry of a tampered journal and exits 1', async () => {
    const lines = (await readFile(demoFile, 'utf8')).split('\n');
    const index = lines.findIndex((line) => line.startsWith('{"entry"')) + 5;
    lines[index] = (lines[index] ?? '').replace(/"qty":"(\d)/, '"qty":"9$1');
    const tampered = join(await mkdtemp(join(tmpdir(), 'zb-cli-')), 'tampered.ndjson');
    await writeFile(tampered, lines.join('\n'));
    const result = await run('journal', 'verify', tampered);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`broken at line ${index + 1}: journal entry 6 .*`));
  });

  it('prints balances as CSV by book line and custody', async () => {
    const result = await run('journal', 'balances', demoFile);
    expect(result.code).toBe(0);
    const [header, first] = result.out.split('\n');
    expect(header).toBe('gdsSeqno,gdsMtno,bookLineId,custody,location,qty');
    expect(first).toMatch(/^1,ZB\d{4}-00001,[0-9a-f-]{36},(zone|display|transit|processing),/);
  });

  it('says what is wrong with a missing file or bad usage', async () => {
    expect(await run('journal', 'verify', '/nonexistent.ndjson')).toMatchObject({ code: 1 });
    expect(await run('journal', 'check', demoFile)).toMatchObject({ code: 2 });
    expect(await run('frobnicate')).toMatchObject({ code: 2 });
  });
});

describe('zonebook receipt parse', () => {
  it('prints a real receipt as JSON with its status fields', async () => {
    const result = await run('receipt', 'parse', join(receiptsDir, 'INV201.xml'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      messageType: 'INV201',
      businessId: 'QD311124E000098849',
      etpsPreentNo: '202400000122717119',
      etpsInnerInvtNo: 'COSU6391946850D',
      manageResult: '4',
    });
  });

  it('refuses a file that is not a receipt, with the reason', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'zb-cli-'));
    await writeFile(join(folder, 'cut.xml'), '<Package><EnvelopInfo><message_type>INV201');
    const result = await run('receipt', 'parse', join(folder, 'cut.xml'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not a receipt Zonebook can read: .+/);
  });
});

describe('zonebook message validate', () => {
  it('accepts a schema-form INV101 and refuses one with a field out of place', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'zb-cli-'));
    const xml = renderInv101SchemaForm(inv101EntryFromAbroad, envelope('M-cli'));
    await writeFile(join(folder, 'good.xml'), xml);
    await writeFile(join(folder, 'bad.xml'), xml.replace(/<gdsMtno>[^<]*<\/gdsMtno>/, ''));
    expect(await run('message', 'validate', join(folder, 'good.xml'), '--xsd', xsdRoot)).toMatchObject({
      code: 0,
    });
    const bad = await run('message', 'validate', join(folder, 'bad.xml'), '--xsd', xsdRoot);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/invalid \(INV101\)/);
  });

  it('says that real receipts do not validate against the 2017 schemas', async () => {
    const result = await run('message', 'validate', join(receiptsDir, 'INV201.xml'), '--xsd', xsdRoot);
    expect(result.code).toBe(1);
  });
});

describe('zonebook sandbox', () => {
  it('answers on the exchange folders until stopped, and refuses bad options', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'zb-cli-sandbox-'));
    const out: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = sandboxCommand(
      ['--folder', folder, '--seed', '3'],
      { out: (t) => out.push(t), err: () => undefined },
      stopped,
    );
    await vi.waitFor(() => expect(out.join('\n')).toContain(`exchange folders in ${folder}`));
    expect((await readdir(folder)).sort()).toEqual(
      expect.arrayContaining(['FailBox', 'InBox', 'OutBox', 'SentBox']),
    );
    stop();
    expect(await running).toBe(0);
    expect(await run('sandbox')).toMatchObject({ code: 2 });
    expect(await run('sandbox', '--folder', folder, '--faults', 'some')).toMatchObject({ code: 2 });
    expect(await run('sandbox', '--http', 'eighty')).toMatchObject({ code: 2 });
  });
});
