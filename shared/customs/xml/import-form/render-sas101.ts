import { Sas101Document } from '../../model/sas101';
import type { MessageEnvelope } from '../envelope-info';
import { element } from '../xml-element';
import { ImportOptions, pascalElements, renderImportEnvelope } from './import-envelope';

/**
 * SAS101 for the Single Window client's OutBox: AppMessage{AppHead, AppGoods…, OperCusRegCode}, the
 * element names of a client library that builds it (customs-domain.md §1.3 [C-3p]). That library writes
 * no enterprise-internal number and no change count; we add EtpsPreentNo and ChgTmsCnt as the other
 * import forms carry them [INF], because the client answers with EtpsPreentNo and a resend is recognised
 * by it. The library spells the district MaserCuscd; we write MasterCuscd as every other head does [INF].
 * The zone enterprise declares and enters its own form, so DclEtps* and Input* repeat Areain*.
 */
export const renderSas101ImportForm = (
  document: Sas101Document,
  envelope: MessageEnvelope,
  options: ImportOptions,
): string => {
  const { head, lines } = Sas101Document.parse(document);
  const { operCusRegCode } = ImportOptions.parse(options);
  const appHead = pascalElements([
    ['SeqNo', head.sasDclPreentNo],
    ['SasDclNo', head.sasDclNo],
    ['EtpsPreentNo', head.etpsPreentNo],
    ['ChgTmsCnt', head.chgTmsCnt],
    ['MasterCuscd', head.masterCuscd],
    ['DclTypecd', head.dclTypecd],
    ['BusinessTypecd', head.businessTypecd],
    ['DirectionTypecd', head.directionTypecd],
    ['AreainOriactNo', head.areainOriactNo],
    ['AreaoutOriactNo', head.areaoutOriactNo],
    ['AreainEtpsno', head.areainEtpsno],
    ['AreainEtpsNm', head.areainEtpsNm],
    ['AreainEtpsSccd', head.areainEtpsSccd],
    ['AreaoutEtpsno', head.areaoutEtpsno],
    ['AreaoutEtpsNm', head.areaoutEtpsNm],
    ['AreaoutEtpsSccd', head.areaoutEtpsSccd],
    ['DpstLevyBlNo', head.dpstLevyBlNo],
    ['ValidTime', head.validTime],
    ['ExhibitionPlace', head.exhibitionPlace],
    ['DclEr', head.dclEr],
    ['DclTime', head.dclTime],
    ['DclEtpsno', head.areainEtpsno],
    ['DclEtpsNm', head.areainEtpsNm],
    ['DclEtpsSccd', head.areainEtpsSccd],
    ['InputCode', head.areainEtpsno],
    ['InputSccd', head.areainEtpsSccd],
    ['InputName', head.areainEtpsNm],
    ['MtpckEndprdTypecd', lines[0]?.mtpckEndprdTypecd],
    ['Rmk', head.rmk],
  ]);
  const appGoods = lines.map((line) =>
    element(
      'AppGoods',
      pascalElements([
        ['SeqNo', head.sasDclPreentNo],
        ['SasDclNo', head.sasDclNo],
        ['SasDclSeqno', line.sasDclSeqno],
        ['OriactGdsSeqno', line.oriactGdsSeqno],
        ['MtpckEndprdTypecd', line.mtpckEndprdTypecd],
        ['Gdecd', line.gdecd],
        ['GdsNm', line.gdsNm],
        ['GdsSpcfModelDesc', line.gdsSpcfModelDesc],
        ['DclQty', line.dclQty],
        ['DclUnitcd', line.dclUnitcd],
        ['DclUprcAmt', line.dclUprcAmt],
        ['DclTotalAmt', line.dclTotalAmt],
        ['DclCurrcd', line.dclCurrcd],
        ['LicenceNo', line.licenceNo],
        ['LicenceValidTime', line.licenceValidTime],
        ['GdsMarkcd', line.gdsMarkcd],
        ['GdsRmk', line.gdsRmk],
        ['ModfMarkcd', line.modfMarkcd],
        ['Rmk', line.rmk],
      ]),
    ),
  );
  const message = element('AppMessage', [
    element('AppHead', appHead),
    ...appGoods,
    ...pascalElements([['OperCusRegCode', operCusRegCode]]),
  ]);
  return renderImportEnvelope('SAS101', envelope, options, message);
};
