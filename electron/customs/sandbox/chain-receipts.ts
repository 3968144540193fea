import { toIsoDate } from '../../../shared/customs/xml/customs-dates';
import type { XmlRecord } from './receipt-xml';
import type { FormRecord, SlipRecord } from './sandbox-state';

/**
 * The records of the 业务申报表 and 出入库单 receipts (SAS201, SAS211), field for field in the order of
 * the customs XSDs (SAS/SAS201.xsd, SAS/SAS211.xsd), every field written even when empty as customs does.
 * emapvMarkcd is the 审批标志 of customs-domain.md §1.12: 1 通过 2 转人工 3 退单.
 */
export interface ChainFlags {
  readonly emapvMarkcd: '1' | '2' | '3';
}

export function sasDclBsc(record: FormRecord, flags: ChainFlags, approvedAt?: string): XmlRecord {
  const { head } = record.document;
  return {
    name: 'SasDclBsc',
    fields: [
      ['sasDclNo', record.customsNo],
      ['chgTmsCnt', head.chgTmsCnt],
      ['masterCuscd', head.masterCuscd],
      ['sasDclPreentNo', record.seqNo],
      ['dclTypecd', head.dclTypecd],
      ['businessTypecd', head.businessTypecd],
      ['directionTypecd', head.directionTypecd],
      ['areainOriactNo', head.areainOriactNo],
      ['areaoutOriactNo', head.areaoutOriactNo],
      ['areainEtpsno', head.areainEtpsno],
      ['areainEtpsNm', head.areainEtpsNm],
      ['areainEtpsSccd', head.areainEtpsSccd],
      ['areaoutEtpsno', head.areaoutEtpsno],
      ['areaoutEtpsNm', head.areaoutEtpsNm],
      ['areaoutEtpsSccd', head.areaoutEtpsSccd],
      ['dpstLevyBlNo', head.dpstLevyBlNo],
      ['validTime', toIsoDate(head.validTime)],
      ['exhibitionPlace', head.exhibitionPlace],
      ['dclEr', head.dclEr],
      ['dclTime', head.dclTime],
      ['putrecEmapvTime', flags.emapvMarkcd === '1' ? approvedAt : undefined],
      ['chgEmapvTime', undefined],
      ['clsCaseTime', head.dclTypecd === '3' && flags.emapvMarkcd === '1' ? approvedAt : undefined],
      ['emapvMarkcd', flags.emapvMarkcd],
      // 申报表状态 1 正常 (customs-domain.md §1.6 [C-3p]).
      ['dclTbStucd', '1'],
      ['rmk', head.rmk],
      ['col1', undefined],
      ['col2', undefined],
      ['col3', undefined],
      ['col4', undefined],
      ['ownerSystem', '1'],
      ['emapvDescription', undefined],
    ],
  };
}

export const sasDclDts = (record: FormRecord): XmlRecord[] =>
  record.document.lines.map((line) => ({
    name: 'SasDclDt',
    fields: [
      ['sasDclNo', record.customsNo],
      ['sasDclSeqno', line.sasDclSeqno],
      ['chgTmsCnt', record.document.head.chgTmsCnt],
      ['mtpckEndprdTypecd', line.mtpckEndprdTypecd],
      ['oriactGdsSeqno', line.oriactGdsSeqno],
      ['gdecd', line.gdecd],
      ['gdsNm', line.gdsNm],
      ['gdsSpcfModelDesc', line.gdsSpcfModelDesc],
      ['dclQty', line.dclQty],
      ['dclUnitcd', line.dclUnitcd],
      ['dclUprcAmt', line.dclUprcAmt],
      ['dclTotalAmt', line.dclTotalAmt],
      ['dclCurrcd', line.dclCurrcd],
      ['licenceNo', line.licenceNo],
      [
        'licenceValidTime',
        line.licenceValidTime === undefined ? undefined : toIsoDate(line.licenceValidTime),
      ],
      ['actlAreaoutQty', undefined],
      ['actlAreainQty', undefined],
      ['gdsMarkcd', line.gdsMarkcd],
      ['gdsRmk', line.gdsRmk],
      ['invtVdedtQty', undefined],
      ['rcntVdedtTime', undefined],
      ['modfMarkcd', line.modfMarkcd],
      ['rmk', line.rmk],
      ['col1', undefined],
      ['col2', undefined],
      ['col3', undefined],
      ['col4', undefined],
    ],
  }));

/** 过卡标志 and 核放单生成标志 of a slip: 1 未过卡 / 2 已过卡 [INF]; 1 未生成 / 2 部分生成 / 3 已生成. */
const passFlags = (record: SlipRecord) => {
  const gated = record.status === 'gatePassed';
  return {
    passTypecd: gated ? '2' : '1',
    passportUsedTypecd: gated ? '3' : Object.keys(record.allotted).length > 0 ? '2' : '1',
  };
};

export function sasStockBsc(record: SlipRecord, flags: ChainFlags): XmlRecord {
  const { head } = record.document;
  const pass = passFlags(record);
  return {
    name: 'SasStockBsc',
    fields: [
      ['sasStockNo', record.customsNo],
      ['sasStockPreentNo', record.seqNo],
      ['dclTypecd', head.dclTypecd],
      ['sasDclNo', head.sasDclNo],
      ['masterCuscd', head.masterCuscd],
      ['stockTypecd', head.stockTypecd],
      ['rltBondInvtNo', head.rltBondInvtNo],
      ['businessTypecd', head.businessTypecd],
      ['centralizedDclTypecd', head.centralizedDclTypecd],
      ['rltSasStockNo', head.rltSasStockNo],
      ['dclEr', head.dclEr],
      ['dclTime', head.dclTime],
      ['packageQty', head.packageQty],
      ['grossWt', head.grossWt],
      ['netWt', head.netWt],
      ['packType', head.packType],
      ['levyBlAmt', undefined],
      ['passTypecd', pass.passTypecd],
      ['passportUsedTypecd', pass.passportUsedTypecd],
      ['stucd', undefined],
      ['emapvMarkcd', flags.emapvMarkcd],
      ['rmk', head.rmk],
      ['col1', undefined],
      ['col2', undefined],
      ['col3', undefined],
      ['col4', undefined],
      ['chgTmsCnt', head.chgTmsCnt],
      ['ownerSystem', '1'],
      ['emapvDescription', undefined],
    ],
  };
}

export const sasStockDts = (record: SlipRecord): XmlRecord[] =>
  record.document.lines.map((line) => ({
    name: 'SasStockDt',
    fields: [
      ['sasStockNo', record.customsNo],
      ['sasStockSeqno', line.sasStockSeqno],
      ['sasDclSeqno', line.sasDclSeqno],
      ['oriactGdsSeqno', line.oriactGdsSeqno],
      ['gdsMtno', line.gdsMtno],
      ['gdecd', line.gdecd],
      ['gdsNm', line.gdsNm],
      ['gdsSpcfModelDesc', line.gdsSpcfModelDesc],
      ['dclUnitcd', line.dclUnitcd],
      ['lawfUnitcd', line.lawfUnitcd],
      ['secdLawfUnitcd', line.secdLawfUnitcd],
      ['natcd', line.natcd],
      ['dclUprcAmt', line.dclUprcAmt],
      ['dclTotalAmt', line.dclTotalAmt],
      ['usdStatTotalAmt', line.usdStatTotalAmt],
      ['dclCurrcd', line.dclCurrcd],
      ['lawfQty', line.lawfQty],
      ['secdLawfQty', line.secdLawfQty],
      ['wtSfVal', undefined],
      ['fstSfVal', undefined],
      ['secdSfVal', undefined],
      ['dclQty', line.dclQty],
      ['grossWt', line.grossWt],
      ['netWt', line.netWt],
      ['useCd', line.useCd],
      ['lvyrlfModecd', line.lvyrlfModecd],
      ['ucnsVerno', line.ucnsVerno],
      ['clyMarkcd', line.clyMarkcd],
      ['actlPassQty', record.passed[String(line.sasStockSeqno)]],
      ['passportUsedQty', record.allotted[String(line.sasStockSeqno)]],
      ['replaceQty', undefined],
      ['rltStockSeqno', undefined],
      ['rmk', line.rmk],
      ['col1', undefined],
      ['col2', undefined],
      ['col3', undefined],
      ['col4', undefined],
      ['chgTmsCnt', record.document.head.chgTmsCnt],
    ],
  }));
