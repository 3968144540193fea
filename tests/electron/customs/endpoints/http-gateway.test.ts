import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CredentialStore } from '../../../../electron/customs/endpoints/credential-store';
import {
  createHttpGatewayEndpoint,
  type HttpGatewayOptions,
} from '../../../../electron/customs/endpoints/http-gateway-endpoint';
import { retryDelayMs } from '../../../../electron/customs/endpoints/retry-delay';
import { sha256Hex } from '../../../../electron/customs/endpoints/sha256';
import type { CustomsEndpoint } from '../../../../shared/customs/endpoint';
import { receiptFeed, startFakeGateway, type GatewayAnswer, type RecordedRequest } from './fake-gateway';
import { commonResponse, fixedNow, inv101, recordingHandler, temporaryFolder } from './helpers';

const token = 's3cret-token';
let stateFolder: string;
let remove: () => Promise<void>;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  ({ path: stateFolder, remove } = await temporaryFolder());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await remove();
});

function memoryCredentials(secrets: Record<string, string> = { gateway: token }): CredentialStore {
  return {
    get: async (name) => secrets[name],
    set: async (name, secret) => {
      secrets[name] = secret;
    },
  };
}

async function gatewayWith(answer: (request: RecordedRequest) => GatewayAnswer) {
  const gateway = await startFakeGateway(answer);
  cleanups.push(gateway.close);
  return gateway;
}

function endpointFor(baseUrl: string, overrides: Partial<HttpGatewayOptions> = {}) {
  const sleeps: number[] = [];
  const endpoint: CustomsEndpoint = createHttpGatewayEndpoint({
    baseUrl,
    credentials: memoryCredentials(),
    credentialName: 'gateway',
    stateFolder,
    pollMs: 20,
    maxAttempts: 4,
    backoff: { baseMs: 100, maxMs: 1_000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: fixedNow,
    ...overrides,
  });
  cleanups.push(() => endpoint.stop());
  return { endpoint, sleeps };
}

describe('HTTP gateway endpoint: submit', () => {
  it('posts the XML with its idempotency key, message type, direction and bearer credential', async () => {
    const gateway = await gatewayWith(() => ({ status: 202 }));
    const { endpoint } = endpointFor(gateway.baseUrl);
    const message = inv101('278792851A');

    const ack = await endpoint.submit(message);

    expect(ack).toEqual({
      outcome: 'accepted',
      etpsInnerInvtNo: '278792851A',
      sha256: sha256Hex(message.xml),
    });
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/gateway/messages', body: message.xml });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/xml; charset=utf-8',
      'idempotency-key': '278792851A',
      'x-message-type': 'INV101',
      'x-ie-flag': 'E',
      authorization: `Bearer ${token}`,
    });
    const index = await readFile(join(stateFolder, 'Archive', 'index.ndjson'), 'utf8');
    expect(index).toContain(`"sha256":"${sha256Hex(message.xml)}","direction":"sent","channel":"http"`);
  });

  it('backs off on 503 and a dropped connection, then succeeds, with the same key every time', async () => {
    const script: GatewayAnswer[] = [{ status: 503, body: 'busy' }, 'drop', { status: 201 }];
    const gateway = await gatewayWith(() => script.shift() ?? { status: 500 });
    const { endpoint, sleeps } = endpointFor(gateway.baseUrl);

    const ack = await endpoint.submit({ ...inv101('天竺-001'), attempt: 3 });

    expect(ack.outcome).toBe('accepted');
    expect(gateway.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      '%E5%A4%A9%E7%AB%BA-001',
      '%E5%A4%A9%E7%AB%BA-001',
      '%E5%A4%A9%E7%AB%BA-001',
    ]);
    expect(sleeps).toEqual([75, 150]);
  });

  it('gives up after the configured attempts with a retryable failure', async () => {
    const gateway = await gatewayWith(() => ({ status: 503, body: 'maintenance' }));
    const { endpoint, sleeps } = endpointFor(gateway.baseUrl);

    const ack = await endpoint.submit(inv101('278792851A'));

    expect(ack).toEqual({
      outcome: 'failed',
      etpsInnerInvtNo: '278792851A',
      reason: 'HTTP 503 maintenance',
      retryable: true,
    });
    expect(gateway.requests).toHaveLength(4);
    expect(sleeps).toEqual([75, 150, 300]);
    expect(await endpoint.status()).toEqual({
      reachable: true,
      lastError: 'submit 278792851A: HTTP 503 maintenance',
      pendingOutgoing: 0,
    });
  });

  it('does not retry a 4xx refusal and reports the reason from the body', async () => {
    const gateway = await gatewayWith(() => ({ status: 422, body: 'InvtHeadType/PutrecNo missing' }));
    const { endpoint, sleeps } = endpointFor(gateway.baseUrl);

    const ack = await endpoint.submit(inv101('278792851A'));

    expect(ack).toMatchObject({
      outcome: 'failed',
      reason: 'HTTP 422 InvtHeadType/PutrecNo missing',
      retryable: false,
    });
    expect(gateway.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('reports 409 as a duplicate already accepted under that key', async () => {
    const gateway = await gatewayWith(() => ({ status: 409, body: 'already accepted 278792851A' }));
    const { endpoint } = endpointFor(gateway.baseUrl);

    const ack = await endpoint.submit(inv101('278792851A'));

    expect(ack).toEqual({
      outcome: 'duplicate',
      etpsInnerInvtNo: '278792851A',
      reason: 'already accepted 278792851A',
    });
    expect(gateway.requests).toHaveLength(1);
  });

  it('sends nothing without a stored credential, and never puts the credential in a reason', async () => {
    const gateway = await gatewayWith(() => ({ status: 401, body: 'unauthorized' }));
    const withoutCredential = endpointFor(gateway.baseUrl, { credentials: memoryCredentials({}) }).endpoint;

    expect(await withoutCredential.submit(inv101('A1'))).toMatchObject({
      outcome: 'failed',
      retryable: false,
    });
    expect(gateway.requests).toHaveLength(0);

    const { endpoint } = endpointFor(gateway.baseUrl);
    const refused = await endpoint.submit(inv101('A1'));
    expect(refused).toMatchObject({ outcome: 'failed', retryable: false, reason: 'HTTP 401 unauthorized' });
    expect(JSON.stringify([refused, await endpoint.status()])).not.toContain(token);
  });

  it('reports a gateway that is not listening as unreachable, after retrying', async () => {
    const gateway = await startFakeGateway(() => ({ status: 202 }));
    await gateway.close();
    const { endpoint, sleeps } = endpointFor(gateway.baseUrl);

    const ack = await endpoint.submit(inv101('278792851A'));

    expect(ack).toMatchObject({ outcome: 'failed', retryable: true });
    expect(sleeps).toHaveLength(3);
    expect(await endpoint.status()).toMatchObject({ reachable: false });
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base, never passes the cap, and keeps half of each wait random', () => {
    const policy = { baseMs: 100, maxMs: 1_000 };
    expect([0, 1, 2, 3, 4, 20].map((retry) => retryDelayMs(retry, policy, () => 1))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(retryDelayMs(20, policy, () => 0)).toBe(500);
  });
});

describe('HTTP gateway endpoint: receipts', () => {
  const receipts = [1, 2, 3].map((n) => ({ id: `r${n}`, xml: commonResponse(`DOC${n}`) }));

  it('polls with the bearer credential and resumes after a restart from the persisted cursor', async () => {
    const feed = receipts.slice(0, 2);
    const gateway = await gatewayWith(receiptFeed(feed));
    const first = recordingHandler();
    const before = endpointFor(gateway.baseUrl).endpoint;

    await before.start(first.onIncoming);
    await vi.waitFor(() => expect(first.received).toHaveLength(2));
    await before.stop();
    expect(JSON.parse(await readFile(join(stateFolder, 'receipt-cursor.json'), 'utf8'))).toEqual({
      cursor: '2',
    });

    feed.push(receipts[2] as { id: string; xml: string });
    const seenBeforeRestart = gateway.requests.length;
    const second = recordingHandler();
    await endpointFor(gateway.baseUrl).endpoint.start(second.onIncoming);

    expect(gateway.requests[seenBeforeRestart]?.url).toBe('/gateway/receipts?after=2');
    expect(gateway.requests.every((request) => request.headers.authorization === `Bearer ${token}`)).toBe(
      true,
    );
    expect(first.received.map((message) => message.name)).toEqual(['r1', 'r2']);
    expect(second.received.map((message) => [message.source, message.name])).toEqual([['http', 'r3']]);
    expect(second.received[0]?.sha256).toBe(sha256Hex(receipts[2]?.xml ?? ''));
  });

  it('quarantines a bad receipt with its reason and goes on with the next', async () => {
    const bad = { id: 'r/bad', xml: '<INV201><HdeApprResult>' };
    const gateway = await gatewayWith(receiptFeed([bad, receipts[0] as { id: string; xml: string }]));
    const { received, onIncoming } = recordingHandler();

    await endpointFor(gateway.baseUrl).endpoint.start(onIncoming);

    expect(received.map((message) => message.name)).toEqual(['r1']);
    const quarantined = `${sha256Hex(bad.xml).slice(0, 16)}_r%2Fbad.xml`;
    expect((await readdir(join(stateFolder, 'Quarantine'))).sort()).toEqual([
      quarantined,
      `${quarantined}.reason.txt`,
    ]);
    expect(await readFile(join(stateFolder, 'Quarantine', quarantined), 'utf8')).toBe(bad.xml);
    expect(await readFile(join(stateFolder, 'Quarantine', `${quarantined}.reason.txt`), 'utf8')).toContain(
      'reason: truncated or malformed XML in r/bad',
    );
  });

  it('hands a receipt delivered again (a lost cursor) on only once', async () => {
    const gateway = await gatewayWith(receiptFeed(receipts.slice(0, 1)));
    const first = recordingHandler();
    const before = endpointFor(gateway.baseUrl).endpoint;
    await before.start(first.onIncoming);
    await before.stop();
    await rm(join(stateFolder, 'receipt-cursor.json'));

    const second = recordingHandler();
    await endpointFor(gateway.baseUrl).endpoint.start(second.onIncoming);

    expect(first.received).toHaveLength(1);
    expect(second.received).toEqual([]);
  });

  it('hands on an identical answer the gateway delivers under a new id: the same bytes, a new answer', async () => {
    const repeated = commonResponse('DOC1', '-1');
    const gateway = await gatewayWith(
      receiptFeed([
        { id: 'r1', xml: repeated },
        { id: 'r2', xml: repeated },
      ]),
    );
    const { received, onIncoming } = recordingHandler();

    await endpointFor(gateway.baseUrl).endpoint.start(onIncoming);

    await vi.waitFor(() => expect(received.map((message) => message.name)).toEqual(['r1', 'r2']));
  });

  it('records a gateway that answers polls with an error, and keeps polling', async () => {
    let failing = true;
    const feed = receiptFeed(receipts.slice(0, 1));
    const gateway = await gatewayWith((request) =>
      failing ? { status: 502, body: 'bad gateway' } : feed(request),
    );
    const { received, onIncoming } = recordingHandler();
    const { endpoint } = endpointFor(gateway.baseUrl);

    await endpoint.start(onIncoming);
    expect(await endpoint.status()).toMatchObject({ lastError: 'receipts: HTTP 502 bad gateway' });
    failing = false;

    await vi.waitFor(() => expect(received).toHaveLength(1));
  });
});
