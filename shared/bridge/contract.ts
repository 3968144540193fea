import { z } from 'zod';
import { CustomsStatus, OutgoingMessage, QueuedIncomingMessage, SubmitAck } from '../customs/endpoint';
import { OpeningStockAnswer, OpeningStockLine } from '../customs/opening-stock';
import { AppInfo } from '../domain/app-info';
import { SettingsPatch, SettingsState } from '../domain/settings';
import type { Result } from './result';

/** At most this many opening-stock lines a call: an opening file of thousands of lines goes in several. */
export const openingStockBatch = 2_000;

/**
 * Every channel between the renderer and the main process, declared once.
 * IPC, the preload, the browser host and the renderer's client are all derived from this table.
 */
export const contract = {
  'app.info': { input: z.object({}).strict(), output: AppInfo },
  'settings.get': { input: z.object({}).strict(), output: SettingsState },
  'settings.set': { input: SettingsPatch.strict(), output: SettingsState },
  /** Hands one document to the customs endpoint; the same enterprise-internal number on every retry. */
  'customs.submit': { input: OutgoingMessage.strict(), output: SubmitAck },
  'customs.status': { input: z.object({}).strict(), output: CustomsStatus },
  /** Receipts that arrived after `after`, oldest first, for the renderer to apply. */
  'customs.receipts': {
    input: z
      .object({ after: z.number().int().min(0), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    output: z.object({ messages: z.array(QueuedIncomingMessage), last: z.number().int().min(0) }),
  },
  /**
   * Tells the endpoint that customs' book holds this stock without a list of ours (opening balances,
   * stocktakes): the embedded sandbox adds it to its book once per movement and names the state of its book
   * that holds it; real customs holds it already.
   */
  'customs.holdOpeningStock': {
    input: z.object({ lines: z.array(OpeningStockLine).max(openingStockBatch) }).strict(),
    output: OpeningStockAnswer,
  },
  'customs.setGatewayToken': {
    input: z
      .object({ token: z.string().trim().min(8, 'The gateway token (token) must be at least 8 characters') })
      .strict(),
    output: z.object({ saved: z.literal(true) }),
  },
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
