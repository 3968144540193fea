import { Inv101Document } from '../../model/inv101';
import type { MessageEnvelope } from '../envelope-info';
import { toCustomsDateTime } from '../customs-dates';
import { element } from '../xml-element';
import { renderXsdFields } from '../xsd-fields';
import { renderSchemaPackage } from './schema-package';
import { BondInvtBsc, BondInvtDt, SasCentDclStock } from './xsd-types';

/**
 * INV101 in the schema form (EMS/INV101.xsd). The 2017 schema predates several fields of the model
 * (listType, genDecFlag, decType, the input unit, icCardNo, the 对应/关联报关 parties beyond the
 * business unit, destinationNatcd, modfMarkcd): they travel in the import form only.
 */
export const renderInv101SchemaForm = (document: Inv101Document, envelope: MessageEnvelope): string => {
  const { head, lines, centralStocks } = Inv101Document.parse(document);
  const bsc = renderXsdFields(
    BondInvtBsc,
    {
      bondInvtNo: head.bondInvtNo,
      chgTmsCnt: head.chgTmsCnt,
      invtPreentNo: head.seqNo,
      putrecNo: head.putrecNo,
      etpsInnerInvtNo: head.etpsInnerInvtNo,
      bizopEtpsSccd: head.bizopEtpsSccd,
      bizopEtpsno: head.bizopEtpsno,
      bizopEtpsNm: head.bizopEtpsNm,
      rvsngdEtpsSccd: head.rvsngdEtpsSccd,
      rcvgdEtpsno: head.rcvgdEtpsno,
      rcvgdEtpsNm: head.rcvgdEtpsNm,
      dclEtpsSccd: head.dclEtpsSccd,
      dclEtpsno: head.dclEtpsno,
      dclEtpsNm: head.dclEtpsNm,
      invtDclTime: toCustomsDateTime(head.invtDclTime),
      entryNo: head.entryNo,
      rltInvtNo: head.rltInvtNo,
      rltPutrecNo: head.rltPutrecNo,
      rltEntryNo: head.rltEntryNo,
      rltEntryBizopEtpsSccd: head.rltEntryBizopEtpsSccd,
      rltEntryBizopEtpsno: head.rltEntryBizopEtpsno,
      rltEntryBizopEtpsNm: head.rltEntryBizopEtpsNm,
      impexpPortcd: head.impexpPortcd,
      dclPlcCuscd: head.dclPlcCuscd,
      impexpMarkcd: head.impexpMarkcd,
      mtpckEndprdMarkcd: head.mtpckEndprdMarkcd,
      supvModecd: head.supvModecd,
      trspModecd: head.trspModecd,
      stshipTrsarvNatcd: head.stshipTrsarvNatcd,
      applyNo: head.applyNo,
      dclcusFlag: head.dclcusFlag,
      dclcusTypecd: head.dclcusTypecd,
      rmk: head.rmk,
      bondInvtTypecd: head.bondInvtTypecd,
    },
    'BondInvtBsc',
  );
  const dts = lines.map((line) =>
    element(
      'BondInvtDt',
      renderXsdFields(
        BondInvtDt,
        {
          bondInvtNo: head.bondInvtNo,
          chgTmsCnt: head.chgTmsCnt,
          gdsSeqno: line.gdsSeqno,
          putrecSeqno: line.putrecSeqno,
          gdsMtno: line.gdsMtno,
          gdecd: line.gdecd,
          gdsNm: line.gdsNm,
          gdsSpcfModelDesc: line.gdsSpcfModelDesc,
          dclUnitcd: line.dclUnitcd,
          lawfUnitcd: line.lawfUnitcd,
          secdLawfUnitcd: line.secdLawfUnitcd,
          natcd: line.natcd,
          dclUprcAmt: line.dclUprcAmt,
          dclTotalAmt: line.dclTotalAmt,
          usdStatTotalAmt: line.usdStatTotalAmt,
          dclCurrcd: line.dclCurrcd,
          lawfQty: line.lawfQty,
          secdLawfQty: line.secdLawfQty,
          wtSfVal: line.wtSfVal,
          fstSfVal: line.fstSfVal,
          secdSfVal: line.secdSfVal,
          dclQty: line.dclQty,
          grossWt: line.grossWt,
          netWt: line.netWt,
          useCd: line.useCd,
          lvyrlfModecd: line.lvyrlfModecd,
          ucnsVerno: line.ucnsVerno,
          entryGdsSeqno: line.entryGdsSeqno,
          applyTbSeqno: line.applyTbSeqno,
          clyMarkcd: line.clyMarkcd,
          rmk: line.rmk,
          param1: line.param1,
        },
        `BondInvtDt[${line.gdsSeqno}]`,
      ),
    ),
  );
  // The schema types SasCentDclStock/bondInvtNo as exactly 64 characters, which no list number has;
  // the list's own number is implied by the message, so it goes out as nil.
  const stocks = centralStocks.map((stock) =>
    element(
      'SasCentDclStock',
      renderXsdFields(SasCentDclStock, { sasStockNo: stock.sasStockNo }, 'SasCentDclStock'),
    ),
  );
  return renderSchemaPackage('INV101', head.etpsInnerInvtNo, envelope, [
    element('BondInvtBsc', bsc),
    ...dts,
    ...stocks,
  ]);
};
