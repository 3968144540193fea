import type { Handlers } from '../../shared/bridge/contract';
import type { Runtime } from '../../shared/domain/app-info';
import type { SecretCipher } from '../customs/endpoints/credential-file';
import { createCustomsService, type CustomsService } from './customs';
import { createSettingsService } from './settings';

export interface HandlerOptions {
  dataFolder: string;
  version: string;
  runtime: Runtime;
  platform?: string;
  /** Electron's safeStorage, for the gateway token; absent in the browser host. */
  cipher?: SecretCipher;
}

export interface MainServices {
  handlers: Handlers;
  customs: CustomsService;
}

/** The implementation of every bridge channel; both Electron IPC and the browser host serve these. */
export function createHandlers(options: HandlerOptions): Handlers {
  return createMainServices(options).handlers;
}

export function createMainServices(options: HandlerOptions): MainServices {
  const settings = createSettingsService(options.dataFolder);
  const customs = createCustomsService({
    dataFolder: options.dataFolder,
    ...(options.cipher && { cipher: options.cipher }),
  });
  let configured = false;
  // The endpoint follows the settings: configured from them on first use and again when they change.
  const customsReady = async () => {
    if (configured) return customs;
    configured = true;
    await customs.configure((await settings.get()).settings.customs);
    return customs;
  };
  const handlers: Handlers = {
    'app.info': async () => ({
      version: options.version,
      dataFolder: options.dataFolder,
      platform: options.platform ?? process.platform,
      runtime: options.runtime,
    }),
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      const state = await settings.set(patch);
      if (patch.customs && configured) await customs.configure(state.settings.customs);
      return state;
    },
    'customs.submit': async (message) => (await customsReady()).submit(message),
    'customs.status': async () => (await customsReady()).status(),
    'customs.receipts': async ({ after, limit }) => (await customsReady()).receipts(after, limit),
    'customs.holdOpeningStock': async ({ lines }) => (await customsReady()).holdOpeningStock(lines),
    'customs.setGatewayToken': async ({ token }) => {
      await customs.setGatewayToken(token);
      return { saved: true as const };
    },
  };
  return { handlers, customs };
}
