import { applyReceiptToStatus } from '../../../../shared/customs/lifecycle/apply-receipt';
import type { DocumentState } from '../../../../shared/customs/lifecycle/document-status';
import { matchReceipt } from '../../../../shared/customs/receipts/match-receipt';
import { parseReceipt } from '../../../../shared/customs/receipts/parse-receipt';
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
  entryList,
  inv101Xml,
  noGateList,
  passFor,
  receiptReader,
  releaseList,
  sas121Xml,
  wineStock,
} from './support';

const quiet: SandboxOptionsInput = {
  approvalDelayMs: 1_000,
  declarationDelayMs: 500,
  gateDelayMs: 2_000,
  postingDelayMs: 1_000,
};

/** The core on a manual clock, collecting what it emits, read through the app's own receipt parser. */
async function harness(options: SandboxOptionsInput = {}, state?: SandboxState) {
  const clock = manualClock();
  const outputs: SandboxOutput[] = [];
  let saved: SandboxState | undefined;
  const customs = createSandboxCustoms({
    options: { ...quiet, ...options },
    state: state === undefined ? undefined : structuredClone(state),
    clock,
    emit: async (output) => void outputs.push(output),
    persist: async (current) => void (saved = structuredClone(current)),
  });
  await customs.start();
  const read = receiptReader();
  const receipts: Receipt[] = [];
  let seen = 0;
  /** Every output so far, as receipts the app has read (pockets joined). */
  const received = () => {
    for (const output of outputs.slice(seen)) {
      const receipt = read(output.kind === 'answer' ? output.response.xml : output.file.xml);
      if (receipt) receipts.push(receipt);
    }
    seen = outputs.length;
    return receipts;
  };
  const advance = async (ms: number) => {
    await clock.advance(ms, () => customs.idle());
    return received();
  };
  return { customs, clock, outputs, advance, received, state: () => saved };
}

const kinds = (receipts: readonly Receipt[]) =>
  receipts.map((receipt) =>
    receipt.messageType === 'CommonResponeMessage'
      ? `CRM:${receipt.dealFlag}`
      : `${receipt.messageType}:${receiptOutcome(receipt)}`,
  );

const take = (
  customs: { take: (message: { name: string; xml: string }) => Promise<void> },
  xml: string,
  name = 'INV101_I_1.xml',
) => customs.take({ name, xml });

describe('sandbox customs: a list from import to posting', () => {
  it('answers DealFlag 0 with a pre-entry number, approves with 预核扣, generates the declaration and posts the book lines', async () => {
    const { customs, advance } = await harness({ autoGatePass: true });
    await customs.seedBook([wineStock('100')]);
    await take(customs, inv101Xml(entryList));
    const receipts = await advance(10_000);

    expect(kinds(receipts)).toEqual(['CRM:0', 'INV201:prePosted', 'INV202:informational', 'INV211:posted']);
    const [response, approval, declaration, posting] = receipts as [Receipt, Receipt, Receipt, Receipt];
    expect(response.seqNo).toMatch(/^2025000000{4}[0-9]{5}$/);
    expect(response.etpsPreentNo).toBe(entryList.head.etpsInnerInvtNo);
    expect(response.reasons).toEqual(['保税核注清单申报服务调用成功']);
    expect(approval).toMatchObject({ manageResult: '1', etpsPreentNo: response.seqNo, tmsCnt: 0 });
    expect(approval.businessId).toMatch(/^QD010225I[0-9]{9}$/);
    expect(approval.head?.fields).toMatchObject({
      vrfdedMarkcd: '1',
      invtStucd: '0',
      etpsInnerInvtNo: entryList.head.etpsInnerInvtNo,
    });
    expect(declaration).toMatchObject({
      seqNo: response.seqNo,
      businessId: approval.businessId,
      manageResult: '1',
    });
    expect(declaration.entrySeqNo).toMatch(/^I2025[0-9]{13}$/);

    // The receipts match our document the way the app matches them.
    const documents = [
      { documentId: 'doc-1', etpsInnerNo: entryList.head.etpsInnerInvtNo, preEntryNo: response.seqNo },
    ];
    for (const receipt of receipts)
      expect(matchReceipt(receipt, documents)).toMatchObject({ matched: true, documentId: 'doc-1' });

    // The wine joins book line 17; the cheese gets the next 备案序号 (18), added by this posting.
    expect(posting.head?.fields).toMatchObject({ vrfdedMarkcd: '2', bondInvtNo: approval.businessId });
    expect(
      posting.bookLines.map((line) => [
        line.gdsSeqno,
        line.gdsMtno,
        line.inQty,
        line.actlIncQty,
        line.modfMarkcd,
      ]),
    ).toEqual([
      [17, 'WINE-BDX-2019', '1300', '1200', '1'],
      [18, 'CHEESE-COMTE', '350.12345', '350.12345', '3'],
    ]);
    const cheese = posting.bookLines[1];
    expect(cheese?.totalAmt).toBe('7473.59511432'); // 21.3456 × 350.12345, exact: totalAmt / avgPrice is the stock
    expect(customs.postedBook().map((line) => [line.gdsSeqno, line.stock, line.prevdIncQty])).toEqual([
      [17, '1300', '0'],
      [18, '350.12345', '0'],
    ]);
  });

  it('posts an E list only when its gate pass has carried all its goods through the gate (SAS221, SAS223)', async () => {
    const { customs, advance } = await harness();
    await customs.seedBook([wineStock('100')]);
    await take(customs, inv101Xml(releaseList('ZB-OUT-1', '30')));
    const afterApproval = await advance(5_000);
    expect(kinds(afterApproval)).toEqual(['CRM:0', 'INV201:prePosted', 'INV202:informational']);
    expect(customs.postedBook()[0]).toMatchObject({ stock: '100', prevdRedcQty: '30' });

    const bondInvtNo = afterApproval[1]?.businessId ?? '';
    await take(customs, sas121Xml(passFor(bondInvtNo, '10', 'PASS-A')), 'SAS121_E_A.xml');
    await advance(5_000);
    expect(customs.postedBook()[0]).toMatchObject({ stock: '100', prevdRedcQty: '30' });

    await take(customs, sas121Xml(passFor(bondInvtNo, '20', 'PASS-B')), 'SAS121_E_B.xml');
    const receipts = await advance(10_000);
    expect(kinds(receipts).slice(3)).toEqual([
      'CRM:0',
      'SAS221:approved',
      'SAS223:gatePassed',
      'CRM:0',
      'SAS221:approved',
      'SAS223:gatePassed',
      'INV211:posted',
    ]);
    const pass = receipts[4];
    expect(pass?.businessId).toMatch(/^Z0102E[0-9]{6}[0-9]{12}$/);
    expect(pass?.businessId).toHaveLength(24);
    expect(pass?.head?.fields).toMatchObject({
      stucd: '1',
      rltNo: bondInvtNo,
      sasPassportPreentNo: pass?.etpsPreentNo,
    });
    expect(receipts[5]?.head?.fields.stucd).toBe('2');
    expect(receipts.at(-1)?.bookLines[0]).toMatchObject({
      gdsSeqno: 17,
      inQty: '100',
      actlRedcQty: '30',
      prevdRedcQty: '0',
    });
    expect(customs.postedBook()[0]).toMatchObject({ stock: '70' });
  });

  it('refuses a pass carrying more than the list has left to pass', async () => {
    const { customs, advance } = await harness();
    await customs.seedBook([wineStock('100')]);
    await take(customs, inv101Xml(releaseList('ZB-OUT-1', '30')));
    const bondInvtNo = (await advance(5_000))[1]?.businessId ?? '';
    await take(customs, sas121Xml(passFor(bondInvtNo, '31')), 'SAS121.xml');
    const rejection = (await advance(5_000)).at(-1);
    expect(rejection && receiptOutcome(rejection)).toBe('rejected');
    expect(rejection?.reasons).toEqual([
      expect.stringContaining('核放数量 31 超过清单第1项剩余可核放数量 30'),
    ]);
  });
});

describe('sandbox customs: what it refuses', () => {
  it('rejects (退单) an E list that would take a book line below zero, naming the line and the shortfall', async () => {
    const { customs, advance } = await harness();
    await customs.seedBook([wineStock('20')]);
    await take(customs, inv101Xml(noGateList(releaseList('ZB-OUT-1', '24'))));
    const receipts = await advance(10_000);
    expect(kinds(receipts)).toEqual(['CRM:0', 'INV201:rejected']);
    expect(receipts[1]).toMatchObject({ manageResult: '3' });
    expect(receipts[1]?.head?.fields).toMatchObject({ invtStucd: '2', vrfdedMarkcd: '0' });
    expect(receipts[1]?.reasons).toEqual([
      expect.stringMatching(
        /^第1项\(料号 WINE-BDX-2019，账册 T0102W000123 备案序号 17\)：申报出区数量 24 超过底账可用余量 20.*短少 4/,
      ),
    ]);
    expect(customs.postedBook()[0]).toMatchObject({ stock: '20', prevdRedcQty: '0' });
  });

  it('counts stock reserved by approved, unposted lists: the second of two lists sharing the stock is rejected', async () => {
    const { customs, advance } = await harness();
    await customs.seedBook([wineStock('40')]);
    await take(customs, inv101Xml(releaseList('ZB-OUT-1', '30')), 'a.xml');
    await take(customs, inv101Xml(releaseList('ZB-OUT-2', '20')), 'b.xml');
    const receipts = await advance(5_000);
    const approvals = receipts.filter((receipt) => receipt.messageType === 'INV201');
    expect(approvals.map(receiptOutcome)).toEqual(['prePosted', 'rejected']);
    expect(approvals[1]?.reasons[0]).toContain('可用余量 10（库存 40，已预核扣 30），短少 10');
  });

  it('rejects unknown codes and lines that do not match the book', async () => {
    const { customs, advance } = await harness();
    await customs.seedBook([{ ...wineStock('100'), gdsMtno: 'WINE-OTHER' }]);
    const list = releaseList('ZB-OUT-1');
    const bad = { ...list, lines: list.lines.map((line) => ({ ...line, dclCurrcd: '999' })) };
    await take(customs, inv101Xml(noGateList(bad)));
    const rejection = (await advance(5_000))[1];
    expect(rejection?.reasons).toEqual([
      expect.stringContaining('币制 999 不存在'),
      expect.stringContaining('料号与账册 T0102W000123 备案序号 17 的料号 WINE-OTHER 不一致'),
    ]);
  });

  it('fails the import (DealFlag -1) of a message missing what the import form requires, saying which element', async () => {
    const { customs, advance } = await harness();
    const xml = inv101Xml(entryList).replace(/<DclQty>1200<\/DclQty>/, '<DclQty>12.123456</DclQty>');
    await take(customs, xml);
    const [response] = await advance(0);
    expect(response).toMatchObject({ dealFlag: '-1', etpsPreentNo: entryList.head.etpsInnerInvtNo });
    expect(response?.reasons[0]).toContain('InvtListType[1]/DclQty');
    expect(response?.seqNo).toBeUndefined();
  });

  it('refuses a different document under a used number with customs’ duplicate text, and answers an identical resend with the same SeqNo', async () => {
    const { customs, advance } = await harness();
    await take(customs, inv101Xml(entryList, 'M-1'), 'first.xml');
    await take(customs, inv101Xml(entryList, 'M-2'), 'resend.xml');
    const changed = { ...entryList, head: { ...entryList.head, rmk: '另一票货' } };
    await take(customs, inv101Xml(changed, 'M-3'), 'other.xml');
    const [first, resend, other] = await advance(0);
    expect(resend).toMatchObject({ dealFlag: '0', seqNo: first?.seqNo });
    expect(other).toMatchObject({ dealFlag: '-1', etpsPreentNo: entryList.head.etpsInnerInvtNo });
    expect(other?.reasons).toEqual([
      `导入报文中预录入统一编号为空，并且企业内部编号【${entryList.head.etpsInnerInvtNo}】与系统已有记录【${first?.seqNo}】的对应字段重复`,
    ]);
    // The resend started nothing new: one approval only.
    expect(kinds(await advance(10_000)).filter((kind) => kind.startsWith('INV201'))).toHaveLength(1);
  });

  it('takes a re-declaration after 退单 (same number, its SeqNo, chgTmsCnt + 1) and answers it under the new change count', async () => {
    const { customs, advance } = await harness();
    await customs.seedBook([wineStock('20')]);
    const list = noGateList(releaseList('ZB-OUT-1', '24'));
    await take(customs, inv101Xml(list), 'v0.xml');
    const [response, rejection] = await advance(5_000);
    const fixed = noGateList(releaseList('ZB-OUT-1', '20'));
    const change = {
      ...fixed,
      head: {
        ...fixed.head,
        seqNo: response?.seqNo,
        bondInvtNo: rejection?.businessId,
        chgTmsCnt: 1,
        dclTypecd: '2' as const,
      },
    };
    await take(customs, inv101Xml(change), 'v1.xml');
    const later = (await advance(10_000)).slice(2);
    expect(kinds(later)).toEqual(['CRM:0', 'INV201:prePosted', 'INV211:posted']);
    expect(later[0]?.seqNo).toBe(response?.seqNo);
    expect(later[1]).toMatchObject({ tmsCnt: 1, businessId: rejection?.businessId });
    expect(customs.postedBook()[0]).toMatchObject({ stock: '0' });
  });

  it('answers a schema-form message with the XSD verdict and a failed import: the client imports only the import form', async () => {
    const { customs, advance } = await harness();
    await take(
      customs,
      '<Package><EnvelopInfo><message_type>INV101</message_type><business_id>X-1</business_id></EnvelopInfo><DataInfo><BussinessData><INV101/></BussinessData></DataInfo></Package>',
    );
    const [response] = await advance(0);
    expect(response).toMatchObject({ dealFlag: '-1', etpsPreentNo: 'X-1' });
    expect(response?.reasons[0]).toContain('schema form');
  });
});

describe('sandbox customs: faults, each on its own', () => {
  const list = () => noGateList(releaseList('ZB-OUT-1', '5'));

  it('rejectionRate: rejects an acceptable list with a reason that names a line', async () => {
    const { customs, advance } = await harness({ rejectionRate: 1 });
    await customs.seedBook([wineStock('100')]);
    await take(customs, inv101Xml(list()));
    const rejection = (await advance(5_000))[1];
    expect(rejection && receiptOutcome(rejection)).toBe('rejected');
    expect(rejection?.reasons[0]).toMatch(/^第1项\(WINE-BDX-2019\)：原产国\(地区\)“.*”与随附单证不符/);
  });

  it('manualReviewRate: 转人工 first, the final result after the review delay', async () => {
    const { customs, advance } = await harness({ manualReviewRate: 1, manualReviewDelayMs: 3_600_000 });
    await customs.seedBook([wineStock('100')]);
    await take(customs, inv101Xml(list()));
    expect(kinds(await advance(3_000_000))).toEqual(['CRM:0', 'INV201:manualReview']);
    expect(kinds(await advance(1_000_000))).toEqual([
      'CRM:0',
      'INV201:manualReview',
      'INV201:prePosted',
      'INV211:posted',
    ]);
  });

  it('importFailureRate: DealFlag -1 with a reason to send again; the resend goes through', async () => {
    const { customs, advance, outputs } = await harness({ importFailureRate: 1 });
    await take(customs, inv101Xml(list()));
    const [failure] = await advance(0);
    expect(failure).toMatchObject({ dealFlag: '-1' });
    expect(failure?.reasons[0]).toContain('send the same message again');
    expect(outputs[0]).toMatchObject({ kind: 'answer', imported: false });
  });

  it('duplicateRate: every business receipt comes again later under a new message id', async () => {
    const { customs, advance, outputs } = await harness({ duplicateRate: 1 });
    await customs.seedBook([wineStock('100')]);
    await take(customs, inv101Xml(list()));
    const receipts = await advance(10_000);
    expect(kinds(receipts)).toEqual([
      'CRM:0',
      'INV201:prePosted',
      'INV201:prePosted',
      'INV211:posted',
      'INV211:posted',
    ]);
    const names = outputs.flatMap((output) => (output.kind === 'receipt' ? [output.file.name] : []));
    expect(new Set(names).size).toBe(4);
    expect(receipts[1]?.envelope?.messageId).not.toBe(receipts[2]?.envelope?.messageId);
  });

  it('outOfOrderRate: some receipts overtake earlier ones, and the app’s priority rules still end at posted', async () => {
    let inversions = 0;
    for (let seed = 1; seed <= 10; seed += 1) {
      const { customs, advance } = await harness({ seed, outOfOrderRate: 0.5, outOfOrderDelayMs: 5_000 });
      await customs.seedBook([wineStock('100')]);
      await take(customs, inv101Xml(list()));
      const receipts = (await advance(20_000)).slice(1);
      if (receipts[0]?.messageType === 'INV211') inversions += 1;
      let state: DocumentState = { status: 'sent', chgTmsCnt: 0 };
      for (const receipt of receipts) state = applyReceiptToStatus(state, receipt).state;
      expect(state.status).toBe('posted');
    }
    expect(inversions).toBeGreaterThan(0);
  });

  it('pocketLines: a receipt with more lines is split into pockets the app reassembles', async () => {
    const { customs, advance, outputs } = await harness({ pocketLines: 1, autoGatePass: true });
    await take(customs, inv101Xml(entryList));
    const posting = (await advance(10_000)).at(-1);
    const files = outputs.flatMap((output) => (output.kind === 'receipt' ? [output.file.xml] : []));
    const pocketed = files.filter((xml) => xml.includes('<total_pocket_qty>2</total_pocket_qty>'));
    expect(pocketed).toHaveLength(2);
    expect(parseReceipt(pocketed[0] ?? '').ok).toBe(false);
    expect(posting?.messageType).toBe('INV211');
    expect(posting?.bookLines.map((line) => line.gdsMtno)).toEqual(['WINE-BDX-2019', 'CHEESE-COMTE']);
  });

  it('crashRate: takes the message, answers nothing until restarted from its saved state, then answers', async () => {
    const first = await harness({ crashRate: 1 });
    await first.customs.seedBook([wineStock('100')]);
    await take(first.customs, inv101Xml(list()));
    expect(await first.advance(10_000)).toEqual([]);
    expect(first.customs.isCrashed()).toBe(true);
    expect(first.customs.pendingMessages()).toEqual(['INV101_I_1.xml']);
    await first.customs.stop();

    const second = await harness({}, first.state());
    expect(kinds(await second.advance(10_000))).toEqual(['CRM:0', 'INV201:prePosted', 'INV211:posted']);
    expect(second.customs.postedBook()[0]).toMatchObject({ stock: '95' });
  });

  it('restartAfterCrashMs: restarts by itself and answers', async () => {
    const { customs, advance } = await harness({ crashRate: 1, restartAfterCrashMs: 60_000 });
    await take(customs, inv101Xml(list()));
    expect(await advance(59_000)).toEqual([]);
    expect(kinds(await advance(1_000))).toEqual(['CRM:0']);
    expect(customs.isCrashed()).toBe(false);
  });

  it('halfWrittenRate: marks receipt files for a two-step write (the folder transport does the writing)', async () => {
    const { customs, advance, outputs } = await harness({ halfWrittenRate: 1 });
    await customs.seedBook([wineStock('100')]);
    await take(customs, inv101Xml(list()));
    await advance(10_000);
    const receipts = outputs.filter((output) => output.kind === 'receipt');
    expect(receipts.length).toBeGreaterThan(0);
    expect(receipts.every((output) => output.kind === 'receipt' && output.file.halfWritten)).toBe(true);
  });

  it('is deterministic: the same seed and messages give the same files', async () => {
    const run = async () => {
      const { customs, advance, outputs } = await harness({
        seed: 7,
        rejectionRate: 0.3,
        duplicateRate: 0.3,
        outOfOrderRate: 0.3,
      });
      await customs.seedBook([wineStock('100')]);
      for (const n of [1, 2, 3])
        await take(customs, inv101Xml(noGateList(releaseList(`ZB-${n}`, '5'))), `${n}.xml`);
      await advance(20_000);
      return outputs;
    };
    expect(await run()).toEqual(await run());
  });
});
