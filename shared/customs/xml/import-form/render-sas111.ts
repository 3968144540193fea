import { Sas111Document } from '../../model/sas111';
import type { MessageEnvelope } from '../envelope-info';
import { element } from '../xml-element';
import { ImportOptions, pascalElements, renderImportEnvelope } from './import-envelope';

/**
 * SAS111 for the Single Window client's OutBox: StockMessage{StockHead, StockGoods…, OperCusRegCode}, the
 * element names of a client library that builds it (customs-domain.md §1.3 and §6: the official names are
 * still to be verified [C-3p]). ChgTmsCnt and the second legal unit are ours, named as in the other
 * import forms [INF]. The zone enterprise declares and enters its own slip.
 */
export const renderSas111ImportForm = (
  document: Sas111Document,
  envelope: MessageEnvelope,
  options: ImportOptions,
): string => {
  const { head, lines } = Sas111Document.parse(document);
  const { operCusRegCode } = ImportOptions.parse(options);
  const stockHead = pascalElements([
    ['SeqNo', head.sasStockPreentNo],
    ['SasStockNo', head.sasStockNo],
    ['EtpsPreentNo', head.etpsPreentNo],
    ['ChgTmsCnt', head.chgTmsCnt],
    ['DclTypecd', head.dclTypecd],
    ['SasDclNo', head.sasDclNo],
    ['AreainOriactNo', head.areainOriactNo],
    ['AreainEtpsNo', head.areainEtpsno],
    ['AreainEtpsNm', head.areainEtpsNm],
    ['AreainEtpsSccd', head.areainEtpsSccd],
    ['MasterCuscd', head.masterCuscd],
    ['StockTypecd', head.stockTypecd],
    ['RltBondInvtNo', head.rltBondInvtNo],
    ['BusinessTypecd', head.businessTypecd],
    ['CentralizedDclTypecd', head.centralizedDclTypecd],
    ['RltSasStockNo', head.rltSasStockNo],
    ['DclEr', head.dclEr],
    ['DclEtpsNo', head.areainEtpsno],
    ['DclEtpsNm', head.areainEtpsNm],
    ['DclEtpsSccd', head.areainEtpsSccd],
    ['InputCode', head.areainEtpsno],
    ['InputSccd', head.areainEtpsSccd],
    ['InputName', head.areainEtpsNm],
    ['DclTime', head.dclTime],
    ['InputDate', head.dclTime.slice(0, 10)],
    ['PackageQty', head.packageQty],
    ['GrossWt', head.grossWt],
    ['NetWt', head.netWt],
    ['PackType', head.packType],
    ['Rmk', head.rmk],
  ]);
  const stockGoods = lines.map((line) =>
    element(
      'StockGoods',
      pascalElements([
        ['SeqNo', head.sasStockPreentNo],
        ['SasStockSeqno', line.sasStockSeqno],
        ['SasDclSeqno', line.sasDclSeqno],
        ['OriactGdsSeqno', line.oriactGdsSeqno],
        ['GdsMtno', line.gdsMtno],
        ['Gdecd', line.gdecd],
        ['GdsNm', line.gdsNm],
        ['GdsSpcfModelDesc', line.gdsSpcfModelDesc],
        ['DclUnitcd', line.dclUnitcd],
        ['LawfUnitcd', line.lawfUnitcd],
        ['SecdLawfUnitcd', line.secdLawfUnitcd],
        ['Natcd', line.natcd],
        ['DclUprcAmt', line.dclUprcAmt],
        ['DclTotalAmt', line.dclTotalAmt],
        ['UsdStatTotalAmt', line.usdStatTotalAmt],
        ['DclCurrcd', line.dclCurrcd],
        ['LawfQty', line.lawfQty],
        ['SecdLawfQty', line.secdLawfQty],
        ['DclQty', line.dclQty],
        ['GrossWt', line.grossWt],
        ['NetWt', line.netWt],
        ['UseCd', line.useCd],
        ['LvyrlfModecd', line.lvyrlfModecd],
        ['UcnsVerno', line.ucnsVerno],
        ['ClyMarkcd', line.clyMarkcd],
        ['Rmk', line.rmk],
      ]),
    ),
  );
  const message = element('StockMessage', [
    element('StockHead', stockHead),
    ...stockGoods,
    ...pascalElements([['OperCusRegCode', operCusRegCode]]),
  ]);
  return renderImportEnvelope('SAS111', envelope, options, message);
};
