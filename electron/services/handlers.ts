import type { Handlers } from '../../shared/bridge/contract';
import type { Runtime } from '../../shared/domain/app-info';
import { createSettingsService } from './settings';

export interface HandlerOptions {
  dataFolder: string;
  version: string;
  runtime: Runtime;
  platform?: string;
}

/** The implementation of every bridge channel; both Electron IPC and the browser host serve these. */
export function createHandlers(options: HandlerOptions): Handlers {
  const settings = createSettingsService(options.dataFolder);
  return {
    'app.info': async () => ({
      version: options.version,
      dataFolder: options.dataFolder,
      platform: options.platform ?? process.platform,
      runtime: options.runtime,
    }),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };
}
