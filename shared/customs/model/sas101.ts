import { z } from 'zod';
import {
  ChangeCount,
  CustomsDate,
  CustomsDateTime,
  digitCode,
  EnterpriseInternalNo,
  EtpsNm,
  Etpsno,
  PositiveAmount,
  PositiveQuantity,
  PositiveUnitPrice,
  Sccd,
  SeqNo,
  text,
  ModfMarkcd,
} from './primitives';

/** 业务类型: A 分送集报 B 外发加工 C 保税展示交易 D 设备检测 E 设备维修 F 模具外发 G 简单加工 H 其他 Y 一纳企业进出区. */
export const BusinessTypecd = z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'Y']);

/** 业务申报表 (SAS101) head, SasDclBsc in the schema form. */
export const Sas101Head = z.object({
  etpsPreentNo: EnterpriseInternalNo,
  /** 申报表预录入编号, known after CommonResponeMessage. */
  sasDclPreentNo: digitCode(18).optional(),
  /** 申报表编号, known once customs has accepted it; needed for a change or closing. */
  sasDclNo: z.string().max(64).optional(),
  chgTmsCnt: ChangeCount,
  masterCuscd: digitCode(4),
  /** 1 备案 2 变更 3 结案. */
  dclTypecd: z.enum(['1', '2', '3']),
  businessTypecd: BusinessTypecd,
  /** 货物流向: the codes are not confirmed (customs-domain.md §1.6; presumably I 入区 / E 出区). */
  directionTypecd: z.string().regex(/^[0-9A-Z]$/),
  areainOriactNo: text(64),
  areaoutOriactNo: z.string().max(64).optional(),
  areainEtpsSccd: Sccd,
  areainEtpsno: Etpsno,
  areainEtpsNm: EtpsNm,
  areaoutEtpsSccd: Sccd.optional(),
  areaoutEtpsno: Etpsno.optional(),
  areaoutEtpsNm: EtpsNm.optional(),
  /** 保证金征收单编号. */
  dpstLevyBlNo: z.string().max(64).optional(),
  /** 有效期. */
  validTime: CustomsDate,
  /** 展示地, for 保税展示交易. */
  exhibitionPlace: z.string().max(512).optional(),
  dclEr: text(256),
  dclTime: CustomsDateTime,
  rmk: z.string().max(512).optional(),
});
export type Sas101Head = z.infer<typeof Sas101Head>;

export const Sas101Line = z.object({
  sasDclSeqno: SeqNo,
  /** 底账商品序号: the book line the authorisation covers. */
  oriactGdsSeqno: SeqNo,
  mtpckEndprdTypecd: z.enum(['I', 'E']),
  gdecd: digitCode(10),
  gdsNm: text(512),
  gdsSpcfModelDesc: text(512),
  dclQty: PositiveQuantity,
  dclUnitcd: digitCode(3),
  dclUprcAmt: PositiveUnitPrice,
  dclTotalAmt: PositiveAmount,
  dclCurrcd: digitCode(3),
  licenceNo: z.string().max(64).optional(),
  licenceValidTime: CustomsDate.optional(),
  gdsMarkcd: z.string().max(4).optional(),
  gdsRmk: z.string().max(512).optional(),
  modfMarkcd: ModfMarkcd,
  rmk: z.string().max(512).optional(),
});
export type Sas101Line = z.infer<typeof Sas101Line>;

export const Sas101Document = z
  .object({ kind: z.literal('SAS101'), head: Sas101Head, lines: z.array(Sas101Line).min(1) })
  .superRefine((document, ctx) => {
    if (document.head.dclTypecd !== '1' && document.head.sasDclNo === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['head', 'sasDclNo'],
        message: 'a change or closing names the form it changes',
      });
  });
export type Sas101Document = z.infer<typeof Sas101Document>;
