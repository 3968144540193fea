import { matchReceipt, receiptMatchKeys } from '../../../../shared/customs/receipts/match-receipt';
import type { Receipt } from '../../../../shared/customs/receipts/receipt';
import { receiptOutcome } from '../../../../shared/customs/receipts/receipt-outcome';
import type { SandboxOptionsInput } from '../../../../electron/customs/sandbox/options';
import { manualClock } from '../../../../electron/customs/sandbox/sandbox-clock';
import {
  createSandboxCustoms,
  type SandboxOutput,
} from '../../../../electron/customs/sandbox/sandbox-customs';
import type { SandboxState } from '../../../../electron/customs/sandbox/sandbox-state';
import {
  displayForm,
  displaySlip,
  inv101Xml,
  noGateList,
  receiptReader,
  releaseList,
  sas101Xml,
  sas111Xml,
  sas121Xml,
  slipPass,
  wineStock,
} from './support';

const quiet: SandboxOptionsInput = {
  approvalDelayMs: 1_000,
  declarationDelayMs: 500,
  gateDelayMs: 2_000,
  postingDelayMs: 1_000,
};

/** The sandbox on a manual clock, its outputs read through the app's own receipt parser. */
async function harness(options: SandboxOptionsInput = {}) {
  const clock = manualClock();
  const outputs: SandboxOutput[] = [];
  let saved: SandboxState | undefined;
  const customs = createSandboxCustoms({
    options: { ...quiet, ...options },
    clock,
    emit: async (output) => void outputs.push(output),
    persist: async (current) => void (saved = structuredClone(current)),
  });
  await customs.start();
  await customs.seedBook([wineStock('100')]);
  const read = receiptReader();
  const receipts: Receipt[] = [];
  let seen = 0;
  const advance = async (ms: number) => {
    await clock.advance(ms, () => customs.idle());
    for (const output of outputs.slice(seen)) {
      const receipt = read(output.kind === 'answer' ? output.response.xml : output.file.xml);
      if (receipt) receipts.push(receipt);
    }
    seen = outputs.length;
    return receipts;
  };
  let taken = 0;
  const take = (xml: string) => customs.take({ name: `MSG-${++taken}.xml`, xml });
  return { customs, advance, take, state: () => saved };
}

const kinds = (receipts: readonly Receipt[]) =>
  receipts.map((receipt) =>
    receipt.messageType === 'CommonResponeMessage'
      ? `CRM:${receipt.dealFlag}`
      : `${receipt.messageType}:${receiptOutcome(receipt)}`,
  );

/** Declares the display form and lets customs decide; resolves its receipts (answer, decision). */
async function approvedForm(h: Awaited<ReturnType<typeof harness>>, dclQty = '600') {
  await h.take(sas101Xml(displayForm('ZB-DCL-1', dclQty)));
  const [answer, decision] = (await h.advance(5_000)).slice(-2) as [Receipt, Receipt];
  return { answer, decision, sasDclNo: decision.businessId ?? '' };
}

describe('sandbox customs: 业务申报表 and 出入库单', () => {
  it('approves a form (SAS201), then a slip drawing on it (SAS211), whose pass takes the goods through the gate; the book posts nothing', async () => {
    const h = await harness();
    const { answer, decision, sasDclNo } = await approvedForm(h);
    expect(answer).toMatchObject({
      dealFlag: '0',
      etpsPreentNo: 'ZB-DCL-1',
      reasons: ['业务申报表申报服务调用成功'],
    });
    expect(decision).toMatchObject({
      messageType: 'SAS201',
      manageResult: '1',
      etpsPreentNo: answer.seqNo,
      tmsCnt: 0,
    });
    expect(sasDclNo).toMatch(/^SB0102[0-9]{2}C[0-9]{9}$/);
    expect(decision.head).toMatchObject({
      type: 'SasDclBsc',
      fields: expect.objectContaining({
        sasDclNo,
        sasDclPreentNo: answer.seqNo,
        businessTypecd: 'C',
        emapvMarkcd: '1',
      }),
    });
    expect(decision.lines.map((line) => line.fields.oriactGdsSeqno)).toEqual(['17']);
    // The app finds its form by the pre-entry number the answer taught it.
    expect(receiptMatchKeys(decision)).toMatchObject({ preEntryNo: answer.seqNo, customsNo: sasDclNo });
    const documents = [{ documentId: 'form', etpsInnerNo: 'ZB-DCL-1', preEntryNo: answer.seqNo ?? '' }];
    expect(matchReceipt(answer, documents)).toMatchObject({ matched: true });
    expect(matchReceipt(decision, documents)).toMatchObject({ matched: true, by: 'preEntryNo' });

    await h.take(sas111Xml(displaySlip(sasDclNo, 'E', '24')));
    const slipReceipts = (await h.advance(5_000)).slice(-2);
    expect(kinds(slipReceipts)).toEqual(['CRM:0', 'SAS211:approved']);
    const sasStockNo = slipReceipts[1]?.businessId ?? '';
    expect(sasStockNo).toMatch(/^CK0102[0-9]{2}E[0-9]{9}$/);
    expect(slipReceipts[1]?.head?.fields).toMatchObject({ sasDclNo, stockTypecd: 'E', passTypecd: '1' });
    expect(slipReceipts[1]?.lines[0]?.fields).toMatchObject({
      sasDclSeqno: '1',
      oriactGdsSeqno: '17',
      dclQty: '24',
    });

    await h.take(sas121Xml(slipPass(sasStockNo, 'E', '24')));
    const passReceipts = (await h.advance(10_000)).slice(-3);
    expect(kinds(passReceipts)).toEqual(['CRM:0', 'SAS221:approved', 'SAS223:gatePassed']);
    expect(passReceipts[2]?.head?.fields).toMatchObject({ rltTbTypecd: '2', rltNo: sasStockNo, stucd: '2' });
    const slip = Object.values(h.state()?.documents ?? {}).find((record) => record.kind === 'SAS111');
    expect(slip).toMatchObject({ status: 'gatePassed', passed: { '1': '24' } });
    // Goods out on display stay on the book: customs posts nothing, and its stock is what it was.
    expect(h.customs.postedBook()[0]).toMatchObject({ stock: '100', actlRedcQty: '0', prevdRedcQty: '0' });
    expect(kinds(await h.advance(60_000)).filter((kind) => kind.startsWith('INV211'))).toEqual([]);
  });

  it('refuses a slip whose form is unknown or not approved', async () => {
    const h = await harness();
    await h.take(sas111Xml(displaySlip('SB010225C999999999', 'E', '1')));
    const refusedForm = displayForm('ZB-DCL-1');
    await h.take(
      sas101Xml({
        ...refusedForm,
        lines: refusedForm.lines.map((line) => ({ ...line, oriactGdsSeqno: 99 })),
      }),
    );
    const formDecision = (await h.advance(5_000)).find((receipt) => receipt.messageType === 'SAS201');
    expect(formDecision && receiptOutcome(formDecision)).toBe('rejected');
    await h.take(sas111Xml(displaySlip(formDecision?.businessId ?? '', 'E', '1', 'ZB-STK-LATE')));
    const receipts = await h.advance(5_000);
    const slipDecisions = receipts.filter((receipt) => receipt.messageType === 'SAS211');
    expect(slipDecisions.map((receipt) => receiptOutcome(receipt))).toEqual(['rejected', 'rejected']);
    expect(slipDecisions[0]?.reasons).toEqual([
      expect.stringContaining('业务申报表 SB010225C999999999 不存在'),
    ]);
    expect(slipDecisions[1]?.reasons).toEqual([expect.stringContaining('状态为 rejected，未审核通过')]);
    expect(slipDecisions[0]?.head?.fields.emapvMarkcd).toBe('3');
  });

  it('lets no outbound slip take more than the zone holds, counting goods already out on slips and back again', async () => {
    const h = await harness();
    const { sasDclNo } = await approvedForm(h);
    await h.take(inv101Xml(releaseList('ZB-OUT-1', '30')));
    await h.take(sas111Xml(displaySlip(sasDclNo, 'E', '60', 'ZB-STK-1')));
    await h.take(sas111Xml(displaySlip(sasDclNo, 'E', '11', 'ZB-STK-2')));
    let receipts = await h.advance(5_000);
    const decisionOf = (etpsInnerNo: string, all: readonly Receipt[]) => {
      const seqNo = all.find((receipt) => receipt.etpsPreentNo === etpsInnerNo)?.seqNo;
      return all.find((receipt) => receipt.messageType === 'SAS211' && receipt.etpsPreentNo === seqNo);
    };
    // 100 on the book, 30 reserved by an approved list: 60 may go out, then 10 are left, not 11.
    expect(decisionOf('ZB-STK-1', receipts) && receiptOutcome(decisionOf('ZB-STK-1', receipts)!)).toBe(
      'approved',
    );
    const refused = decisionOf('ZB-STK-2', receipts);
    expect(refused && receiptOutcome(refused)).toBe('rejected');
    expect(refused?.reasons.join('')).toContain('出区数量 11 超过区内可用数量 10');

    // 20 come back from display: now 30 are in the zone again.
    await h.take(sas111Xml(displaySlip(sasDclNo, 'I', '20', 'ZB-STK-3')));
    await h.take(sas111Xml(displaySlip(sasDclNo, 'E', '30', 'ZB-STK-4')));
    receipts = await h.advance(5_000);
    expect(receiptOutcome(decisionOf('ZB-STK-3', receipts)!)).toBe('approved');
    expect(receiptOutcome(decisionOf('ZB-STK-4', receipts)!)).toBe('approved');
    expect(h.customs.postedBook()[0]).toMatchObject({ stock: '100' });
  });

  it('takes goods sold on display (a 保税展示交易 list) off what is out on slips, so the zone’s share stays right', async () => {
    const h = await harness();
    const { sasDclNo } = await approvedForm(h);
    await h.take(sas111Xml(displaySlip(sasDclNo, 'E', '60', 'ZB-STK-1')));
    await h.advance(5_000);
    const sold = noGateList(releaseList('ZB-SALE-1', '60'));
    await h.take(inv101Xml({ ...sold, head: { ...sold.head, bondInvtTypecd: '5' } }));
    const receipts = await h.advance(10_000);
    expect(kinds(receipts).slice(-3)).toEqual(['CRM:0', 'INV201:prePosted', 'INV211:posted']);
    expect(h.customs.postedBook()[0]).toMatchObject({ stock: '40' });
    // The 40 left are all in the zone: a slip may take them out.
    await h.take(sas111Xml(displaySlip(sasDclNo, 'E', '40', 'ZB-STK-2')));
    expect(kinds(await h.advance(5_000)).slice(-2)).toEqual(['CRM:0', 'SAS211:approved']);
  });

  it('refuses a slip of another book than its form’s', async () => {
    const h = await harness();
    const { sasDclNo } = await approvedForm(h);
    const slip = displaySlip(sasDclNo, 'E', '1');
    await h.take(sas111Xml({ ...slip, head: { ...slip.head, areainOriactNo: 'T0102W000999' } }));
    const decision = (await h.advance(5_000)).at(-1);
    expect(decision && receiptOutcome(decision)).toBe('rejected');
    expect(decision?.reasons.join('')).toContain('与业务申报表的账册 T0102W000123 不一致');
  });

  it('refuses a form for goods its book does not hold, and a processing form that names no processor', async () => {
    const h = await harness();
    const unknownLine = displayForm('ZB-DCL-2');
    await h.take(
      sas101Xml({
        ...unknownLine,
        lines: unknownLine.lines.map((line) => ({ ...line, oriactGdsSeqno: 99 })),
      }),
    );
    const noProcessor = displayForm('ZB-DCL-3');
    await h.take(
      sas101Xml({
        ...noProcessor,
        head: { ...noProcessor.head, businessTypecd: 'B', exhibitionPlace: undefined },
      }),
    );
    const decisions = (await h.advance(5_000)).filter((receipt) => receipt.messageType === 'SAS201');
    expect(decisions.map((receipt) => receiptOutcome(receipt))).toEqual(['rejected', 'rejected']);
    expect(decisions[0]?.reasons).toEqual([expect.stringContaining('无底账商品序号 99')]);
    expect(decisions[1]?.reasons).toEqual([expect.stringContaining('区外企业')]);
  });

  it('answers the chain with the same faults as other documents: 转人工, 退单, duplicates, pockets', async () => {
    const h = await harness({
      manualReviewRate: 1,
      rejectionRate: 1,
      duplicateRate: 1,
      pocketLines: 1,
      seed: 7,
    });
    await h.take(sas101Xml(displayForm('ZB-DCL-1')));
    const receipts = await h.advance(60_000);
    // Every decision comes twice (a reissue); the pockets are reassembled by the reader.
    expect(kinds(receipts)).toEqual([
      'CRM:0',
      'SAS201:manualReview',
      'SAS201:manualReview',
      'SAS201:rejected',
      'SAS201:rejected',
    ]);
    expect(receipts[3]?.reasons).toEqual([expect.stringMatching(/^人工审核：表头：申请人/)]);
    expect(receipts[3]?.lines).toHaveLength(1);

    // The re-declaration under the same number (with the pre-entry number) is a new version.
    const seqNo = receipts[0]?.seqNo;
    const fixed = displayForm('ZB-DCL-1');
    expect(
      h.customs.standing(
        sas101Xml({ ...fixed, head: { ...fixed.head, sasDclPreentNo: seqNo, rmk: '已补充' } }),
      ),
    ).toBe('newVersion');
    expect(h.customs.standing(sas101Xml(displayForm('ZB-DCL-1')))).toBe('identical');
  });

  it('fails the import of a slip as it fails others (DealFlag -1, our number named)', async () => {
    const h = await harness({ importFailureRate: 1 });
    await h.take(sas111Xml(displaySlip('SB010225C000000001', 'E', '1')));
    const [failure] = await h.advance(1_000);
    expect(failure).toMatchObject({
      messageType: 'CommonResponeMessage',
      dealFlag: '-1',
      etpsPreentNo: 'ZB-STK-E',
    });
  });
});
