import { join } from 'node:path';
import type {
  CustomsEndpoint,
  CustomsStatus,
  OutgoingMessage,
  QueuedIncomingMessage,
  SubmitAck,
} from '../../shared/customs/endpoint';
import type { OpeningStockAnswer, OpeningStockLine } from '../../shared/customs/opening-stock';
import { parseReceiptFile } from '../../shared/customs/receipts/parse-receipt';
import type { CustomsSettings } from '../../shared/domain/settings';
import { createFileCredentialStore, type SecretCipher } from '../customs/endpoints/credential-file';
import { errorText } from '../customs/endpoints/error-text';
import { createFolderEndpoint } from '../customs/endpoints/folder-endpoint';
import { createHttpGatewayEndpoint } from '../customs/endpoints/http-gateway-endpoint';
import { openIncomingQueue, type IncomingQueue } from '../customs/incoming-queue';
import { runFolderSandbox, type SandboxHandle } from '../customs/sandbox';

export const gatewayCredentialName = 'gatewayToken';

export interface CustomsServiceOptions {
  dataFolder: string;
  /** Electron's safeStorage where there is one; without it the gateway token is kept in plain text. */
  cipher?: SecretCipher;
}

export interface CustomsService {
  configure(settings: CustomsSettings): Promise<void>;
  submit(message: OutgoingMessage): Promise<SubmitAck>;
  status(): Promise<CustomsStatus>;
  receipts(after: number, limit: number): Promise<{ messages: QueuedIncomingMessage[]; last: number }>;
  setGatewayToken(token: string): Promise<void>;
  /** Opening stock for an endpoint that keeps its own copy of customs' book: only the sandbox does. */
  holdOpeningStock(lines: readonly OpeningStockLine[]): Promise<OpeningStockAnswer>;
  stop(): Promise<void>;
}

/**
 * The main process's side of declaring: one customs endpoint at a time (the embedded sandbox by default),
 * chosen in Settings. Incoming receipts are checked for being readable at all — an unreadable one is
 * quarantined by the endpoint with the reason — and queued for the renderer, which applies them to the
 * database it owns.
 */
export function createCustomsService(options: CustomsServiceOptions): CustomsService {
  const credentials = createFileCredentialStore(
    join(options.dataFolder, 'customs', 'credentials.json'),
    options.cipher,
  );
  let queue: Promise<IncomingQueue> | null = null;
  let endpoint: CustomsEndpoint | null = null;
  let sandbox: SandboxHandle | null = null;
  let current: CustomsSettings = { endpoint: 'sandbox' };
  // One configuration at a time: two first submissions must not start two endpoints.
  let configuring: Promise<void> | null = null;

  const incoming = () =>
    (queue ??= openIncomingQueue(join(options.dataFolder, 'customs', 'incoming.ndjson')));

  async function stop() {
    await endpoint?.stop();
    await sandbox?.stop();
    endpoint = null;
    sandbox = null;
  }

  function configure(settings: CustomsSettings): Promise<void> {
    const previous = configuring ?? Promise.resolve();
    configuring = previous.catch(() => undefined).then(() => start(settings));
    return configuring;
  }

  async function start(settings: CustomsSettings) {
    await stop();
    current = settings;
    if (settings.endpoint === 'http') {
      endpoint = createHttpGatewayEndpoint({
        baseUrl: settings.gatewayUrl,
        credentials,
        credentialName: gatewayCredentialName,
        stateFolder: join(options.dataFolder, 'customs', 'gateway'),
      });
    } else {
      const root =
        settings.endpoint === 'folder'
          ? settings.folder
          : join(options.dataFolder, 'customs', 'sandbox-exchange');
      if (settings.endpoint === 'sandbox') sandbox = await runFolderSandbox({ root });
      endpoint = createFolderEndpoint({ root });
    }
    const queued = await incoming();
    await endpoint.start(async (message) => {
      const readable = parseReceiptFile(message.xml);
      if (!readable.ok) throw new Error(readable.reason);
      await queued.add(message);
    });
  }

  async function ready(): Promise<CustomsEndpoint> {
    try {
      await (configuring ??= start(current));
    } catch (error) {
      // Try again at the next call: the folder may exist by then.
      configuring = null;
      throw error;
    }
    if (!endpoint) throw new Error('The customs endpoint could not be started');
    return endpoint;
  }

  return {
    configure,
    async submit(message) {
      try {
        return await (await ready()).submit(message);
      } catch (error) {
        // An endpoint that cannot start (a folder that is not there) is a failure worth retrying later.
        return {
          outcome: 'failed',
          etpsInnerInvtNo: message.etpsInnerInvtNo,
          reason: errorText(error),
          retryable: true,
        };
      }
    },
    async status() {
      const base = { endpoint: current.endpoint, credentialsInPlainText: credentials.plainText };
      try {
        return { ...(await (await ready()).status()), ...base };
      } catch (error) {
        return { reachable: false, lastError: errorText(error), pendingOutgoing: 0, ...base };
      }
    },
    async receipts(after, limit) {
      return (await incoming()).after(after, limit);
    },
    async setGatewayToken(token) {
      await credentials.set(gatewayCredentialName, token);
    },
    async holdOpeningStock(lines) {
      await ready();
      if (current.endpoint !== 'sandbox')
        return {
          recorded: false,
          endpoint: current.endpoint,
          reason:
            'Real customs keeps the book and already holds its opening stock: nothing is sent to it ' +
            '(真实海关底账已有期初库存，无需发送)',
        };
      if (!sandbox) throw new Error('The sandbox customs is not running');
      return { recorded: true, endpoint: 'sandbox', ...(await sandbox.holdOpeningStock(lines)) };
    },
    stop,
  };
}
