import { addDecimal, multiplyDecimal, QUANTITY_DECIMALS, sumDecimals } from '../../domain/decimal';
import type { Inv101Document } from '../model/inv101';
import type { Sas121Document, Sas121Line } from '../model/sas121';
import type { BookContext } from './customs-facts';
import type { DeclarationSettings, UnitWeight } from './policy';

export interface PassRequest {
  readonly etpsPreentNo: string;
  readonly list: Inv101Document;
  readonly passportTypecd: string;
  readonly context: BookContext;
  /** Weights per declared unit by gdsMtno; the settings' default where the item master has none. */
  readonly weights: (gdsMtno: string) => UnitWeight | undefined;
  readonly settings: DeclarationSettings;
  readonly dclTime: string;
}

/**
 * The 核放单 (SAS121) that takes a list's goods through the gate: one pass line per list line
 * (rltGdsSeqno = the list's gdsSeqno), related to the list by rltTbTypecd 1.
 *
 * rltNo is the list's enterprise-internal number when the pass is made: customs has not numbered the list
 * yet. The pass waits, unsent, until the list is approved; its rltNo is then replaced by the list's QD
 * number, which is what customs matches a pass to.
 */
export function buildPass(request: PassRequest): Sas121Document {
  const { list, context, settings } = request;
  const owner = context.owner;
  const lines: Sas121Line[] = list.lines.map((line, index) => {
    const weight = request.weights(line.gdsMtno) ?? {
      grossWt: settings.defaultUnitGrossWt,
      netWt: settings.defaultUnitNetWt,
    };
    return {
      passportSeqNo: index + 1,
      rltGdsSeqno: line.gdsSeqno,
      gdsMtno: line.gdsMtno,
      gdecd: line.gdecd,
      gdsNm: line.gdsNm,
      dclUnitcd: line.dclUnitcd,
      dclQty: line.dclQty,
      grossWt: multiplyDecimal(line.dclQty, weight.grossWt, QUANTITY_DECIMALS),
      netWt: multiplyDecimal(line.dclQty, weight.netWt, QUANTITY_DECIMALS),
    };
  });
  const totalGrossWt = sumDecimals(lines.map((line) => line.grossWt));
  const totalNetWt = sumDecimals(lines.map((line) => line.netWt));
  const rltNo = list.head.etpsInnerInvtNo;
  return {
    kind: 'SAS121',
    head: {
      etpsPreentNo: request.etpsPreentNo,
      chgTmsCnt: 0,
      rltTbTypecd: '1',
      rltNo,
      dclTypecd: '1',
      ioTypecd: list.head.impexpMarkcd,
      passportTypecd: request.passportTypecd as Sas121Document['head']['passportTypecd'],
      bindTypecd: settings.bindTypecd,
      masterCuscd: context.book.masterCuscd,
      areainOriactNo: context.book.putrecNo,
      areainEtpsSccd: owner.sccd,
      areainEtpsno: owner.etpsno,
      areainEtpsNm: owner.name,
      dclEtpsSccd: owner.sccd,
      dclEtpsno: owner.etpsno,
      dclEtpsNm: owner.name,
      inputSccd: owner.sccd,
      inputCode: owner.etpsno,
      inputName: owner.name,
      vehicleNo: settings.vehicleNo,
      vehicleWt: settings.vehicleWt,
      ...(settings.vehicleFrameWt !== undefined && { vehicleFrameWt: settings.vehicleFrameWt }),
      totalGrossWt,
      totalNetWt,
      // The gate scale weighs truck, frame and goods together.
      totalWt: addDecimal(addDecimal(settings.vehicleWt, settings.vehicleFrameWt ?? '0'), totalGrossWt),
      dclErConc: settings.dclErConc,
      dclTime: request.dclTime,
    },
    lines,
    related: [{ rltTbTypecd: '1', rltNo }],
  };
}

/** The pass once customs has numbered its list: the same pass, now naming the list by its QD number. */
export function passForCustomsList(pass: Sas121Document, bondInvtNo: string): Sas121Document {
  return {
    ...pass,
    head: { ...pass.head, rltNo: bondInvtNo },
    related: pass.related.map((related) =>
      related.rltTbTypecd === '1' ? { ...related, rltNo: bondInvtNo } : related,
    ),
  };
}
