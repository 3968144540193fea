import { Sas101Document } from '../../model/sas101';
import type { MessageEnvelope } from '../envelope-info';
import { toIsoDate } from '../customs-dates';
import { element } from '../xml-element';
import { renderXsdFields } from '../xsd-fields';
import { renderSchemaPackage } from './schema-package';
import { SasDclBsc, SasDclDt } from './xsd-types';

/** SAS101 业务申报表 in the schema form (SAS/SAS101.xsd). */
export const renderSas101SchemaForm = (document: Sas101Document, envelope: MessageEnvelope): string => {
  const { head, lines } = Sas101Document.parse(document);
  const bsc = renderXsdFields(
    SasDclBsc,
    {
      sasDclNo: head.sasDclNo,
      chgTmsCnt: head.chgTmsCnt,
      masterCuscd: head.masterCuscd,
      sasDclPreentNo: head.sasDclPreentNo,
      dclTypecd: head.dclTypecd,
      businessTypecd: head.businessTypecd,
      directionTypecd: head.directionTypecd,
      areainOriactNo: head.areainOriactNo,
      areaoutOriactNo: head.areaoutOriactNo,
      areainEtpsno: head.areainEtpsno,
      areainEtpsNm: head.areainEtpsNm,
      areainEtpsSccd: head.areainEtpsSccd,
      areaoutEtpsno: head.areaoutEtpsno,
      areaoutEtpsNm: head.areaoutEtpsNm,
      areaoutEtpsSccd: head.areaoutEtpsSccd,
      dpstLevyBlNo: head.dpstLevyBlNo,
      validTime: toIsoDate(head.validTime),
      exhibitionPlace: head.exhibitionPlace,
      dclEr: head.dclEr,
      dclTime: head.dclTime,
      rmk: head.rmk,
    },
    'SasDclBsc',
  );
  const dts = lines.map((line) =>
    element(
      'SasDclDt',
      renderXsdFields(
        SasDclDt,
        {
          sasDclNo: head.sasDclNo,
          sasDclSeqno: line.sasDclSeqno,
          chgTmsCnt: head.chgTmsCnt,
          mtpckEndprdTypecd: line.mtpckEndprdTypecd,
          oriactGdsSeqno: line.oriactGdsSeqno,
          gdecd: line.gdecd,
          gdsNm: line.gdsNm,
          gdsSpcfModelDesc: line.gdsSpcfModelDesc,
          dclQty: line.dclQty,
          dclUnitcd: line.dclUnitcd,
          dclUprcAmt: line.dclUprcAmt,
          dclTotalAmt: line.dclTotalAmt,
          dclCurrcd: line.dclCurrcd,
          licenceNo: line.licenceNo,
          licenceValidTime:
            line.licenceValidTime === undefined ? undefined : toIsoDate(line.licenceValidTime),
          gdsMarkcd: line.gdsMarkcd,
          gdsRmk: line.gdsRmk,
          modfMarkcd: line.modfMarkcd,
          rmk: line.rmk,
        },
        `SasDclDt[${line.sasDclSeqno}]`,
      ),
    ),
  );
  return renderSchemaPackage('SAS101', head.etpsPreentNo, envelope, [element('SasDclBsc', bsc), ...dts]);
};
