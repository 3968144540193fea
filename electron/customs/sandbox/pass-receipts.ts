import type { XmlRecord } from './receipt-xml';
import type { PassRecord } from './sandbox-state';

/**
 * The records of the gate-pass receipts (SAS221 审核, SAS223 过卡), in the order of the real SAS221.
 * stucd: 0 已申请 1 已审批 2 已过卡 5 已删除 6 已作废; emapvMarkcd: 1 通过 2 转人工 3 退单.
 */
export interface PassFlags {
  readonly stucd: '0' | '1' | '2' | '6';
  readonly emapvMarkcd?: '1' | '2' | '3';
}

export function sasPassportBsc(record: PassRecord, flags: PassFlags): XmlRecord {
  const { head } = record.document;
  return {
    name: 'SasPassportBsc',
    fields: [
      ['passportNo', record.customsNo],
      ['chgTmsCnt', head.chgTmsCnt],
      ['passportTypecd', head.passportTypecd],
      ['sasPassportPreentNo', record.seqNo],
      ['dclTypecd', head.dclTypecd],
      ['ioTypecd', head.ioTypecd],
      ['bindTypecd', head.bindTypecd],
      ['masterCuscd', head.masterCuscd],
      ['rltTbTypecd', head.rltTbTypecd],
      ['rltNo', head.rltNo],
      ['areainEtpsno', head.areainEtpsno],
      ['areainEtpsNm', head.areainEtpsNm],
      ['areainEtpsSccd', head.areainEtpsSccd],
      ['vehicleNo', head.vehicleNo],
      ['vehicleIcNo', head.vehicleIcNo],
      ['containerNo', head.containerNo],
      ['vehicleWt', head.vehicleWt],
      ['vehicleFrameNo', head.vehicleFrameNo],
      ['vehicleFrameWt', head.vehicleFrameWt],
      ['containerType', head.containerType],
      ['containerWt', head.containerWt],
      ['totalWt', head.totalWt],
      // The gate scale reads what was declared: the sandbox's trucks weigh exactly right.
      ['passCollectWt', flags.stucd === '2' ? head.totalWt : undefined],
      ['wtError', flags.stucd === '2' ? '0' : undefined],
      ['totalGrossWt', head.totalGrossWt],
      ['totalNetWt', head.totalNetWt],
      ['dclErConc', head.dclErConc],
      ['dclTime', head.dclTime],
      ['passID', flags.stucd === '2' ? 'SANDBOX-GATE-1' : undefined],
      ['secdPassId', undefined],
      ['passTime', flags.stucd === '2' ? record.passTime : undefined],
      ['secdPassTime', undefined],
      ['stucd', flags.stucd],
      ['emapvMarkcd', flags.emapvMarkcd],
      ['logisticsStucd', '0'],
      ['ownerSystem', '1'],
      ['rmk', head.rmk],
      ['col1', head.col1],
    ],
  };
}

export const sasPassportDts = (record: PassRecord): XmlRecord[] =>
  record.document.lines.map((line) => ({
    name: 'SasPassportDt',
    fields: [
      ['passportNo', record.customsNo],
      ['chgTmsCnt', record.document.head.chgTmsCnt],
      ['passportSeqno', line.passportSeqNo],
      ['gdsMtno', line.gdsMtno],
      ['gdecd', line.gdecd],
      ['gdsNm', line.gdsNm],
      ['grossWt', line.grossWt],
      ['netWt', line.netWt],
      ['rltGdsSeqno', line.rltGdsSeqno],
      ['dclUnitcd', line.dclUnitcd],
      ['dclQty', line.dclQty],
      ['rmk', line.rmk],
    ],
  }));

export const sasPassportRlts = (record: PassRecord): XmlRecord[] =>
  record.document.related.map((related) => ({
    name: 'SasPassportRlt',
    fields: [
      ['passportNo', record.customsNo],
      ['rltTbTypecd', related.rltTbTypecd],
      ['rltNo', related.rltNo],
    ],
  }));
