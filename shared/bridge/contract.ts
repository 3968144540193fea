import { z } from 'zod';
import { AppInfo } from '../domain/app-info';
import { SettingsPatch, SettingsState } from '../domain/settings';
import type { Result } from './result';

/**
 * Every channel between the renderer and the main process, declared once.
 * IPC, the preload, the browser host and the renderer's client are all derived from this table.
 */
export const contract = {
  'app.info': { input: z.object({}).strict(), output: AppInfo },
  'settings.get': { input: z.object({}).strict(), output: SettingsState },
  'settings.set': { input: SettingsPatch.strict(), output: SettingsState },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/** The implementation of the whole contract, as the main process or a test fake provides it. */
export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** The renderer's view of the bridge: one named function per channel, answering a Result. */
export type BridgeApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};
