import type { Handlers } from '../../shared/bridge/contract';
import { createDispatch } from '../../shared/bridge/dispatch';
import type { SettingsState } from '../../shared/domain/settings';
import { createBridge } from '../../renderer/bridge';

/** The whole bridge contract, served by in-memory handlers through the real dispatcher. */
export function createFakeBridge(overrides: Partial<Handlers> = {}) {
  let state: SettingsState = {
    settings: { language: null, customs: { endpoint: 'sandbox' } },
    recoveredFrom: null,
  };
  const handlers: Handlers = {
    'app.info': async () => ({
      version: '0.0.0-test',
      dataFolder: '/data/zonebook',
      platform: 'linux',
      runtime: 'browser-host',
    }),
    'settings.get': async () => state,
    'settings.set': async (patch) => {
      state = { ...state, settings: { ...state.settings, ...patch } };
      return state;
    },
    'customs.submit': async (message) => ({
      outcome: 'accepted',
      etpsInnerInvtNo: message.etpsInnerInvtNo,
      sha256: '0'.repeat(64),
    }),
    'customs.status': async () => ({
      reachable: true,
      lastError: null,
      pendingOutgoing: 0,
      endpoint: 'sandbox',
      credentialsInPlainText: false,
    }),
    'customs.receipts': async () => ({ messages: [], last: 0 }),
    'customs.setGatewayToken': async () => ({ saved: true }),
    'customs.holdOpeningStock': async ({ lines }) => ({
      recorded: true,
      endpoint: 'sandbox',
      added: lines.length,
      alreadyHeld: 0,
      stateId: 'fake-sandbox-state',
    }),
    ...overrides,
  };
  return { bridge: createBridge(createDispatch(handlers)), settings: () => state };
}
