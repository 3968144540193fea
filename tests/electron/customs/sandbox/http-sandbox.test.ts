import { join } from 'node:path';
import type { CredentialStore } from '../../../../electron/customs/endpoints/credential-store';
import { createHttpGatewayEndpoint } from '../../../../electron/customs/endpoints/http-gateway-endpoint';
import { runHttpSandbox, type HttpSandboxHandle } from '../../../../electron/customs/sandbox/http-sandbox';
import type { CustomsEndpoint } from '../../../../shared/customs/endpoint';
import { parseReceipt } from '../../../../shared/customs/receipts/parse-receipt';
import type { Receipt } from '../../../../shared/customs/receipts/receipt';
import { receiptOutcome } from '../../../../shared/customs/receipts/receipt-outcome';
import {
  entryList,
  inv101Xml,
  noGateList,
  outgoing,
  receiptReader,
  temporaryFolder,
  wineStock,
} from './support';

const token = 'sandbox-token-1';
const fast = { approvalDelayMs: 5, declarationDelayMs: 5, gateDelayMs: 5, postingDelayMs: 5 };

let folder: string;
let remove: () => Promise<void>;
const sandboxes: HttpSandboxHandle[] = [];
const endpoints: CustomsEndpoint[] = [];

beforeEach(async () => {
  ({ path: folder, remove } = await temporaryFolder());
});
afterEach(async () => {
  for (const endpoint of endpoints.splice(0)) await endpoint.stop();
  for (const sandbox of sandboxes.splice(0)) await sandbox.stop();
  await remove();
});

async function sandbox(options = {}) {
  const handle = await runHttpSandbox({
    port: 0,
    token,
    options: { ...fast, ...options },
    stateFile: join(folder, 'sandbox.json'),
  });
  sandboxes.push(handle);
  return handle;
}

const credentials: CredentialStore = { get: async () => token, set: async () => undefined };

const post = (url: string, key: string, xml: string, auth = `Bearer ${token}`) =>
  fetch(`${url}/messages`, {
    method: 'POST',
    headers: {
      Authorization: auth,
      'Idempotency-Key': key,
      'X-Message-Type': 'INV101',
      'Content-Type': 'application/xml; charset=utf-8',
    },
    body: xml,
  });

const list = noGateList(entryList);
const key = list.head.etpsInnerInvtNo;

describe('HTTP sandbox behind the gateway protocol', () => {
  it('declares through the app’s HTTP gateway endpoint and delivers every receipt by cursor', async () => {
    const customs = await sandbox();
    await customs.seedBook([wineStock('100')]);
    const endpoint = createHttpGatewayEndpoint({
      baseUrl: `${customs.url}/gateway`,
      credentials,
      credentialName: 'gateway',
      stateFolder: join(folder, 'app'),
      pollMs: 20,
    });
    endpoints.push(endpoint);
    const read = receiptReader();
    const receipts: Receipt[] = [];
    await endpoint.start(async (message) => {
      const receipt = read(message.xml);
      if (receipt) receipts.push(receipt);
    });
    expect(await endpoint.submit(outgoing(list, inv101Xml(list)))).toMatchObject({ outcome: 'accepted' });
    await vi.waitFor(
      () => expect(receipts.map((r) => r.messageType)).toEqual(['CommonResponeMessage', 'INV201', 'INV211']),
      { timeout: 5_000 },
    );
    expect(receipts.map(receiptOutcome)).toEqual(['imported', 'prePosted', 'posted']);
    expect(await endpoint.submit(outgoing(list, inv101Xml(list)))).toMatchObject({ outcome: 'duplicate' });
  });

  it('refuses a missing or wrong token, and listens on the loopback interface only', async () => {
    const customs = await sandbox();
    expect(customs.url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
    expect((await post(customs.url, key, inv101Xml(list), 'Bearer wrong')).status).toBe(401);
    expect((await fetch(`${customs.url}/receipts`)).status).toBe(401);
  });

  it('answers 202 once, 409 to the same body again and to a different document under the used key', async () => {
    const customs = await sandbox();
    expect((await post(customs.url, key, inv101Xml(list, 'M-1'))).status).toBe(202);
    expect((await post(customs.url, key, inv101Xml(list, 'M-1'))).status).toBe(409);
    const other = { ...list, head: { ...list.head, rmk: '另一票货' } };
    const conflict = await post(customs.url, key, inv101Xml(other, 'M-2'));
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain('与系统已有记录的对应字段重复');
    // A resend with another envelope is the same document: accepted, answered with the same SeqNo.
    expect((await post(customs.url, key, inv101Xml(list, 'M-3'))).status).toBe(202);
    await customs.idle();
    const page = (await (
      await fetch(`${customs.url}/receipts`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as {
      receipts: { id: string; xml: string }[];
      cursor: string;
    };
    const answers = page.receipts
      .map((receipt) => parseReceipt(receipt.xml))
      .flatMap((r) => (r.ok && r.value.messageType === 'CommonResponeMessage' ? [r.value] : []));
    expect(answers).toHaveLength(2);
    expect(answers[1]?.seqNo).toBe(answers[0]?.seqNo);
    const next = await fetch(`${customs.url}/receipts?after=${page.cursor}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await next.json()).toEqual({ receipts: [], cursor: page.cursor });
  });

  it('keeps its feed and customs’ state across a restart', async () => {
    const first = await sandbox({ crashRate: 1 });
    expect((await post(first.url, key, inv101Xml(list))).status).toBe(202);
    await first.idle();
    expect(first.isCrashed()).toBe(true);
    await first.stop();
    sandboxes.splice(0);

    const second = await sandbox();
    await second.idle();
    const page = (await (
      await fetch(`${second.url}/receipts`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as {
      receipts: { xml: string }[];
    };
    expect(
      page.receipts.map((receipt) => parseReceipt(receipt.xml)).map((r) => r.ok && r.value.dealFlag),
    ).toContain('0');
    expect((await post(second.url, key, inv101Xml(list))).status).toBe(409);
  });
});
