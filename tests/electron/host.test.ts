import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createDispatch } from '../../shared/bridge/dispatch';
import { startHost, type RunningHost } from '../../electron/host';
import { createHandlers } from '../../electron/services/handlers';

let host: RunningHost;
let handlerRuns = 0;

beforeAll(async () => {
  const staticDir = await mkdtemp(join(tmpdir(), 'zb-host-static-'));
  await mkdir(join(staticDir, 'assets'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Zonebook</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const handlers = createHandlers({
    dataFolder: await mkdtemp(join(tmpdir(), 'zb-host-data-')),
    version: '9.9.9',
    runtime: 'browser-host',
  });
  const dispatch = createDispatch(handlers);
  host = await startHost({
    staticDir,
    dispatch: (channel, input) => {
      handlerRuns += 1;
      return dispatch(channel, input);
    },
  });
});

afterAll(() => host.close());
beforeEach(() => {
  handlerRuns = 0;
});

const call = (channel: string, body: unknown, token: string | null = host.token) =>
  fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });

describe('browser host', () => {
  it('listens on 127.0.0.1 only and hands out the token in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the handlers to a caller with the token', async () => {
    const response = await call('app.info', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      value: {
        version: '9.9.9',
        dataFolder: expect.any(String),
        platform: process.platform,
        runtime: 'browser-host',
      },
    });
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'not-the-token'],
    ['an empty token', ''],
  ])('answers 401 to %s and runs no handler', async (_label, token) => {
    const response = await call('settings.set', { language: 'en' }, token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(handlerRuns).toBe(0);
  });

  it('names the field of an invalid payload', async () => {
    const body = await (await call('settings.set', { language: 42 })).json();
    expect(body).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', details: { fields: [{ path: 'language' }] } },
    });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${host.origin}/api/settings.get`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: '{nope',
    });
    expect(response.status).toBe(400);
  });

  it('serves the renderer with a CSP, and index.html for app routes', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Zonebook</title>');
    expect((await fetch(`${host.origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await fetch(`${host.origin}/settings`)).text()).toContain('Zonebook');
    expect((await fetch(`${host.origin}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const port = new URL(host.origin).port;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/app.info',
          method: 'POST',
          headers: { host: `evil.example:${port}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
    expect(handlerRuns).toBe(0);
  });
});
