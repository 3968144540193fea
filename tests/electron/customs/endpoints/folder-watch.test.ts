import { appendFile, copyFile, mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFolderEndpoint } from '../../../../electron/customs/endpoints/folder-endpoint';
import { sha256Hex } from '../../../../electron/customs/endpoints/sha256';
import type { CustomsEndpoint } from '../../../../shared/customs/endpoint';
import { commonResponse, fixedNow, recordingHandler, temporaryFolder } from './helpers';

let root: string;
let remove: () => Promise<void>;
const running: CustomsEndpoint[] = [];

beforeEach(async () => {
  ({ path: root, remove } = await temporaryFolder());
  for (const box of ['InBox', 'SentBox', 'FailBox']) await mkdir(join(root, box), { recursive: true });
});
afterEach(async () => {
  for (const endpoint of running.splice(0)) await endpoint.stop();
  await remove();
});

function endpointFor(options: { sleep?: (ms: number) => Promise<void> } = {}): CustomsEndpoint {
  const endpoint = createFolderEndpoint({ root, settleMs: 20, rescanMs: 50, now: fixedNow, ...options });
  running.push(endpoint);
  return endpoint;
}

const box = (name: string, file = '') => join(root, name, file);
const archived = (name: string, content: string) =>
  join(root, 'Archive', '2024-07-30', `${sha256Hex(content).slice(0, 16)}_${name}`);

describe('folder endpoint: watching InBox, SentBox and FailBox', () => {
  it('first hands on what arrived while the app was closed, then archives it with its hash', async () => {
    const response = commonResponse('278792851A');
    await writeFile(box('SentBox', 'Successed_fef3da4f.xml'), response);
    await writeFile(box('InBox', 'INV201.xml'), commonResponse('OTHER'));
    const { received, onIncoming } = recordingHandler();

    await endpointFor().start(onIncoming);

    expect(received.map((message) => [message.source, message.name]).sort()).toEqual([
      ['InBox', 'INV201.xml'],
      ['SentBox', 'Successed_fef3da4f.xml'],
    ]);
    const sent = received.find((message) => message.source === 'SentBox');
    expect(sent).toEqual({
      source: 'SentBox',
      name: 'Successed_fef3da4f.xml',
      xml: response,
      sha256: sha256Hex(response),
      receivedAt: '2024-07-30T03:48:03.000Z',
    });
    expect(await readdir(box('SentBox'))).toEqual([]);
    expect(await readFile(archived('Successed_fef3da4f.xml', response), 'utf8')).toBe(response);
    const index = await readFile(join(root, 'Archive', 'index.ndjson'), 'utf8');
    expect(index).toContain(`"sha256":"${sha256Hex(response)}","direction":"received","channel":"SentBox"`);
  });

  it('hands on files that arrive after it started', async () => {
    const { received, onIncoming } = recordingHandler();
    await endpointFor().start(onIncoming);

    await writeFile(box('FailBox', 'Failed_SAS121_I_1.xml'), commonResponse('1', '-1'));
    await writeFile(box('InBox', 'SAS221.xml'), commonResponse('2'));

    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received.map((message) => message.source).sort()).toEqual(['FailBox', 'InBox']);
    await vi.waitFor(async () => expect(await readdir(box('InBox'))).toEqual([]));
  });

  it('hands identical content on again when it arrives anew: a resent document failing the same way', async () => {
    // A CommonResponeMessage carries nothing unique, and our file name is fixed per document, so the
    // client's answer to the resend is the first answer byte for byte, under the same name.
    const response = commonResponse('278792851A', '-1');
    await writeFile(box('FailBox', 'Failed_INV101_E_278792851A.xml'), response);
    const { received, onIncoming } = recordingHandler();
    await endpointFor().start(onIncoming);
    expect(received).toHaveLength(1);

    await writeFile(box('FailBox', 'Failed_INV101_E_278792851A.xml'), response);
    await writeFile(box('InBox', 'elsewhere.xml'), response);

    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received.map((message) => [message.source, message.name]).sort()).toEqual([
      ['FailBox', 'Failed_INV101_E_278792851A.xml'],
      ['FailBox', 'Failed_INV101_E_278792851A.xml'],
      ['InBox', 'elsewhere.xml'],
    ]);
    expect(new Set(received.map((message) => message.sha256))).toEqual(new Set([sha256Hex(response)]));
    await vi.waitFor(async () => expect(await readdir(box('FailBox'))).toEqual([]));
  });

  it('hands the same file on only once when it is seen again, as after a crash before it was moved', async () => {
    const response = commonResponse('278792851A');
    const name = 'Successed_fef3da4f.xml';
    const writtenAt = new Date('2024-07-30T03:40:00.000Z');
    await writeFile(box('SentBox', name), response);
    await utimes(box('SentBox', name), writtenAt, writtenAt);
    const { received, onIncoming } = recordingHandler();
    const endpoint = endpointFor();
    await endpoint.start(onIncoming);
    expect(received).toHaveLength(1);

    // The handled file back where it was, as it was (name, bytes, mtime): recorded, not moved.
    const putBack = async () => {
      await copyFile(archived(name, response), box('SentBox', name));
      await utimes(box('SentBox', name), writtenAt, writtenAt);
    };
    await putBack();
    await vi.waitFor(async () => expect(await readdir(box('SentBox'))).toEqual([]));
    expect(received).toHaveLength(1);

    // And after a restart, from the index alone.
    await endpoint.stop();
    await putBack();
    const after = recordingHandler();
    await endpointFor().start(after.onIncoming);
    expect(after.received).toEqual([]);
    expect(await readdir(box('SentBox'))).toEqual([]);
  });

  it('quarantines a truncated receipt with its reason and goes on with the next file', async () => {
    const truncated = commonResponse('278792851A').slice(0, 80);
    await writeFile(box('InBox', 'a-truncated.xml'), truncated);
    await writeFile(box('InBox', 'b-good.xml'), commonResponse('1'));
    await writeFile(box('InBox', 'c-not-utf8.xml'), Buffer.from([0x3c, 0xff, 0xfe, 0x3e]));
    const { received, onIncoming } = recordingHandler();
    await endpointFor().start(onIncoming);

    await writeFile(box('InBox', 'd-also-bad.xml'), '<INV201><unclosed>');
    await writeFile(box('InBox', 'e-good.xml'), commonResponse('2'));
    await vi.waitFor(() => expect(received).toHaveLength(2));

    expect(received.map((message) => message.name)).toEqual(['b-good.xml', 'e-good.xml']);
    const quarantined = `${sha256Hex(truncated).slice(0, 16)}_a-truncated.xml`;
    await vi.waitFor(async () => expect(await readdir(join(root, 'Quarantine'))).toHaveLength(6));
    expect(await readFile(join(root, 'Quarantine', quarantined), 'utf8')).toBe(truncated);
    const reason = await readFile(join(root, 'Quarantine', `${quarantined}.reason.txt`), 'utf8');
    expect(reason).toContain('reason: truncated or malformed XML in a-truncated.xml');
    expect(reason).toContain(`sha256: ${sha256Hex(truncated)}`);
    const notUtf8 = (await readdir(join(root, 'Quarantine'))).find((name) =>
      name.endsWith('c-not-utf8.xml.reason.txt'),
    );
    expect(await readFile(join(root, 'Quarantine', notUtf8 ?? ''), 'utf8')).toContain('not valid UTF-8');
    expect(await readdir(box('InBox'))).toEqual([]);
  });

  it('reads a file being written in two chunks only once it is complete', async () => {
    const response = commonResponse('278792851A');
    const half = Math.floor(response.length / 2);
    await writeFile(box('InBox', 'slow.xml'), response.slice(0, half));
    let sleeps = 0;
    let resumeWriter!: () => void;
    const writerPaused = new Promise<void>((resolve) => (resumeWriter = resolve));
    // The first settle interval lasts until the writer has finished its second chunk.
    const sleep = async () => {
      sleeps += 1;
      if (sleeps === 1) await writerPaused;
    };
    const { received, onIncoming } = recordingHandler();

    const starting = endpointFor({ sleep }).start(onIncoming);
    await vi.waitFor(() => expect(sleeps).toBe(1));
    expect(received).toEqual([]);
    await appendFile(box('InBox', 'slow.xml'), response.slice(half));
    resumeWriter();
    await starting;

    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.xml).toBe(response);
    expect(await readdir(join(root, 'Quarantine')).catch(() => [])).toEqual([]);
  });

  it('ignores temporary, partial and still-empty files', async () => {
    await writeFile(box('InBox', '.INV201.xml.1234.tmp'), '<INV201>');
    await writeFile(box('InBox', 'INV201.xml.tmp'), '<INV201>');
    await writeFile(box('InBox', 'INV202.xml'), '');
    const { received, onIncoming } = recordingHandler();

    await endpointFor().start(onIncoming);

    expect(received).toEqual([]);
    expect((await readdir(box('InBox'))).sort()).toEqual([
      '.INV201.xml.1234.tmp',
      'INV201.xml.tmp',
      'INV202.xml',
    ]);
  });

  it('survives a restart: a new instance picks up what arrived while stopped, and nothing twice', async () => {
    const first = commonResponse('1');
    await writeFile(box('InBox', 'first.xml'), first);
    const before = recordingHandler();
    const endpoint = endpointFor();
    await endpoint.start(before.onIncoming);
    await endpoint.stop();

    await writeFile(box('InBox', 'second.xml'), commonResponse('2'));
    await writeFile(box('InBox', 'first-again.xml'), first);
    const after = recordingHandler();
    await endpointFor().start(after.onIncoming);

    expect(before.received.map((message) => message.name)).toEqual(['first.xml']);
    // Identical bytes in a new file are a new answer; the store tells a true repeat from a needed one.
    expect(after.received.map((message) => message.name).sort()).toEqual(['first-again.xml', 'second.xml']);
    expect(await readdir(box('InBox'))).toEqual([]);
  });

  it('does not hand on our own sent message when the client echoes it back', async () => {
    const endpoint = endpointFor();
    const message = {
      etpsInnerInvtNo: '278792851A',
      messageType: 'INV101' as const,
      xml: '<Signature><Object/></Signature>',
      attempt: 1,
    };
    await endpoint.submit(message);
    await writeFile(box('SentBox', 'INV101_278792851A.xml'), message.xml);
    const { received, onIncoming } = recordingHandler();

    await endpoint.start(onIncoming);

    expect(received).toEqual([]);
    expect(await readdir(box('SentBox'))).toEqual([]);
  });
});
