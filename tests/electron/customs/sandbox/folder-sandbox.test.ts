import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFolderEndpoint } from '../../../../electron/customs/endpoints/folder-endpoint';
import {
  runFolderSandbox,
  sandboxFolder,
  type SandboxHandle,
} from '../../../../electron/customs/sandbox/folder-sandbox';
import type { SandboxOptionsInput } from '../../../../electron/customs/sandbox/options';
import type { CustomsEndpoint, IncomingMessage } from '../../../../shared/customs/endpoint';
import { parseReceipt } from '../../../../shared/customs/receipts/parse-receipt';
import type { Receipt } from '../../../../shared/customs/receipts/receipt';
import { receiptOutcome } from '../../../../shared/customs/receipts/receipt-outcome';
import {
  entryList,
  inv101Xml,
  noGateList,
  outgoing,
  passFor,
  receiptReader,
  releaseList,
  sas121Xml,
  wineStock,
  temporaryFolder,
} from './support';

const fast: SandboxOptionsInput = {
  approvalDelayMs: 5,
  declarationDelayMs: 5,
  gateDelayMs: 5,
  postingDelayMs: 5,
};

let root: string;
let remove: () => Promise<void>;
const sandboxes: SandboxHandle[] = [];
const endpoints: CustomsEndpoint[] = [];

beforeEach(async () => {
  ({ path: root, remove } = await temporaryFolder());
});
afterEach(async () => {
  for (const endpoint of endpoints.splice(0)) await endpoint.stop();
  for (const sandbox of sandboxes.splice(0)) await sandbox.stop();
  await remove();
});

async function sandbox(options: SandboxOptionsInput = {}) {
  const handle = await runFolderSandbox({ root, options: { ...fast, ...options }, pollMs: 10, settleMs: 5 });
  sandboxes.push(handle);
  return handle;
}

/** The app's side: the folder endpoint, its watcher handing each file to the app's own receipt reader. */
async function app() {
  const endpoint = createFolderEndpoint({ root, settleMs: 40, rescanMs: 30 });
  endpoints.push(endpoint);
  const read = receiptReader();
  const receipts: Receipt[] = [];
  const incoming: IncomingMessage[] = [];
  await endpoint.start(async (message) => {
    incoming.push(message);
    const receipt = read(message.xml);
    if (receipt) receipts.push(receipt);
  });
  return { endpoint, receipts, incoming };
}

const kinds = (receipts: readonly Receipt[]) =>
  receipts.map((receipt) =>
    receipt.messageType === 'CommonResponeMessage'
      ? `CRM:${receipt.dealFlag}`
      : `${receipt.messageType}:${receiptOutcome(receipt)}`,
  );

const box = (name: string) => join(root, name);

describe('folder sandbox with the app’s folder endpoint', () => {
  it('carries an entry list and its gate pass from OutBox to posting, every file read by the app', async () => {
    const customs = await sandbox();
    await customs.seedBook([wineStock('100')]);
    const { endpoint, receipts, incoming } = await app();

    const list = noGateList(entryList);
    expect(await endpoint.submit(outgoing(list, inv101Xml(list)))).toMatchObject({ outcome: 'accepted' });
    await vi.waitFor(() => expect(kinds(receipts)).toEqual(['CRM:0', 'INV201:prePosted', 'INV211:posted']), {
      timeout: 5_000,
    });
    expect(receipts[2]?.bookLines.map((line) => [line.gdsSeqno, line.inQty])).toEqual([
      [17, '1300'],
      [18, '350.12345'],
    ]);
    expect(await readdir(box('OutBox'))).toEqual([]);
    expect(incoming.every((message) => message.source === 'InBox')).toBe(true);

    // An E list that needs the gate, then its pass: SAS221, SAS223, then the posting.
    const release = releaseList('ZB-OUT-9', '24');
    await endpoint.submit(outgoing(release, inv101Xml(release)));
    await vi.waitFor(() => expect(receipts.filter((r) => r.messageType === 'INV202')).toHaveLength(1), {
      timeout: 5_000,
    });
    const bondInvtNo = receipts.find((r) => r.etpsInnerInvtNo === 'ZB-OUT-9')?.businessId ?? '';
    const pass = passFor(bondInvtNo, '24');
    await endpoint.submit(outgoing(pass, sas121Xml(pass)));
    await vi.waitFor(() => expect(receipts.filter((r) => r.messageType === 'INV211')).toHaveLength(2), {
      timeout: 5_000,
    });
    expect(kinds(receipts).slice(3, 6)).toEqual(['CRM:0', 'INV201:prePosted', 'INV202:informational']);
    // The pass's reception receipt (CRM) and its approval are written moments apart and may be read in
    // either order on a busy machine; the approval, the gate and the posting keep theirs.
    const forPass = kinds(receipts).slice(6);
    expect([...forPass].sort()).toEqual(['CRM:0', 'INV211:posted', 'SAS221:approved', 'SAS223:gatePassed']);
    expect(forPass.filter((kind) => kind !== 'CRM:0')).toEqual([
      'SAS221:approved',
      'SAS223:gatePassed',
      'INV211:posted',
    ]);
    expect(customs.postedBook().find((line) => line.gdsSeqno === 17)).toMatchObject({ stock: '1276' });
  });

  it('copes with half-written receipt files: the watcher waits for the rest, nothing is quarantined', async () => {
    await sandbox({ halfWrittenRate: 1, halfWrittenPauseMs: 15 });
    const { endpoint, receipts } = await app();
    const list = noGateList(entryList);
    await endpoint.submit(outgoing(list, inv101Xml(list)));
    await vi.waitFor(() => expect(kinds(receipts)).toEqual(['CRM:0', 'INV201:prePosted', 'INV211:posted']), {
      timeout: 5_000,
    });
    expect(await readdir(box('Quarantine')).catch(() => [])).toEqual([]);
  });

  it('reassembles pocketed receipts and shrugs off duplicates and reordering, ending posted', async () => {
    await sandbox({ pocketLines: 1, duplicateRate: 1, outOfOrderRate: 0.5, outOfOrderDelayMs: 100, seed: 3 });
    const { endpoint, receipts } = await app();
    const list = noGateList(entryList);
    await endpoint.submit(outgoing(list, inv101Xml(list)));
    await vi.waitFor(() => expect(receipts.filter((r) => r.messageType === 'INV211')).toHaveLength(1), {
      timeout: 5_000,
    });
    expect(receipts.find((r) => r.messageType === 'INV211')?.bookLines).toHaveLength(2);
  });
});

describe('folder sandbox on its own folders', () => {
  it('ignores temporary and dot files in OutBox, takes complete ones, moves them to SentBox and answers in InBox', async () => {
    await mkdir(box('OutBox'), { recursive: true });
    await writeFile(box('OutBox/.INV101_I_x.xml.123.tmp'), '<Signa');
    await writeFile(box('OutBox/partial.tmp'), '<Signa');
    await writeFile(box('OutBox/INV101_I_1.xml'), inv101Xml(entryList));
    await sandbox();
    await vi.waitFor(async () => expect(await readdir(box('InBox'))).toContain('Successed_INV101_I_1.xml'), {
      timeout: 5_000,
    });
    const response = parseReceipt(await readFile(box('InBox/Successed_INV101_I_1.xml'), 'utf8'));
    expect(response.ok && response.value).toMatchObject({
      dealFlag: '0',
      etpsPreentNo: entryList.head.etpsInnerInvtNo,
    });
    expect((await readdir(box('OutBox'))).sort()).toEqual(['.INV101_I_x.xml.123.tmp', 'partial.tmp']);
    expect(await readdir(box('SentBox'))).toEqual(['INV101_I_1.xml']);
  });

  it('moves a message it fails to import to FailBox; with commonResponseBox SentBoxOrFailBox the answer lies beside it', async () => {
    await sandbox({ importFailureRate: 1, commonResponseBox: 'SentBoxOrFailBox' });
    await writeFile(box('OutBox/INV101_I_1.xml'), inv101Xml(entryList));
    await vi.waitFor(
      async () =>
        expect((await readdir(box('FailBox'))).sort()).toEqual(['Failed_INV101_I_1.xml', 'INV101_I_1.xml']),
      { timeout: 5_000 },
    );
    const response = parseReceipt(await readFile(box('FailBox/Failed_INV101_I_1.xml'), 'utf8'));
    expect(response.ok && response.value.dealFlag).toBe('-1');
  });

  it('after a crash answers nothing, keeps the taken message, and answers it once run again', async () => {
    const first = await sandbox({ crashRate: 1 });
    await writeFile(box('OutBox/INV101_I_1.xml'), inv101Xml(entryList));
    await vi.waitFor(() => expect(first.isCrashed()).toBe(true), { timeout: 5_000 });
    await writeFile(box('OutBox/INV101_I_2.xml'), inv101Xml(releaseList('ZB-2')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(box('OutBox'))).toEqual(['INV101_I_2.xml']);
    expect(await readdir(box('InBox'))).toEqual([]);
    expect(await readdir(join(sandboxFolder(root), 'Taken'))).toEqual(['INV101_I_1.xml']);
    await first.stop();
    sandboxes.splice(0);

    await sandbox();
    await vi.waitFor(
      async () =>
        expect((await readdir(box('SentBox'))).sort()).toEqual(['INV101_I_1.xml', 'INV101_I_2.xml']),
      { timeout: 5_000 },
    );
    expect(await readdir(join(sandboxFolder(root), 'Taken'))).toEqual([]);
  });
});
