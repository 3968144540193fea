import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCustomsService } from '../../electron/services/customs';
import { entryList, inv101Xml, noGateList, outgoing } from './customs/sandbox/support';

const services: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
});

async function sandboxService(dataFolder: string) {
  const service = createCustomsService({ dataFolder });
  services.push(service);
  await service.configure({ endpoint: 'sandbox' });
  return service;
}

describe('the customs service in the main process', () => {
  it('declares through the embedded sandbox and queues the receipts for the renderer, in order', async () => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'zb-customs-'));
    const service = await sandboxService(dataFolder);
    const list = noGateList(entryList);
    const ack = await service.submit(outgoing(list, inv101Xml(list)));
    expect(ack.outcome).toBe('accepted');

    await vi.waitFor(
      async () => {
        const { messages } = await service.receipts(0, 100);
        expect(messages.map((m) => m.xml).join('\n')).toContain('INV211');
      },
      { timeout: 10_000, interval: 50 },
    );
    const { messages, last } = await service.receipts(0, 100);
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, index) => index + 1));
    expect(last).toBe(messages.length);
    expect((await service.receipts(last, 100)).messages).toEqual([]);
    expect(await service.status()).toMatchObject({ endpoint: 'sandbox', reachable: true });

    // Receipts not yet applied are still there after a restart.
    await service.stop();
    const again = await sandboxService(dataFolder);
    expect((await again.receipts(0, 100)).messages.map((m) => m.sha256)).toEqual(
      messages.map((m) => m.sha256),
    );
  });

  it('quarantines an unreadable receipt with its reason instead of queueing it', async () => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'zb-customs-'));
    const service = await sandboxService(dataFolder);
    const inbox = join(dataFolder, 'customs', 'sandbox-exchange', 'InBox');
    await writeFile(join(inbox, 'cut.xml'), '<Package><EnvelopInfo><message_type>INV201</message');
    await vi.waitFor(
      async () => {
        const quarantine = await readdir(join(dataFolder, 'customs', 'sandbox-exchange', 'Quarantine'));
        expect(quarantine.some((name) => name.endsWith('.reason.txt'))).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect((await service.receipts(0, 100)).messages).toEqual([]);
  });

  it('answers a folder it cannot use with a retryable failure and an unreachable status, never a throw', async () => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'zb-customs-'));
    const service = createCustomsService({ dataFolder });
    services.push(service);
    const file = join(dataFolder, 'not-a-folder');
    await writeFile(file, 'x');
    await service.configure({ endpoint: 'folder', folder: file }).catch(() => undefined);
    const list = noGateList(entryList);
    expect(await service.submit(outgoing(list, inv101Xml(list)))).toMatchObject({
      outcome: 'failed',
      retryable: true,
      reason: expect.stringMatching(/ENOTDIR|not a directory/),
    });
    expect(await service.status()).toMatchObject({ reachable: false, lastError: expect.any(String) });
  });
});
