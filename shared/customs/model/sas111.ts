import { z } from 'zod';
import { BusinessTypecd } from './sas101';
import {
  Amount,
  ChangeCount,
  CustomsDateTime,
  digitCode,
  EnterpriseInternalNo,
  EtpsNm,
  Etpsno,
  PositiveAmount,
  PositiveQuantity,
  PositiveUnitPrice,
  Quantity,
  Sccd,
  SeqNo,
  text,
} from './primitives';

/** 出入库单 (SAS111) head, SasStockBsc in the schema form. */
export const Sas111Head = z.object({
  etpsPreentNo: EnterpriseInternalNo,
  sasStockPreentNo: digitCode(18).optional(),
  sasStockNo: z.string().max(64).optional(),
  chgTmsCnt: ChangeCount,
  /** 1 备案 2 变更 3 作废. */
  dclTypecd: z.enum(['1', '2', '3']),
  /** The 业务申报表 this slip draws on. */
  sasDclNo: text(64),
  masterCuscd: digitCode(4),
  /**
   * 区内账册 and 区内企业: only the import form carries them (StockHead, customs-domain.md §1.3 [C-3p]); the
   * 2017 SasStockBsc has no such fields, so the schema form leaves them out.
   */
  areainOriactNo: z.string().max(64).optional(),
  areainEtpsSccd: Sccd.optional(),
  areainEtpsno: Etpsno.optional(),
  areainEtpsNm: EtpsNm.optional(),
  /** I 进区 E 出区. */
  stockTypecd: z.enum(['I', 'E']),
  rltBondInvtNo: z.string().max(64).optional(),
  businessTypecd: BusinessTypecd,
  /** 集报标志 1 未集报 2 已集报. */
  centralizedDclTypecd: z.enum(['1', '2']).optional(),
  rltSasStockNo: z.string().max(64).optional(),
  dclEr: text(256),
  dclTime: CustomsDateTime,
  packageQty: Quantity.optional(),
  grossWt: PositiveQuantity,
  netWt: PositiveQuantity,
  packType: z.string().max(32).optional(),
  rmk: z.string().max(512).optional(),
});
export type Sas111Head = z.infer<typeof Sas111Head>;

export const Sas111Line = z.object({
  sasStockSeqno: SeqNo,
  /** The 申报表 line this slip line draws on. */
  sasDclSeqno: SeqNo,
  /** 底账商品序号. */
  oriactGdsSeqno: SeqNo,
  gdsMtno: text(32),
  gdecd: digitCode(10),
  gdsNm: text(512),
  gdsSpcfModelDesc: text(512),
  dclUnitcd: digitCode(3),
  lawfUnitcd: digitCode(3),
  secdLawfUnitcd: digitCode(3).optional(),
  natcd: digitCode(3),
  dclUprcAmt: PositiveUnitPrice,
  dclTotalAmt: PositiveAmount,
  usdStatTotalAmt: Amount.optional(),
  dclCurrcd: digitCode(3),
  lawfQty: PositiveQuantity,
  secdLawfQty: PositiveQuantity.optional(),
  dclQty: PositiveQuantity,
  grossWt: Quantity.optional(),
  netWt: Quantity.optional(),
  useCd: z.enum(['0', '1', '2', '3']).optional(),
  lvyrlfModecd: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9']),
  ucnsVerno: z.string().max(8).optional(),
  clyMarkcd: z.enum(['0', '1']).optional(),
  rmk: z.string().max(512).optional(),
});
export type Sas111Line = z.infer<typeof Sas111Line>;

export const Sas111Document = z.object({
  kind: z.literal('SAS111'),
  head: Sas111Head,
  lines: z.array(Sas111Line).min(1),
});
export type Sas111Document = z.infer<typeof Sas111Document>;
