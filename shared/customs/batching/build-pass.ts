import { addDecimal, multiplyDecimal, QUANTITY_DECIMALS, sumDecimals } from '../../domain/decimal';
import type { Inv101Document } from '../model/inv101';
import type { Sas111Document } from '../model/sas111';
import type { Sas121Document, Sas121Line } from '../model/sas121';
import type { BookContext } from './customs-facts';
import type { DeclarationSettings, UnitWeight } from './policy';

/**
 * The document whose goods a pass takes through the gate, as the pass sees it: a 核注清单 (关联单证类型
 * 1) or an 出入库单 (2), named by its enterprise-internal number until customs numbers it.
 */
export interface PassCarrier {
  readonly rltTbTypecd: '1' | '2';
  readonly rltNo: string;
  readonly ioTypecd: 'I' | 'E';
  readonly lines: ReadonlyArray<{
    /** The carrier's own line number (核注清单 gdsSeqno, 出入库单 sasStockSeqno). */
    readonly seqno: number;
    readonly gdsMtno: string;
    readonly gdecd: string;
    readonly gdsNm: string;
    readonly dclUnitcd: string;
    readonly dclQty: string;
  }>;
}

export const carrierOfList = (list: Inv101Document): PassCarrier => ({
  rltTbTypecd: '1',
  rltNo: list.head.etpsInnerInvtNo,
  ioTypecd: list.head.impexpMarkcd,
  lines: list.lines.map((line) => ({ ...line, seqno: line.gdsSeqno })),
});

export const carrierOfSlip = (slip: Sas111Document): PassCarrier => ({
  rltTbTypecd: '2',
  rltNo: slip.head.etpsPreentNo,
  ioTypecd: slip.head.stockTypecd,
  lines: slip.lines.map((line) => ({ ...line, seqno: line.sasStockSeqno })),
});

export interface PassRequest {
  readonly etpsPreentNo: string;
  readonly carrier: PassCarrier;
  readonly passportTypecd: string;
  readonly context: BookContext;
  /** Weights per declared unit by gdsMtno; the settings' default where the item master has none. */
  readonly weights: (gdsMtno: string) => UnitWeight | undefined;
  readonly settings: DeclarationSettings;
  readonly dclTime: string;
}

/** Gross and net kilograms of `qty` declared units of an item, by the item master or the default. */
export function weightOf(
  qty: string,
  weight: UnitWeight | undefined,
  settings: DeclarationSettings,
): { grossWt: string; netWt: string } {
  const unit = weight ?? { grossWt: settings.defaultUnitGrossWt, netWt: settings.defaultUnitNetWt };
  return {
    grossWt: multiplyDecimal(qty, unit.grossWt, QUANTITY_DECIMALS),
    netWt: multiplyDecimal(qty, unit.netWt, QUANTITY_DECIMALS),
  };
}

/**
 * The 核放单 (SAS121) that takes a list's or a slip's goods through the gate: one pass line per carrier
 * line (rltGdsSeqno = the carrier's line number), related to the carrier by its rltTbTypecd.
 *
 * rltNo is the carrier's enterprise-internal number when the pass is made: customs has not numbered the
 * carrier yet. The pass waits, unsent, until the carrier is approved; its rltNo is then replaced by the
 * carrier's customs number (QD… or the slip's number), which is what customs matches a pass to.
 */
export function buildPass(request: PassRequest): Sas121Document {
  const { carrier, context, settings } = request;
  const owner = context.owner;
  const lines: Sas121Line[] = carrier.lines.map((line, index) => ({
    passportSeqNo: index + 1,
    rltGdsSeqno: line.seqno,
    gdsMtno: line.gdsMtno,
    gdecd: line.gdecd,
    gdsNm: line.gdsNm,
    dclUnitcd: line.dclUnitcd,
    dclQty: line.dclQty,
    ...weightOf(line.dclQty, request.weights(line.gdsMtno), settings),
  }));
  const totalGrossWt = sumDecimals(lines.map((line) => line.grossWt));
  const totalNetWt = sumDecimals(lines.map((line) => line.netWt));
  return {
    kind: 'SAS121',
    head: {
      etpsPreentNo: request.etpsPreentNo,
      chgTmsCnt: 0,
      rltTbTypecd: carrier.rltTbTypecd,
      rltNo: carrier.rltNo,
      dclTypecd: '1',
      ioTypecd: carrier.ioTypecd,
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
    related: [{ rltTbTypecd: carrier.rltTbTypecd, rltNo: carrier.rltNo }],
  };
}

/**
 * The pass once customs has numbered its carrier: the same pass, now naming the list (QD…) or the slip
 * by customs' number, in the head and in the related document of the same type.
 */
export function passForCustomsDocument(pass: Sas121Document, customsNo: string): Sas121Document {
  const type = pass.head.rltTbTypecd;
  return {
    ...pass,
    head: { ...pass.head, rltNo: customsNo },
    related: pass.related.map((related) =>
      related.rltTbTypecd === type ? { ...related, rltNo: customsNo } : related,
    ),
  };
}
