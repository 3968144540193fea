import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the fake gateway answers one request; `drop` closes the connection without an answer. */
export type GatewayAnswer = { status: number; body?: string; json?: unknown } | 'drop';

/**
 * A real HTTP server on the loopback interface that plays the gateway side of gateway-protocol.ts,
 * answering from a script the test controls and recording every request it gets.
 */
export async function startFakeGateway(answer: (request: RecordedRequest) => GatewayAnswer) {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = answer(recorded);
      if (reply === 'drop') {
        request.socket.destroy();
        return;
      }
      if (reply.json !== undefined) {
        response.writeHead(reply.status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(reply.json));
      } else {
        response.writeHead(reply.status, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(reply.body ?? '');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/gateway`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A gateway's receipt store: receipts in order, the cursor being how many a client has seen. */
export function receiptFeed(receipts: { id: string; xml: string }[]) {
  return (request: RecordedRequest): GatewayAnswer => {
    const url = new URL(request.url, 'http://gateway');
    const after = Number(url.searchParams.get('after') ?? '0');
    const page = receipts.slice(after, after + 2);
    return { status: 200, json: { receipts: page, cursor: String(after + page.length) } };
  };
}
