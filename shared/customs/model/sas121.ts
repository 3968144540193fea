import { z } from 'zod';
import {
  ChangeCount,
  CustomsDateTime,
  digitCode,
  EnterpriseInternalNo,
  EtpsNm,
  Etpsno,
  ImpexpMarkcd,
  PositiveQuantity,
  Quantity,
  Sccd,
  SeqNo,
  text,
} from './primitives';

/** 关联单证类型: 1 核注清单 2 出入库单 3 提运单. */
export const RltTbTypecd = z.enum(['1', '2', '3']);

/** 核放单 (SAS121) head: PassportHead in the import form, SasPassportBsc in the schema form. */
export const Sas121Head = z.object({
  etpsPreentNo: EnterpriseInternalNo,
  /** 预录入统一编号, known after CommonResponeMessage. */
  seqNo: digitCode(18).optional(),
  /** 核放单编号 (24), known once customs has accepted the pass. */
  passportNo: z.string().length(24).optional(),
  chgTmsCnt: ChangeCount,
  rltTbTypecd: RltTbTypecd,
  rltNo: text(64),
  /** 1 备案 3 作废. */
  dclTypecd: z.enum(['1', '3']),
  ioTypecd: ImpexpMarkcd,
  /** 1 先入区后报关 2 一线一体化 3 二线 4 非报关 5 卡口登记货物 6 空车. */
  passportTypecd: z.enum(['1', '2', '3', '4', '5', '6']),
  /** 1 一车多票 2 一票一车 3 一票多车. */
  bindTypecd: z.enum(['1', '2', '3']),
  masterCuscd: digitCode(4),
  areainOriactNo: z.string().max(64).optional(),
  areainEtpsSccd: Sccd,
  areainEtpsno: Etpsno,
  areainEtpsNm: EtpsNm,
  dclEtpsSccd: Sccd,
  dclEtpsno: Etpsno,
  dclEtpsNm: EtpsNm,
  inputSccd: Sccd,
  inputCode: Etpsno,
  inputName: EtpsNm,
  vehicleNo: text(64),
  vehicleIcNo: z.string().max(64).optional(),
  vehicleWt: PositiveQuantity,
  vehicleFrameWt: Quantity.optional(),
  vehicleFrameNo: z.string().max(64).optional(),
  containerNo: z.string().max(64).optional(),
  containerWt: Quantity.optional(),
  containerType: z.string().max(32).optional(),
  totalGrossWt: PositiveQuantity,
  totalNetWt: PositiveQuantity,
  /** Vehicle, frame and goods together, as the gate scale weighs them. */
  totalWt: PositiveQuantity,
  dclErConc: text(256),
  dclTime: CustomsDateTime,
  rmk: z.string().max(512).optional(),
  /** 到货确认标志 1 是 0 否. */
  col1: z.enum(['0', '1']).optional(),
});
export type Sas121Head = z.infer<typeof Sas121Head>;

export const Sas121Line = z.object({
  passportSeqNo: SeqNo,
  /** The line of the related document (核注清单 gdsSeqno, 出入库单 sasStockSeqno). */
  rltGdsSeqno: SeqNo,
  gdsMtno: text(32),
  gdecd: digitCode(10),
  gdsNm: text(512),
  dclUnitcd: digitCode(3),
  dclQty: PositiveQuantity,
  grossWt: PositiveQuantity,
  netWt: PositiveQuantity,
  rmk: z.string().max(512).optional(),
});
export type Sas121Line = z.infer<typeof Sas121Line>;

/** A related document of the pass (PassportAcmp / SasPassportRlt). */
export const Sas121Related = z.object({ rltTbTypecd: RltTbTypecd, rltNo: text(64) });
export type Sas121Related = z.infer<typeof Sas121Related>;

export const Sas121Document = z
  .object({
    kind: z.literal('SAS121'),
    head: Sas121Head,
    /** An empty-vehicle pass (passportTypecd 6) has no goods. */
    lines: z.array(Sas121Line),
    related: z.array(Sas121Related).min(1),
  })
  .superRefine((document, ctx) => {
    if (document.head.passportTypecd !== '6' && document.lines.length === 0)
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'a goods pass lists its goods' });
  });
export type Sas121Document = z.infer<typeof Sas121Document>;
