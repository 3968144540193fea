import { timingSafeEqual } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../files/atomic-write';
import { gatewayPaths, type ReceiptsPage } from '../endpoints/gateway-protocol';
import { sha256Hex } from '../endpoints/sha256';
import type { SandboxHandle } from './folder-sandbox';
import type { SandboxOptionsInput } from './options';
import { createSandboxCustoms, type SandboxOutput } from './sandbox-customs';
import type { SandboxClock } from './sandbox-clock';
import { parseSandboxState, type SandboxState } from './sandbox-state';

export interface HttpSandboxConfig {
  /** 0 picks a free port; the handle says which. */
  port: number;
  /** The bearer token every request must carry. */
  token: string;
  options?: SandboxOptionsInput;
  clock?: SandboxClock;
  /** Where to keep customs' state, the accepted keys and the receipt feed across restarts; memory only when absent. */
  stateFile?: string;
  reportError?: (text: string) => void;
}

export interface HttpSandboxHandle extends SandboxHandle {
  /** http://127.0.0.1:<port> — the gateway's base URL. */
  readonly url: string;
}

/** The gateway's own memory: the bodies accepted under each key, and every receipt in the order given. */
const GatewayState = z.object({
  keys: z.record(z.string(), z.array(z.string())),
  feed: z.array(z.object({ id: z.string(), xml: z.string() })),
});
type GatewayState = z.infer<typeof GatewayState>;

const StateFile = z.object({ customs: z.unknown(), gateway: GatewayState });

const maxBodyBytes = 32 * 1024 * 1024;
const pageSize = 100;

async function readStateFile(path: string | undefined) {
  if (path === undefined) return undefined;
  try {
    const file = StateFile.parse(JSON.parse(await readFile(path, 'utf8')));
    return { customs: parseSandboxState(JSON.stringify(file.customs)), gateway: file.gateway };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const send = (response: ServerResponse, status: number, body: string | ReceiptsPage) => {
  const json = typeof body !== 'string';
  response.writeHead(status, {
    'Content-Type': json ? 'application/json' : 'text/plain; charset=utf-8',
  });
  response.end(json ? JSON.stringify(body) : body);
};

const decodeKey = (header: string): string | null => {
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
};

/**
 * The sandbox customs behind our gateway protocol (gateway-protocol.ts), on 127.0.0.1 only: POST
 * /messages takes a message under its Idempotency-Key (202), answers 409 to the same body again or to a
 * different document under a used key (with customs' duplicate text), and lets through a new version of
 * the same document (a re-declaration carrying its pre-entry number) or a resend after a failed import;
 * GET /receipts?after=cursor pages through every answer and receipt, oldest first. Same core as the
 * folder mode; the half-written-file fault has no meaning here.
 */
export async function runHttpSandbox(config: HttpSandboxConfig): Promise<HttpSandboxHandle> {
  const saved = await readStateFile(config.stateFile);
  const gateway: GatewayState = saved?.gateway ?? { keys: {}, feed: [] };
  let customsState: SandboxState | undefined = saved?.customs;
  const report = config.reportError ?? (() => undefined);

  async function persist(): Promise<void> {
    if (config.stateFile === undefined || customsState === undefined) return;
    await mkdir(dirname(config.stateFile), { recursive: true });
    await writeFileAtomic(config.stateFile, JSON.stringify({ customs: customsState, gateway }));
  }

  const addToFeed = (name: string, xml: string) =>
    gateway.feed.push({ id: `${String(gateway.feed.length + 1).padStart(8, '0')}_${name}`, xml });

  const customs = createSandboxCustoms({
    options: config.options,
    state: customsState,
    clock: config.clock,
    async emit(output: SandboxOutput) {
      if (output.kind === 'answer') addToFeed(output.response.name, output.response.xml);
      else addToFeed(output.file.name, output.file.xml);
    },
    async persist(state) {
      customsState = state;
      await persist();
    },
    reportError: report,
  });
  await customs.start();

  const expected = Buffer.from(`Bearer ${config.token}`);
  const authorised = (request: IncomingMessage) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  async function postMessage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' ? decodeKey(header) : null;
    if (key === null || key === '')
      return send(response, 400, 'Idempotency-Key is required (the enterprise-internal number)');
    const xml = await readBody(request);
    if (xml === null) return send(response, 413, `a message may hold at most ${maxBodyBytes} bytes`);
    if (xml.trim() === '') return send(response, 400, 'the message is empty');
    const sha256 = sha256Hex(xml);
    const accepted = gateway.keys[key] ?? [];
    if (accepted.includes(sha256))
      return send(response, 409, `this message was already accepted under ${key}`);
    if (accepted.length > 0 && customs.standing(xml) === 'conflict')
      return send(
        response,
        409,
        `导入报文中预录入统一编号为空，并且企业内部编号【${key}】与系统已有记录的对应字段重复 (a different document was already accepted under this key)`,
      );
    gateway.keys[key] = [...accepted, sha256];
    const type = String(request.headers['x-message-type'] ?? 'MSG');
    const ie = request.headers['x-ie-flag'];
    const name = [type, typeof ie === 'string' ? ie : undefined, header, sha256.slice(0, 8)]
      .filter((part) => part !== undefined)
      .join('_');
    await customs.take({ name: `${name}.xml`, xml });
    await persist();
    send(response, 202, 'accepted');
  }

  function getReceipts(url: URL, response: ServerResponse): void {
    const after = url.searchParams.get('after') ?? '0';
    if (!/^[0-9]+$/.test(after) || Number(after) > gateway.feed.length)
      return send(response, 400, `unknown cursor ${after}`);
    const receipts = gateway.feed.slice(Number(after), Number(after) + pageSize);
    send(response, 200, { receipts, cursor: String(Number(after) + receipts.length) });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handle = async () => {
      if (!authorised(request)) return send(response, 401, 'a valid bearer token is required');
      if (request.method === 'POST' && url.pathname.endsWith(gatewayPaths.messages))
        return postMessage(request, response);
      if (request.method === 'GET' && url.pathname.endsWith(gatewayPaths.receipts))
        return getReceipts(url, response);
      send(response, 404, 'POST /messages or GET /receipts');
    };
    handle().catch((error: unknown) => {
      report(`HTTP ${request.method} ${url.pathname}: ${String(error)}`);
      if (!response.headersSent) send(response, 500, 'the sandbox failed; try again');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await customs.stop();
      await persist();
    },
    seedBook: (lines) => customs.seedBook(lines),
    holdOpeningStock: (lines) => customs.holdOpeningStock(lines),
    postedBook: () => customs.postedBook(),
    isCrashed: () => customs.isCrashed(),
    idle: () => customs.idle(),
    customs,
  };
}
