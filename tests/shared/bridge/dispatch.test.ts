import { createDispatch } from '../../../shared/bridge/dispatch';
import type { Handlers } from '../../../shared/bridge/contract';

function fakeHandlers(overrides: Partial<Handlers> = {}) {
  const calls: string[] = [];
  const handlers: Handlers = {
    'app.info': async () => {
      calls.push('app.info');
      return { version: '1.0.0', dataFolder: '/tmp/x', platform: 'linux', runtime: 'browser-host' };
    },
    'settings.get': async () => {
      calls.push('settings.get');
      return { settings: { language: null, customs: { endpoint: 'sandbox' } }, recoveredFrom: null };
    },
    'settings.set': async (patch) => {
      calls.push('settings.set');
      return {
        settings: { language: patch.language ?? null, customs: { endpoint: 'sandbox' as const } },
        recoveredFrom: null,
      };
    },
    'customs.submit': async () => {
      throw new Error('not used here');
    },
    'customs.status': async () => {
      throw new Error('not used here');
    },
    'customs.receipts': async () => ({ messages: [], last: 0 }),
    'customs.setGatewayToken': async () => ({ saved: true }),
    'customs.holdOpeningStock': async () => {
      throw new Error('not used here');
    },
    ...overrides,
  };
  return { handlers, calls };
}

describe('createDispatch', () => {
  it('runs the handler with parsed input and wraps the value', async () => {
    const { handlers } = fakeHandlers();
    expect(await createDispatch(handlers)('settings.set', { language: 'en' })).toEqual({
      ok: true,
      value: { settings: { language: 'en', customs: { endpoint: 'sandbox' } }, recoveredFrom: null },
    });
  });

  it('refuses input that does not fit the schema, names the field, and never runs the handler', async () => {
    const { handlers, calls } = fakeHandlers();
    const result = await createDispatch(handlers)('settings.set', { language: 'fr' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidInput');
    expect(result.error.message).toContain('language');
    expect(result.error.details).toEqual({ fields: [expect.objectContaining({ path: 'language' })] });
    expect(calls).toEqual([]);
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const { handlers, calls } = fakeHandlers();
    const result = await createDispatch(handlers)('settings.set', { lang: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(calls).toEqual([]);
  });

  it('refuses an unknown channel', async () => {
    const { handlers } = fakeHandlers();
    expect(await createDispatch(handlers)('fs.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'unknownChannel' },
    });
  });

  it('turns a thrown error into a result', async () => {
    const { handlers } = fakeHandlers({
      'settings.get': async () => {
        throw new Error('disk on fire');
      },
    });
    expect(await createDispatch(handlers)('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'handlerFailed', message: 'disk on fire' },
    });
  });

  it('refuses a handler value that breaks the output schema', async () => {
    const { handlers } = fakeHandlers({
      'app.info': async () => ({ version: 1 }) as never,
    });
    expect(await createDispatch(handlers)('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'invalidOutput' },
    });
  });
});
