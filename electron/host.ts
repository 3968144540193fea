import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../shared/bridge/dispatch';
import { fail } from '../shared/bridge/result';
import { contentSecurityPolicy } from './csp';
import { mimeTypeOf, resolveStaticPath } from './static-files';

export interface HostOptions {
  /** The built renderer (dist/renderer). */
  staticDir: string;
  dispatch: Dispatch;
  /** Fixed port, or 0 for any free one. */
  port?: number;
  /** Made fresh at each start unless a test supplies one. */
  token?: string;
}

export interface RunningHost {
  /** The address to open; the token travels in the fragment, which is never sent over HTTP. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 16 * 1024 * 1024;

export const apiPrefix = '/api/';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser host: serves the built renderer and the bridge handlers over HTTP on 127.0.0.1 only.
 * Every API call must carry the start-up token, so no other local page or program can use it; the
 * Host header is checked as well, which defeats DNS-rebinding pages.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let allowedHosts: Set<string> = new Set();

  const server = createServer(async (request, response) => {
    try {
      if (!allowedHosts.has(request.headers.host ?? '')) {
        sendJson(response, 421, fail('unauthorized', 'Unknown host'));
        return;
      }
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith(apiPrefix)) {
        const auth = request.headers.authorization ?? '';
        const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
        if (!given || !sameToken(given, token)) {
          sendJson(response, 401, fail('unauthorized', 'Missing or wrong token'));
          return;
        }
        if (request.method !== 'POST') {
          sendJson(response, 405, fail('invalidInput', 'Use POST'));
          return;
        }
        let input: unknown;
        try {
          const body = await readBody(request);
          input = body ? JSON.parse(body) : {};
        } catch (error) {
          sendJson(response, 400, fail('invalidInput', `Body is not JSON: ${(error as Error).message}`));
          return;
        }
        const channel = decodeURIComponent(path.slice(apiPrefix.length));
        sendJson(response, 200, await options.dispatch(channel, input));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const file = resolveStaticPath(options.staticDir, path);
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, {
        'content-type': mimeTypeOf(file),
        'content-security-policy': contentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : content);
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, fail('handlerFailed', (error as Error).message));
    }
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
