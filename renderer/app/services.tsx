import { createContext, useContext, type ReactNode } from 'react';
import type { BridgeApi } from '../../shared/bridge/contract';
import type { AppInfo } from '../../shared/domain/app-info';
import type { OpenedStore } from '../db';
import type { SyncHandle } from '../sync';

export interface AppServices {
  bridge: BridgeApi;
  info: AppInfo;
  store: OpenedStore | null;
  /** The one sync actor; null where no store could be opened (and in screen tests). */
  sync: SyncHandle | null;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
