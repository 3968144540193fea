import { Sas121Document } from '../../model/sas121';
import type { MessageEnvelope } from '../envelope-info';
import { element } from '../xml-element';
import { renderXsdFields } from '../xsd-fields';
import { renderSchemaPackage } from './schema-package';
import { SasPassportBsc, SasPassportDt, SasPassportRlt } from './xsd-types';

/**
 * SAS121 in the schema form (SAS/SAS121.xsd). SasPassportBsc of 2017 has no declaring or input unit
 * and no enterprise-internal number; those travel in the import form (the number also in business_id).
 */
export const renderSas121SchemaForm = (document: Sas121Document, envelope: MessageEnvelope): string => {
  const { head, lines, related } = Sas121Document.parse(document);
  const bsc = renderXsdFields(
    SasPassportBsc,
    {
      passportNo: head.passportNo,
      sasPassportPreentNo: head.seqNo,
      passportTypecd: head.passportTypecd,
      dclTypecd: head.dclTypecd,
      ioTypecd: head.ioTypecd,
      bindTypecd: head.bindTypecd,
      masterCuscd: head.masterCuscd,
      rltTbTypecd: head.rltTbTypecd,
      rltNo: head.rltNo,
      areainEtpsno: head.areainEtpsno,
      areainEtpsNm: head.areainEtpsNm,
      areainEtpsSccd: head.areainEtpsSccd,
      vehicleNo: head.vehicleNo,
      vehicleIcNo: head.vehicleIcNo,
      containerNo: head.containerNo,
      vehicleWt: head.vehicleWt,
      vehicleFrameNo: head.vehicleFrameNo,
      vehicleFrameWt: head.vehicleFrameWt,
      containerType: head.containerType,
      containerWt: head.containerWt,
      totalWt: head.totalWt,
      totalGrossWt: head.totalGrossWt,
      totalNetWt: head.totalNetWt,
      dclErConc: head.dclErConc,
      dclTime: head.dclTime,
      rmk: head.rmk,
      col1: head.col1,
      chgTmsCnt: head.chgTmsCnt,
    },
    'SasPassportBsc',
  );
  const dts = lines.map((line) =>
    element(
      'SasPassportDt',
      renderXsdFields(
        SasPassportDt,
        {
          passportNo: head.passportNo,
          passportSeqno: line.passportSeqNo,
          gdsMtno: line.gdsMtno,
          gdecd: line.gdecd,
          gdsNm: line.gdsNm,
          grossWt: line.grossWt,
          netWt: line.netWt,
          rltGdsSeqno: line.rltGdsSeqno,
          dclUnitcd: line.dclUnitcd,
          dclQty: line.dclQty,
          rmk: line.rmk,
          chgTmsCnt: head.chgTmsCnt,
        },
        `SasPassportDt[${line.passportSeqNo}]`,
      ),
    ),
  );
  const rlts = related.map((rlt) =>
    element(
      'SasPassportRlt',
      renderXsdFields(
        SasPassportRlt,
        { passportNo: head.passportNo, rltNo: rlt.rltNo, rltTbTypecd: rlt.rltTbTypecd },
        'SasPassportRlt',
      ),
    ),
  );
  return renderSchemaPackage('SAS121', head.etpsPreentNo, envelope, [
    element('SasPassportBsc', bsc),
    ...dts,
    ...rlts,
  ]);
};
