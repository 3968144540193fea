import { httpTransport, takeHostToken } from '../../renderer/bridge';

describe('browser-host transport', () => {
  it('takes the token from the fragment, keeps it for reloads, and clears the address bar', () => {
    window.history.replaceState(null, '', '/#token=abc123');
    sessionStorage.clear();
    expect(takeHostToken(window.location, sessionStorage, window.history)).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(takeHostToken(window.location, sessionStorage, window.history)).toBe('abc123');
  });

  it('sends the token as a bearer header', async () => {
    const seen: RequestInit[] = [];
    const fetchStub = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response(JSON.stringify({ ok: true, value: 1 }));
    }) as unknown as typeof fetch;
    expect(await httpTransport('http://127.0.0.1:1', 'tok', fetchStub)('app.info', {})).toEqual({
      ok: true,
      value: 1,
    });
    expect(new Headers(seen[0]!.headers).get('authorization')).toBe('Bearer tok');
  });

  it('answers unauthorized without a token, and transportFailed when the host is gone', async () => {
    expect(await httpTransport('http://127.0.0.1:1', null)('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    const failing = (async () => {
      throw new TypeError('connection refused');
    }) as unknown as typeof fetch;
    expect(await httpTransport('http://127.0.0.1:1', 't', failing)('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'transportFailed', message: 'connection refused' },
    });
  });
});
