import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReceipt } from '../../../../shared/customs/receipts/parse-receipt';
import { manualClock } from '../../../../electron/customs/sandbox/sandbox-clock';
import {
  createSandboxCustoms,
  type SandboxOutput,
} from '../../../../electron/customs/sandbox/sandbox-customs';
import { openingLine } from '../../../../electron/customs/sandbox/sandbox-book';
import { emptySandboxState } from '../../../../electron/customs/sandbox/sandbox-state';
import { loadSandboxState, openSandboxStateStore } from '../../../../electron/customs/sandbox/state-journal';
import {
  displayForm,
  displaySlip,
  inv101Xml,
  passFor,
  releaseList,
  sas101Xml,
  sas111Xml,
  sas121Xml,
  slipPass,
  temporaryFolder,
  wineStock,
} from './support';

let folder: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ path: folder, remove } = await temporaryFolder());
});
afterEach(async () => remove());

/** The customs number a decision gave the document we declared under `etpsInnerNo`. */
function customsNoOf(outputs: readonly SandboxOutput[], etpsInnerNo: string): string {
  const receipts = outputs.flatMap((output) => {
    const parsed = parseReceipt(output.kind === 'answer' ? output.response.xml : output.file.xml);
    return parsed.ok ? [parsed.value] : [];
  });
  const seqNo = receipts.find((receipt) => receipt.etpsPreentNo === etpsInnerNo)?.seqNo;
  const decision = receipts.find(
    (receipt) => receipt.messageType !== 'CommonResponeMessage' && receipt.etpsPreentNo === seqNo,
  );
  return decision?.businessId ?? '';
}

describe('sandbox state journal', () => {
  it('after every job, holds on disk exactly the state customs works on — lists, passes, forms, slips, faults and all', async () => {
    const stored = await openSandboxStateStore(folder, 7);
    const clock = manualClock();
    const outputs: SandboxOutput[] = [];
    const mismatches: string[] = [];
    let jobs = 0;
    const customs = createSandboxCustoms({
      options: {
        seed: 7,
        approvalDelayMs: 1_000,
        gateDelayMs: 1_000,
        postingDelayMs: 1_000,
        manualReviewRate: 0.3,
        duplicateRate: 0.3,
        outOfOrderRate: 0.3,
        pocketLines: 1,
      },
      state: stored.state,
      clock,
      emit: async (output) => void outputs.push(output),
      persist: async (state) => {
        await stored.save();
        jobs += 1;
        const onDisk = JSON.stringify((await loadSandboxState(folder, 7)).state);
        if (onDisk !== JSON.stringify(state)) mismatches.push(`after job ${jobs}`);
      },
    });
    await customs.start();
    await customs.seedBook([wineStock('100')]);
    const advance = () => clock.advance(60_000, () => customs.idle());

    await customs.take({ name: 'list.xml', xml: inv101Xml(releaseList('ZB-OUT-1', '30')) });
    await advance();
    const bondInvtNo = customsNoOf(outputs, 'ZB-OUT-1');
    await customs.take({ name: 'pass.xml', xml: sas121Xml(passFor(bondInvtNo, '30', 'ZB-PASS-1')) });
    await customs.take({ name: 'form.xml', xml: sas101Xml(displayForm('ZB-DCL-1')) });
    await advance();
    const sasDclNo = customsNoOf(outputs, 'ZB-DCL-1');
    await customs.take({ name: 'slip.xml', xml: sas111Xml(displaySlip(sasDclNo, 'E', '20', 'ZB-STK-1')) });
    await advance();
    const sasStockNo = customsNoOf(outputs, 'ZB-STK-1');
    await customs.take({
      name: 'slip-pass.xml',
      xml: sas121Xml(slipPass(sasStockNo, 'E', '20', 'ZB-PASS-2')),
    });
    await advance();
    await customs.stop();

    expect(jobs).toBeGreaterThan(10);
    expect(customs.postedBook()[0]).toMatchObject({ stock: '70' });
    expect(mismatches).toEqual([]);
  });

  it('appends what a job changed instead of rewriting the snapshot', async () => {
    const stored = await openSandboxStateStore(folder, 1);
    const snapshot = join(folder, 'state.json');
    const before = await stat(snapshot);
    stored.state.book['T0102W000123#17'] = openingLine(wineStock('100'));
    await stored.save();
    // A change deep inside an entry is seen too.
    const line = stored.state.book['T0102W000123#17'];
    if (line) line.prevdRedcQty = '30';
    stored.state.counters.list += 1;
    await stored.save();

    expect((await stat(snapshot)).mtimeMs).toBe(before.mtimeMs);
    const log = (await readFile(join(folder, 'state.log'), 'utf8')).trim().split('\n');
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[1] ?? '')).toMatchObject({
      seq: 2,
      counters: { list: 1 },
      documents: {},
      book: { 'T0102W000123#17': { prevdRedcQty: '30' } },
    });
    expect((await loadSandboxState(folder, 1)).state.book['T0102W000123#17']).toMatchObject({
      prevdRedcQty: '30',
    });
  });

  it('folds the log into the snapshot once it has grown as large, and again on the next run', async () => {
    const stored = await openSandboxStateStore(folder, 1);
    stored.state.taken.push({ name: 'big.xml', xml: 'x'.repeat(300_000) });
    await stored.save();
    await stored.save();
    expect(await stat(join(folder, 'state.log')).catch(() => undefined)).toBeUndefined();
    stored.state.taken.pop();
    await stored.save();

    const reopened = await openSandboxStateStore(folder, 1);
    expect(reopened.state.taken).toEqual([]);
    expect(await stat(join(folder, 'state.log')).catch(() => undefined)).toBeUndefined();
  });

  it('skips what the snapshot already holds and a line torn by a crash mid-append', async () => {
    const line = (seq: number, list: number) =>
      JSON.stringify({
        seq,
        random: 1,
        counters: { ...emptySandboxState(1).counters, list },
        agenda: [],
        taken: [],
        crashed: false,
        documents: {},
        book: {},
      });
    await writeFile(
      join(folder, 'state.json'),
      JSON.stringify({
        ...emptySandboxState(1),
        counters: { ...emptySandboxState(1).counters, list: 2 },
        journaledTo: 2,
      }),
    );
    // Lines 1 and 2 were folded into the snapshot before a crash kept the log from being removed.
    await writeFile(
      join(folder, 'state.log'),
      `${line(1, 1)}\n${line(2, 2)}\n${line(3, 3)}\n${line(4, 4).slice(0, 40)}`,
    );
    const loaded = await loadSandboxState(folder, 1);
    expect(loaded.seq).toBe(3);
    expect(loaded.state.counters.list).toBe(3);
    expect(loaded.state).not.toHaveProperty('journaledTo');
  });
});
