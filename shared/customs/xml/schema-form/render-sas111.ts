import { Sas111Document } from '../../model/sas111';
import type { MessageEnvelope } from '../envelope-info';
import { element } from '../xml-element';
import { renderXsdFields } from '../xsd-fields';
import { renderSchemaPackage } from './schema-package';
import { SasStockBsc, SasStockDt } from './xsd-types';

/** SAS111 出入库单 in the schema form (SAS/SAS111.xsd). */
export const renderSas111SchemaForm = (document: Sas111Document, envelope: MessageEnvelope): string => {
  const { head, lines } = Sas111Document.parse(document);
  const bsc = renderXsdFields(
    SasStockBsc,
    {
      sasStockNo: head.sasStockNo,
      sasStockPreentNo: head.sasStockPreentNo,
      dclTypecd: head.dclTypecd,
      sasDclNo: head.sasDclNo,
      masterCuscd: head.masterCuscd,
      stockTypecd: head.stockTypecd,
      rltBondInvtNo: head.rltBondInvtNo,
      businessTypecd: head.businessTypecd,
      centralizedDclTypecd: head.centralizedDclTypecd,
      rltSasStockNo: head.rltSasStockNo,
      dclEr: head.dclEr,
      dclTime: head.dclTime,
      packageQty: head.packageQty,
      grossWt: head.grossWt,
      netWt: head.netWt,
      packType: head.packType,
      rmk: head.rmk,
      chgTmsCnt: head.chgTmsCnt,
    },
    'SasStockBsc',
  );
  const dts = lines.map((line) =>
    element(
      'SasStockDt',
      renderXsdFields(
        SasStockDt,
        {
          sasStockNo: head.sasStockNo,
          sasStockSeqno: line.sasStockSeqno,
          sasDclSeqno: line.sasDclSeqno,
          oriactGdsSeqno: line.oriactGdsSeqno,
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
          dclQty: line.dclQty,
          grossWt: line.grossWt,
          netWt: line.netWt,
          useCd: line.useCd,
          lvyrlfModecd: line.lvyrlfModecd,
          ucnsVerno: line.ucnsVerno,
          clyMarkcd: line.clyMarkcd,
          rmk: line.rmk,
          chgTmsCnt: head.chgTmsCnt,
        },
        `SasStockDt[${line.sasStockSeqno}]`,
      ),
    ),
  );
  return renderSchemaPackage('SAS111', head.etpsPreentNo, envelope, [element('SasStockBsc', bsc), ...dts]);
};
