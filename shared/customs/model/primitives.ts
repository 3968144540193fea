import { z } from 'zod';

/**
 * Value types shared by the customs documents. Quantities and money travel as decimal strings so that
 * no float ever rounds a customs figure; the digit limits are those of the customs schemas
 * (decimal(19,5) for quantities, decimal(25,5) for amounts) narrowed by customs' own rules
 * (unit prices ≤ 4 decimals, totals 2).
 */
const decimalText = (integerDigits: number, fractionDigits: number) =>
  z
    .string()
    .regex(
      new RegExp(`^(0|[1-9][0-9]{0,${integerDigits - 1}})(\\.[0-9]{1,${fractionDigits}})?$`),
      `a non-negative decimal with at most ${integerDigits} integer and ${fractionDigits} fraction digits`,
    );

const positive = (schema: z.ZodString) =>
  schema.refine((value) => /[1-9]/.test(value), 'must be greater than zero');

/** A quantity or weight: ≤ 5 decimals. */
export const Quantity = decimalText(14, 5);
export const PositiveQuantity = positive(decimalText(14, 5));
/** A declared unit price: ≤ 4 decimals. */
export const PositiveUnitPrice = positive(decimalText(20, 4));
/** A declared total: ≤ 2 decimals. */
export const Amount = decimalText(20, 2);
export const PositiveAmount = positive(decimalText(20, 2));

/** A sequence number (商品序号, 备案序号…): a positive integer as customs counts. */
export const SeqNo = z.number().int().min(1).max(999_999_999);
/** chgTmsCnt: 0 on first filing, +1 per change. */
export const ChangeCount = z.number().int().min(0).max(9_999);

/** A code of exactly `length` digits (customs district 4, country 3, unit 3, currency 3…). */
export const digitCode = (length: number) =>
  z.string().regex(new RegExp(`^[0-9]{${length}}$`), `${length} digits`);

/** Free text limited by the schema; blank text is not a value. */
export const text = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .refine((value) => value.trim() !== '', 'must not be blank');

/** 统一社会信用代码: 18 characters. */
export const Sccd = z.string().regex(/^[0-9A-Z]{18}$/, '18 characters (统一社会信用代码)');
/** 海关十位编码: 10 characters. */
export const Etpsno = z.string().regex(/^[0-9A-Z]{10}$/, '10 characters (海关编码)');
export const EtpsNm = text(512);

/** A customs date in the import form's style, yyyyMMdd. */
export const CustomsDate = z
  .string()
  .regex(/^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$/, 'a date as yyyyMMdd');
/** A customs date-time as customs writes it in messages: yyyy-MM-dd HH:mm:ss. */
export const CustomsDateTime = z
  .string()
  .regex(
    /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/,
    'a date-time as yyyy-MM-dd HH:mm:ss',
  );

/**
 * The enterprise-internal number (企业内部编号). The caller mints it once, when the document is created,
 * and it stays the same through every retry: customs refuses a reused one as a duplicate, which is what
 * makes it an idempotency key.
 */
export const EnterpriseInternalNo = z
  .string()
  .regex(/^[\x21-\x7e\u4e00-\u9fff]{1,64}$/, 'up to 64 characters, no spaces');

export const ImpexpMarkcd = z.enum(['I', 'E']);
export const ModfMarkcd = z.enum(['0', '1', '2', '3']);
