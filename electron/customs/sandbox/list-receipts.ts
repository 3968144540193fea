import { dayAsDateTime } from './customs-time';
import type { XmlRecord } from './receipt-xml';
import { avgPriceOf, totalAmtOf, type SandboxBookLine } from './sandbox-book';
import type { ListRecord } from './sandbox-state';

/**
 * The records of the list receipts (INV201, INV202, INV211), field for field in the order of the real
 * receipts in ../fixtures/receipts, customs' status flags set as customs-domain.md §1.5 reads them.
 */

/** HdeApprResult/manageResult: 1 通过 2 转人工 3 退单. */
export type ManageResult = '1' | '2' | '3';

export const approvalResult = (
  record: { seqNo: string; customsNo: string; document: { head: { chgTmsCnt: number; dclTypecd: string } } },
  manageResult: string,
  manageDate: string,
): XmlRecord => ({
  name: 'HdeApprResult',
  fields: [
    ['etpsPreentNo', record.seqNo],
    ['businessId', record.customsNo],
    ['tmsCnt', record.document.head.chgTmsCnt],
    ['typecd', record.document.head.dclTypecd],
    ['manageResult', manageResult],
    ['manageDate', manageDate],
    ['rmk', undefined],
  ],
});

/** One CheckInfo per reason, as customs lists them. */
export const checkInfos = (reasons: readonly string[]): XmlRecord[] =>
  reasons.map((note) => ({ name: 'CheckInfo', fields: [['note', note]] }));

/** The list head's customs status flags at one moment of its life. */
export interface ListFlags {
  /** 清单状态: 0 审核通过, 1 申报, 2 退单, 3 删单. */
  readonly invtStucd: '0' | '1' | '2' | '3';
  /** 核扣标记: 0 未核扣, 1 预核扣, 2 已核扣. */
  readonly vrfdedMarkcd: '0' | '1' | '2';
}

/** 核放单生成标志: 1 未生成, 2 部分生成, 3 已生成. */
const passportUsed = (record: ListRecord, gated: boolean): string =>
  gated ? '3' : Object.keys(record.allotted).length > 0 ? '2' : '1';

export function bondInvtBsc(record: ListRecord, flags: ListFlags): XmlRecord {
  const { head } = record.document;
  const gated = record.status === 'gatePassed' || record.status === 'posted';
  const declared = record.entrySeqNo !== undefined || head.dclcusFlag === '1';
  return {
    name: 'BondInvtBsc',
    fields: [
      ['bondInvtNo', record.customsNo],
      ['chgTmsCnt', head.chgTmsCnt],
      ['invtPreentNo', record.seqNo],
      ['putrecNo', head.putrecNo],
      ['etpsInnerInvtNo', head.etpsInnerInvtNo],
      ['bizopEtpsSccd', head.bizopEtpsSccd],
      ['bizopEtpsno', head.bizopEtpsno],
      ['bizopEtpsNm', head.bizopEtpsNm],
      ['rvsngdEtpsSccd', head.rvsngdEtpsSccd],
      ['rcvgdEtpsno', head.rcvgdEtpsno],
      ['rcvgdEtpsNm', head.rcvgdEtpsNm],
      ['dclEtpsSccd', head.dclEtpsSccd],
      ['dclEtpsno', head.dclEtpsno],
      ['dclEtpsNm', head.dclEtpsNm],
      ['invtDclTime', dayAsDateTime(head.invtDclTime)],
      ['entryDclTime', record.entryDclTime],
      ['entryNo', head.entryNo],
      ['rltInvtNo', head.rltInvtNo],
      ['rltPutrecNo', head.rltPutrecNo],
      ['rltEntryNo', head.rltEntryNo],
      ['rltEntryBizopEtpsSccd', head.rltEntryBizopEtpsSccd],
      ['rltEntryBizopEtpsno', head.rltEntryBizopEtpsno],
      ['rltEntryBizopEtpsNm', head.rltEntryBizopEtpsNm],
      ['impexpPortcd', head.impexpPortcd],
      ['dclPlcCuscd', head.dclPlcCuscd],
      ['impexpMarkcd', head.impexpMarkcd],
      ['mtpckEndprdMarkcd', head.mtpckEndprdMarkcd],
      ['supvModecd', head.supvModecd],
      ['trspModecd', head.trspModecd],
      ['stshipTrsarvNatcd', head.stshipTrsarvNatcd],
      ['applyNo', head.applyNo],
      ['dclcusFlag', head.dclcusFlag],
      ['dclcusTypecd', head.dclcusTypecd],
      ['prevdTime', flags.vrfdedMarkcd === '0' ? undefined : record.prevdTime],
      ['formalVrfdedTime', flags.vrfdedMarkcd === '2' ? record.formalVrfdedTime : undefined],
      // 清单进出卡口状态 0 未出卡口 / 1 已出卡口; lists that need no gate pass carry none.
      ['invtIochkptStucd', record.needsGate ? (gated ? '1' : '0') : undefined],
      ['vrfdedMarkcd', flags.vrfdedMarkcd],
      ['invtStucd', flags.invtStucd],
      ['vrfdedModecd', head.impexpMarkcd === 'I' ? 'D' : 'E'],
      ['duCode', undefined],
      ['rmk', head.rmk],
      ['bondInvtTypecd', head.bondInvtTypecd],
      // 报关状态 0 未放行 / 1 已放行: the sandbox releases a declared list's declaration with its posting.
      ['entryStucd', declared ? (flags.vrfdedMarkcd === '2' ? '1' : '0') : undefined],
      // 核放单生成标志 1 未生成 / 3 已生成.
      ['passportUsedTypecd', record.needsGate ? passportUsed(record, gated) : undefined],
      ['param1', undefined],
      ['param2', undefined],
      ['param3', undefined],
      ['param4', undefined],
      ['needEntryModified', undefined],
      ['levyBlAmt', undefined],
      ['dclTypecd', head.dclTypecd],
    ],
  };
}

/** INV202: the declaration generated from the list (manageResult 1 生成成功). */
export const generatedDeclaration = (record: ListRecord, createDate: string): XmlRecord => ({
  name: 'InvApprResult',
  fields: [
    ['invPreentNo', record.seqNo],
    ['businessId', record.customsNo],
    ['entrySeqNo', record.entrySeqNo],
    ['manageResult', '1'],
    ['createDate', createDate],
    ['reason', undefined],
  ],
});

/** A book line after posting, as INV211 reports it (modfMarkcd 3 for a line the posting added). */
export const bwsDt = (line: SandboxBookLine, addedNow: boolean): XmlRecord => ({
  name: 'BwsDt',
  fields: [
    ['bwsNo', line.bwsNo],
    ['chgTmsCnt', 0],
    ['gdsSeqno', line.gdsSeqno],
    ['inDate', line.inDate],
    ['gdsMtno', line.gdsMtno],
    ['gdecd', line.gdecd],
    ['gdsNm', line.gdsNm],
    ['gdsSpcfModelDesc', line.gdsSpcfModelDesc],
    ['natcd', line.natcd],
    ['dclUnitcd', line.dclUnitcd],
    ['lawfUnitcd', line.lawfUnitcd],
    ['secdLawfUnitcd', line.secdLawfUnitcd],
    ['dclUprcAmt', line.dclUprcAmt],
    ['dclCurrcd', line.dclCurrcd],
    ['avgPrice', avgPriceOf(line)],
    ['totalAmt', totalAmtOf(line)],
    ['inQty', line.inQty],
    ['inLawfQty', line.inLawfQty],
    ['inSecdLawfQty', line.inSecdLawfQty],
    ['actlIncQty', line.actlIncQty],
    ['actlRedcQty', line.actlRedcQty],
    ['prevdIncQty', line.prevdIncQty],
    ['prevdRedcQty', line.prevdRedcQty],
    ['outDate', line.outDate],
    ['limitDate', undefined],
    ['inType', undefined],
    ['invtNo', line.invtNo],
    ['invtGNo', line.invtGNo],
    ['cusmExeMarkcd', '1'],
    ['rmk', undefined],
    ['modfMarkcd', addedNow ? '3' : '1'],
  ],
});
