import { Sas121Document } from '../../model/sas121';
import type { MessageEnvelope } from '../envelope-info';
import { element } from '../xml-element';
import { ImportOptions, pascalElements, renderImportEnvelope } from './import-envelope';

/** SAS121 for the Single Window client's OutBox: PassPortMessage{OperCusRegCode, PassportHead, PassportList…, PassportAcmp…}. */
export const renderSas121ImportForm = (
  document: Sas121Document,
  envelope: MessageEnvelope,
  options: ImportOptions,
): string => {
  const { head, lines, related } = Sas121Document.parse(document);
  const { operCusRegCode } = ImportOptions.parse(options);
  const passportHead = pascalElements([
    ['SeqNo', head.seqNo],
    ['PassportNo', head.passportNo],
    ['EtpsPreentNo', head.etpsPreentNo],
    ['RltTbTypecd', head.rltTbTypecd],
    ['RltNo', head.rltNo],
    ['DclTypecd', head.dclTypecd],
    ['IoTypecd', head.ioTypecd],
    ['PassportTypecd', head.passportTypecd],
    ['BindTypecd', head.bindTypecd],
    ['MasterCuscd', head.masterCuscd],
    ['AreainOriactNo', head.areainOriactNo],
    ['AreainEtpsSccd', head.areainEtpsSccd],
    ['AreainEtpsno', head.areainEtpsno],
    ['AreainEtpsNm', head.areainEtpsNm],
    ['DclEtpsSccd', head.dclEtpsSccd],
    ['DclEtpsno', head.dclEtpsno],
    ['DclEtpsNm', head.dclEtpsNm],
    ['InputSccd', head.inputSccd],
    ['InputCode', head.inputCode],
    ['InputName', head.inputName],
    ['VehicleNo', head.vehicleNo],
    ['VehicleIcNo', head.vehicleIcNo],
    ['VehicleWt', head.vehicleWt],
    ['VehicleFrameWt', head.vehicleFrameWt],
    ['VehicleFrameNo', head.vehicleFrameNo],
    ['ContainerNo', head.containerNo],
    ['ContainerWt', head.containerWt],
    ['ContainerType', head.containerType],
    ['TotalGrossWt', head.totalGrossWt],
    ['TotalNetWt', head.totalNetWt],
    ['TotalWt', head.totalWt],
    ['DclErConc', head.dclErConc],
    ['DclTime', head.dclTime],
    ['Rmk', head.rmk],
    ['Col1', head.col1],
  ]);
  const passportList = lines.map((line) =>
    element(
      'PassportList',
      pascalElements([
        ['SeqNo', head.seqNo],
        ['PassportNo', head.passportNo],
        ['PassportSeqNo', line.passportSeqNo],
        ['RltGdsSeqno', line.rltGdsSeqno],
        ['GdsMtno', line.gdsMtno],
        ['Gdecd', line.gdecd],
        ['GdsNm', line.gdsNm],
        ['DclUnitcd', line.dclUnitcd],
        ['DclQty', line.dclQty],
        ['GrossWt', line.grossWt],
        ['NetWt', line.netWt],
        ['Rmk', line.rmk],
      ]),
    ),
  );
  const passportAcmp = related.map((rlt) =>
    element(
      'PassportAcmp',
      pascalElements([
        ['SeqNo', head.seqNo],
        ['PassPortNo', head.passportNo],
        ['RtlBillTypecd', rlt.rltTbTypecd],
        ['RtlBillNo', rlt.rltNo],
      ]),
    ),
  );
  const message = element('PassPortMessage', [
    ...pascalElements([['OperCusRegCode', operCusRegCode]]),
    element('PassportHead', passportHead),
    ...passportList,
    ...passportAcmp,
  ]);
  return renderImportEnvelope('SAS121', envelope, options, message);
};
