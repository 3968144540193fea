import { watch } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFolderEndpoint } from '../../../../electron/customs/endpoints/folder-endpoint';
import { sha256Hex } from '../../../../electron/customs/endpoints/sha256';
import type { OutgoingMessage } from '../../../../shared/customs/endpoint';
import { fixedNow, inv101, temporaryFolder } from './helpers';

let root: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ path: root, remove } = await temporaryFolder());
});
afterEach(async () => {
  await remove();
});

const outBox = () => join(root, 'OutBox');

describe('folder endpoint: submit', () => {
  it('writes the message into OutBox under its document name and archives it with its hash', async () => {
    const endpoint = createFolderEndpoint({ root, now: fixedNow });
    const message = inv101('278792851A');

    const ack = await endpoint.submit(message);

    expect(ack).toEqual({
      outcome: 'accepted',
      etpsInnerInvtNo: '278792851A',
      sha256: sha256Hex(message.xml),
    });
    expect(await readdir(outBox())).toEqual(['INV101_E_278792851A.xml']);
    expect(await readFile(join(outBox(), 'INV101_E_278792851A.xml'), 'utf8')).toBe(message.xml);
    const index = (await readFile(join(root, 'Archive', 'index.ndjson'), 'utf8')).trim().split('\n');
    expect(index).toHaveLength(1);
    const record = JSON.parse(index[0] ?? '');
    expect(record).toMatchObject({ sha256: sha256Hex(message.xml), direction: 'sent', channel: 'OutBox' });
    expect(await readFile(join(root, 'Archive', record.archivedAs), 'utf8')).toBe(message.xml);
    expect(record.archivedAs).toBe(
      join('2024-07-30', `${sha256Hex(message.xml).slice(0, 16)}_INV101_E_278792851A.xml`),
    );
  });

  it('never lets a reader of OutBox see a partly written message', async () => {
    await mkdir(outBox(), { recursive: true });
    const endpoint = createFolderEndpoint({ root, now: fixedNow });
    const messages = Array.from({ length: 8 }, (_, n) => inv101(`DOC${n}`, 'y'.repeat(2_000_000)));
    const expected = new Map(
      messages.map((message) => [`INV101_E_${message.etpsInnerInvtNo}.xml`, message.xml]),
    );
    const observed: string[] = [];
    const partial: string[] = [];
    let reading = Promise.resolve();
    // Reads every final-named file the moment OutBox changes, the way the Single Window client would.
    const watcher = watch(outBox(), () => {
      reading = reading.then(async () => {
        for (const name of await readdir(outBox())) {
          if (name.startsWith('.')) continue;
          const text = await readFile(join(outBox(), name), 'utf8').catch(() => null);
          if (text === null) continue;
          observed.push(name);
          if (text !== expected.get(name)) partial.push(name);
        }
      });
    });
    try {
      await Promise.all(messages.map((message) => endpoint.submit(message)));
      await vi.waitFor(() => expect(new Set(observed).size).toBe(messages.length), { timeout: 5_000 });
      await reading;
    } finally {
      watcher.close();
    }
    expect(partial).toEqual([]);
    expect((await readdir(outBox())).sort()).toEqual([...expected.keys()].sort());
  });

  it('reports a retry of a message still waiting in OutBox as a duplicate and writes nothing twice', async () => {
    const endpoint = createFolderEndpoint({ root, now: fixedNow });
    const message = inv101('278792851A');

    const [first, retry] = await Promise.all([
      endpoint.submit(message),
      endpoint.submit({ ...message, attempt: 2 }),
    ]);

    expect(first.outcome).toBe('accepted');
    expect(retry).toMatchObject({ outcome: 'duplicate', etpsInnerInvtNo: '278792851A' });
    expect(await readdir(outBox())).toEqual(['INV101_E_278792851A.xml']);
    expect(await endpoint.status()).toEqual({ reachable: true, lastError: null, pendingOutgoing: 1 });
  });

  it('refuses to replace a different message waiting under the same number', async () => {
    const endpoint = createFolderEndpoint({ root, now: fixedNow });
    await endpoint.submit(inv101('278792851A', 'first'));

    const ack = await endpoint.submit({ ...inv101('278792851A', 'changed'), attempt: 2 });

    expect(ack).toMatchObject({ outcome: 'failed', retryable: false });
    expect(await readFile(join(outBox(), 'INV101_E_278792851A.xml'), 'utf8')).toContain('first');
  });

  it('writes a retry again under the same name once the client has taken the first', async () => {
    const endpoint = createFolderEndpoint({ root, now: fixedNow });
    const message = inv101('278792851A');
    await endpoint.submit(message);
    await rm(join(outBox(), 'INV101_E_278792851A.xml'));

    const retry = await endpoint.submit({ ...message, attempt: 2 });

    expect(retry.outcome).toBe('accepted');
    expect(await readdir(outBox())).toEqual(['INV101_E_278792851A.xml']);
  });

  it('ignores the temporary file a crash mid-write leaves behind', async () => {
    await mkdir(outBox(), { recursive: true });
    await writeFile(join(outBox(), '.INV101_E_278792851A.xml.0b1d.tmp'), '<Signature><Body>');
    const endpoint = createFolderEndpoint({ root, now: fixedNow });

    expect(await endpoint.status()).toEqual({ reachable: true, lastError: null, pendingOutgoing: 0 });
    expect((await endpoint.submit(inv101('278792851A'))).outcome).toBe('accepted');
    expect(await endpoint.status()).toMatchObject({ pendingOutgoing: 1 });
  });

  it('answers bad input with a failed, not retryable ack instead of throwing', async () => {
    const endpoint = createFolderEndpoint({ root, now: fixedNow });
    const bad = { ...inv101('has space'), messageType: 'INV999' } as unknown as OutgoingMessage;

    const ack = await endpoint.submit(bad);

    expect(ack).toMatchObject({ outcome: 'failed', retryable: false, etpsInnerInvtNo: 'has space' });
    expect(ack.outcome === 'failed' && ack.reason).toMatch(/messageType/);
  });

  it('reports an unusable exchange folder as a retryable failure and as unreachable', async () => {
    await writeFile(join(root, 'OutBox'), 'a file where the folder should be');
    const endpoint = createFolderEndpoint({ root, now: fixedNow });

    const ack = await endpoint.submit(inv101('278792851A'));

    expect(ack).toMatchObject({ outcome: 'failed', retryable: true });
    expect(await endpoint.status()).toMatchObject({ reachable: false });
  });
});
