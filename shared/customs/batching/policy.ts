import { z } from 'zod';

/**
 * How pending movements become customs documents. Only the choices a compliance officer may make are
 * here; every other grouping rule follows from the customs facts of each movement kind (kinds.ts).
 */
export const CollectivePeriod = z.enum(['month', 'halfMonth', 'week']);
export type CollectivePeriod = z.infer<typeof CollectivePeriod>;

export const BatchingPolicy = z.object({
  /**
   * Most lines per document. 50 is the most a generated customs declaration holds, so a list that
   * generates one must not have more.
   */
  lineLimit: z.number().int().min(1).max(50),
  /** How long 分送集报 dispatches and display sales are collected before one collective list declares them. */
  collectivePeriod: CollectivePeriod,
});
export type BatchingPolicy = z.infer<typeof BatchingPolicy>;

export const defaultBatchingPolicy: BatchingPolicy = { lineLimit: 50, collectivePeriod: 'month' };

const positiveDecimal = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,13})(\.[0-9]{1,5})?$/)
  .refine((v) => /[1-9]/.test(v));

/**
 * What a document needs that no movement records: who declares, how goods travel, the truck at the
 * gate. Set once in Settings; the defaults below are placeholders to be confirmed per enterprise.
 */
export const DeclarationSettings = z.object({
  /** 操作员海关十位编码 of the IC card holder; the enterprise's own code when not set. */
  operCusRegCode: z
    .string()
    .regex(/^[0-9A-Z]{10}$/)
    .optional(),
  icCardNo: z.string().max(32).optional(),
  /** 申报人及联系方式 on gate passes. */
  dclErConc: z.string().min(1).max(256),
  /** EnvelopInfo sender and receiver (4–16 characters). */
  senderId: z.string().min(4).max(16).optional(),
  receiverId: z.string().min(4).max(16),
  /** 运输方式 for goods crossing the first line (abroad) and for everything else. */
  trspModecdAbroad: z.string().regex(/^[0-9A-Z]$/),
  trspModecdOther: z.string().regex(/^[0-9A-Z]$/),
  /** 料件成品标记: I 料件 for a logistics book. */
  mtpckEndprdMarkcd: z.enum(['I', 'E']),
  /** The truck on the gate pass; the operator corrects it before the goods move [INF]. */
  vehicleNo: z.string().min(1).max(64),
  vehicleWt: positiveDecimal,
  vehicleFrameWt: positiveDecimal.optional(),
  /** 1 一车多票 2 一票一车 3 一票多车. */
  bindTypecd: z.enum(['1', '2', '3']),
  /** Kilograms per declared unit when the item master gives none: an estimate for the gate scale. */
  defaultUnitGrossWt: positiveDecimal,
  defaultUnitNetWt: positiveDecimal,
  /**
   * 展示地 of a 保税展示交易 form when the display movement names no venue (counterparty): a placeholder
   * the officer replaces with the real site.
   */
  exhibitionPlace: z.string().min(1).max(512).default('区外保税展示场所（待定）'),
});
export type DeclarationSettings = z.infer<typeof DeclarationSettings>;

export const defaultDeclarationSettings: DeclarationSettings = {
  dclErConc: 'Zonebook',
  receiverId: 'DXPEDCCUS0000001',
  // 5 航空运输: the Beijing zones sit at the airports; 9 其他方式运输 for the second line and transfers.
  trspModecdAbroad: '5',
  trspModecdOther: '9',
  mtpckEndprdMarkcd: 'I',
  vehicleNo: '待定',
  vehicleWt: '1',
  bindTypecd: '2',
  defaultUnitGrossWt: '1',
  defaultUnitNetWt: '1',
  exhibitionPlace: '区外保税展示场所（待定）',
};

/** Gross and net kilograms of one declared unit of a book line. */
export interface UnitWeight {
  readonly grossWt: string;
  readonly netWt: string;
}
