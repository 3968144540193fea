import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxFolder } from '../../electron/customs/sandbox';
import { loadSandboxState } from '../../electron/customs/sandbox/state-journal';
import { availableOf, bookKey } from '../../electron/customs/sandbox/sandbox-book';
import { createMainServices, type MainServices } from '../../electron/services/handlers';
import type { OpeningStockAnswer, OpeningStockLine } from '../../shared/customs/opening-stock';
import { receiptOutcome } from '../../shared/customs/receipts/receipt-outcome';
import type { Receipt } from '../../shared/customs/receipts/receipt';
import {
  inv101Xml,
  noGateList,
  outgoing,
  receiptReader,
  releaseList,
  wineStock,
} from './customs/sandbox/support';

const running: MainServices[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((services) => services.customs.stop()));
});

function mainServices(dataFolder: string): MainServices {
  const services = createMainServices({ dataFolder, version: '0.0.0-test', runtime: 'browser-host' });
  running.push(services);
  return services;
}

/** Wine of book line 17 (the sandbox support's release lists take it): 30 from one opening movement. */
const wine = (movementId: string, qty: string): OpeningStockLine => {
  const { stock: _stock, ...line } = wineStock(qty);
  return { ...line, movementId, qty, lawfQty: qty };
};
const opening = '0192a7d1-0000-7000-8000-000000000001';

/** Customs' decision on each list, by our number, from the receipts the renderer would apply. */
async function decisions({ handlers }: MainServices): Promise<Record<string, string>> {
  const read = receiptReader();
  const { messages } = await handlers['customs.receipts']({ after: 0, limit: 500 });
  const receipts = messages.map((message) => read(message.xml)).filter((r): r is Receipt => r !== undefined);
  return Object.fromEntries(
    receipts.flatMap((receipt) =>
      receipt.messageType === 'INV201' && receipt.etpsInnerInvtNo !== undefined
        ? [[receipt.etpsInnerInvtNo, receiptOutcome(receipt)]]
        : [],
    ),
  );
}

describe('customs.holdOpeningStock', () => {
  it('seeds the embedded sandbox once, however often it is told, and across a restart', async () => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'zb-opening-'));
    const services = mainServices(dataFolder);
    const { handlers } = services;
    const told = await handlers['customs.holdOpeningStock']({ lines: [wine(opening, '30')] });
    expect(told).toEqual({
      recorded: true,
      endpoint: 'sandbox',
      added: 1,
      alreadyHeld: 0,
      stateId: expect.any(String),
    });
    const stateId = told.recorded ? told.stateId : '';
    expect(await handlers['customs.holdOpeningStock']({ lines: [wine(opening, '30')] })).toEqual({
      recorded: true,
      endpoint: 'sandbox',
      added: 0,
      alreadyHeld: 1,
      stateId,
    });

    // Customs approves a shipment of 24 out of the 30, and refuses a second: 6 are left, not 36.
    const first = noGateList(releaseList('ZB-OUT-1', '24'));
    const second = noGateList(releaseList('ZB-OUT-2', '24'));
    expect(await handlers['customs.submit'](outgoing(first, inv101Xml(first, 'MSG-1')))).toMatchObject({
      outcome: 'accepted',
    });
    await vi.waitFor(async () => expect(await decisions(services)).toEqual({ 'ZB-OUT-1': 'prePosted' }), {
      timeout: 10_000,
      interval: 50,
    });
    await handlers['customs.submit'](outgoing(second, inv101Xml(second, 'MSG-2')));
    await vi.waitFor(
      async () =>
        expect(await decisions(services)).toEqual({ 'ZB-OUT-1': 'prePosted', 'ZB-OUT-2': 'rejected' }),
      { timeout: 10_000, interval: 50 },
    );

    // Told again after a restart (the renderer does at every start): the sandbox's book keeps 30 in.
    await services.customs.stop();
    const again = mainServices(dataFolder);
    expect(
      await again.handlers['customs.holdOpeningStock']({
        lines: [wine(opening, '30'), wine('0192a7d1-0000-7000-8000-000000000002', '-5')],
      }),
    ).toEqual({ recorded: true, endpoint: 'sandbox', added: 1, alreadyHeld: 1, stateId });
    await again.customs.stop();
    const { state } = await loadSandboxState(
      sandboxFolder(join(dataFolder, 'customs', 'sandbox-exchange')),
      1,
    );
    const line = state.book[bookKey('T0102W000123', 17)];
    // 30 told twice and 5 short at a later stocktake: 25 in; the approved shipment takes 24 of them.
    expect(line && { inQty: line.inQty, available: availableOf(line) }).toEqual({
      inQty: '25',
      available: '1',
    });
  });

  it('answers another state id once the sandbox has lost its state, so it is told everything again', async () => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'zb-opening-'));
    const services = mainServices(dataFolder);
    const before = await services.handlers['customs.holdOpeningStock']({ lines: [wine(opening, '30')] });
    await services.customs.stop();
    await rm(join(dataFolder, 'customs', 'sandbox-exchange'), { recursive: true, force: true });

    const again = mainServices(dataFolder);
    const after = await again.handlers['customs.holdOpeningStock']({ lines: [wine(opening, '30')] });
    expect(after).toMatchObject({ recorded: true, added: 1, alreadyHeld: 0 });
    const idOf = (answer: OpeningStockAnswer) => (answer.recorded ? answer.stateId : undefined);
    expect(idOf(before)).toEqual(expect.any(String));
    expect(idOf(after)).toEqual(expect.any(String));
    expect(idOf(after)).not.toBe(idOf(before));
  });

  it('sends nothing to real customs, and says so', async () => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'zb-opening-'));
    const exchange = await mkdtemp(join(tmpdir(), 'zb-opening-exchange-'));
    const { handlers } = mainServices(dataFolder);

    await handlers['settings.set']({ customs: { endpoint: 'folder', folder: exchange } });
    expect(await handlers['customs.holdOpeningStock']({ lines: [wine(opening, '30')] })).toMatchObject({
      recorded: false,
      endpoint: 'folder',
      reason: expect.stringMatching(/already holds/),
    });
    const files = await readdir(exchange, { recursive: true, withFileTypes: true });
    expect(files.filter((entry) => entry.isFile())).toEqual([]);

    await handlers['settings.set']({
      customs: { endpoint: 'http', gatewayUrl: 'http://127.0.0.1:9/zonebook' },
    });
    expect(await handlers['customs.holdOpeningStock']({ lines: [wine(opening, '30')] })).toMatchObject({
      recorded: false,
      endpoint: 'http',
    });
    // Nothing was seeded in the sandbox either: it never ran.
    expect(await readdir(join(dataFolder, 'customs'))).not.toContain('sandbox-exchange');
  });
});
