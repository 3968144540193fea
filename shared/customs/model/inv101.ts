import { z } from 'zod';
import {
  Amount,
  ChangeCount,
  CustomsDate,
  digitCode,
  EnterpriseInternalNo,
  EtpsNm,
  Etpsno,
  ImpexpMarkcd,
  ModfMarkcd,
  PositiveAmount,
  PositiveQuantity,
  PositiveUnitPrice,
  Quantity,
  Sccd,
  SeqNo,
  text,
} from './primitives';

/**
 * 保税核注清单 (INV101) head, with the customs field names. Rules come from the INV101 schema (lengths)
 * and from a production bridge's validators (customs-domain.md, Appendix); fields customs fills in
 * (status flags, posting times, levyBlAmt) are not part of what we declare.
 */
export const Inv101Head = z
  .object({
    etpsInnerInvtNo: EnterpriseInternalNo,
    /** 预录入统一编号: empty on the first submission, known after CommonResponeMessage. */
    seqNo: digitCode(18).optional(),
    /** 清单编号 QD…, known once customs has accepted the list; needed for a change. */
    bondInvtNo: z.string().length(18).optional(),
    chgTmsCnt: ChangeCount,
    putrecNo: text(64),
    /** 1 备案 2 变更 3 删除. */
    dclTypecd: z.enum(['1', '2', '3']),
    /** 清单类型: 0 普通 1 集报 3 先入区后报关 4 简单加工 5 保税展示交易 6 区内流转 7 区港联动 8 保税电商 9 一纳成品内销. */
    bondInvtTypecd: z.enum(['0', '1', '3', '4', '5', '6', '7', '8', '9']),
    /** 流转类型, transfer lists only. */
    listType: z.enum(['A', 'B', 'C', 'D', 'E']).optional(),
    bizopEtpsSccd: Sccd,
    bizopEtpsno: Etpsno,
    bizopEtpsNm: EtpsNm,
    rvsngdEtpsSccd: Sccd,
    rcvgdEtpsno: Etpsno,
    rcvgdEtpsNm: EtpsNm,
    dclEtpsSccd: Sccd,
    dclEtpsno: Etpsno,
    dclEtpsNm: EtpsNm,
    inputCreditCode: Sccd,
    inputCode: Etpsno,
    inputName: EtpsNm,
    inputTime: CustomsDate,
    invtDclTime: CustomsDate,
    impexpMarkcd: ImpexpMarkcd,
    /** I 料件 / E 成品. */
    mtpckEndprdMarkcd: z.enum(['I', 'E']),
    supvModecd: digitCode(4),
    trspModecd: digitCode(1),
    impexpPortcd: digitCode(4),
    dclPlcCuscd: digitCode(4),
    stshipTrsarvNatcd: digitCode(3),
    /** 1 报关 2 非报关. */
    dclcusFlag: z.enum(['1', '2']),
    /** 1 生成报关单 2 不生成. */
    genDecFlag: z.enum(['1', '2']),
    /** 报关单类型, required when a declaration is generated. */
    decType: z
      .string()
      .regex(/^[0-9A-Z]$/)
      .optional(),
    /** 1 关联报关 2 对应报关, required when dclcusFlag is 1. */
    dclcusTypecd: z.enum(['1', '2']).optional(),
    entryNo: z.string().max(64).optional(),
    corrEntryDclEtpsSccd: Sccd.optional(),
    corrEntryDclEtpsNo: Etpsno.optional(),
    corrEntryDclEtpsNm: EtpsNm.optional(),
    rltInvtNo: z.string().max(64).optional(),
    rltPutrecNo: z.string().max(64).optional(),
    rltEntryNo: z.string().max(64).optional(),
    rltEntryBizopEtpsSccd: Sccd.optional(),
    rltEntryBizopEtpsno: Etpsno.optional(),
    rltEntryBizopEtpsNm: EtpsNm.optional(),
    rltEntryRvsngdEtpsSccd: Sccd.optional(),
    rltEntryRcvgdEtpsno: Etpsno.optional(),
    rltEntryRcvgdEtpsNm: EtpsNm.optional(),
    rltEntryDclEtpsSccd: Sccd.optional(),
    rltEntryDclEtpsno: Etpsno.optional(),
    rltEntryDclEtpsNm: EtpsNm.optional(),
    /** 申请表编号: links a 简单加工 or 保税展示交易 list to its SAS101. */
    applyNo: z.string().max(64).optional(),
    icCardNo: z.string().max(32).optional(),
    rmk: z.string().max(4000).optional(),
  })
  .superRefine((head, ctx) => {
    const need = (field: keyof typeof head, why: string) => {
      if (head[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: why });
    };
    if (head.genDecFlag === '1') need('decType', 'required when a declaration is generated (genDecFlag 1)');
    if (head.dclcusFlag === '1') need('dclcusTypecd', 'required for a declared list (dclcusFlag 1)');
    if (head.dclcusTypecd === '2') {
      for (const field of ['corrEntryDclEtpsSccd', 'corrEntryDclEtpsNo', 'corrEntryDclEtpsNm'] as const)
        need(field, 'required for 对应报关 (dclcusTypecd 2)');
    }
    if (head.dclcusTypecd === '1') {
      for (const field of [
        'rltEntryBizopEtpsSccd',
        'rltEntryBizopEtpsno',
        'rltEntryBizopEtpsNm',
        'rltEntryRvsngdEtpsSccd',
        'rltEntryRcvgdEtpsno',
        'rltEntryRcvgdEtpsNm',
        'rltEntryDclEtpsSccd',
        'rltEntryDclEtpsno',
        'rltEntryDclEtpsNm',
      ] as const)
        need(field, 'required for 关联报关 (dclcusTypecd 1)');
    }
    if (head.dclTypecd !== '1') need('bondInvtNo', 'a change or deletion names the list it changes');
    if (head.dclTypecd === '1' && head.chgTmsCnt !== 0)
      ctx.addIssue({ code: 'custom', path: ['chgTmsCnt'], message: 'a first filing has chgTmsCnt 0' });
  });
export type Inv101Head = z.infer<typeof Inv101Head>;

/** 保税核注清单 line. */
export const Inv101Line = z
  .object({
    gdsSeqno: SeqNo,
    /** 报关单商品序号. */
    entryGdsSeqno: SeqNo,
    /** 备案序号 (book line); absent when the line creates a new book line. */
    putrecSeqno: SeqNo.optional(),
    gdsMtno: text(32),
    gdecd: digitCode(10),
    gdsNm: text(512),
    gdsSpcfModelDesc: text(512),
    dclUnitcd: digitCode(3),
    lawfUnitcd: digitCode(3),
    secdLawfUnitcd: digitCode(3).optional(),
    dclQty: PositiveQuantity,
    lawfQty: PositiveQuantity,
    secdLawfQty: PositiveQuantity.optional(),
    dclUprcAmt: PositiveUnitPrice,
    dclTotalAmt: PositiveAmount,
    usdStatTotalAmt: Amount.optional(),
    dclCurrcd: digitCode(3),
    natcd: digitCode(3),
    destinationNatcd: digitCode(3),
    /** 征免方式 1–9. */
    lvyrlfModecd: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9']),
    /** 危化品标志. */
    clyMarkcd: z.enum(['0', '1']),
    wtSfVal: Quantity.optional(),
    fstSfVal: Quantity.optional(),
    secdSfVal: Quantity.optional(),
    grossWt: Quantity.optional(),
    netWt: Quantity.optional(),
    ucnsVerno: z.string().max(8).optional(),
    useCd: z.enum(['0', '1', '2', '3']).optional(),
    applyTbSeqno: SeqNo.optional(),
    modfMarkcd: ModfMarkcd,
    rmk: z.string().max(4000).optional(),
    /** 来源标识 1–4. */
    param1: z.enum(['1', '2', '3', '4']).optional(),
  })
  .superRefine((line, ctx) => {
    if ((line.secdLawfUnitcd === undefined) !== (line.secdLawfQty === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['secdLawfQty'],
        message: 'the second legal unit and its quantity come together',
      });
  });
export type Inv101Line = z.infer<typeof Inv101Line>;

/** 出入库单 consolidated by a 集报 list (SasCentDclStock). */
export const Inv101CentralStock = z.object({ sasStockNo: z.string().length(18) });

export const Inv101Document = z
  .object({
    kind: z.literal('INV101'),
    head: Inv101Head,
    lines: z.array(Inv101Line).min(1),
    centralStocks: z.array(Inv101CentralStock).default([]),
  })
  .superRefine((document, ctx) => {
    const seen = new Set<number>();
    document.lines.forEach((line, index) => {
      if (seen.has(line.gdsSeqno))
        ctx.addIssue({ code: 'custom', path: ['lines', index, 'gdsSeqno'], message: 'gdsSeqno repeats' });
      seen.add(line.gdsSeqno);
    });
  });
export type Inv101Document = z.infer<typeof Inv101Document>;
