import { z } from 'zod';
import { multiplyDecimal, QUANTITY_DECIMALS, type DecimalString } from './decimal';
import { customsDateField, decimalField, fixedDigits, recordId, requiredText } from './field-rules';
import { UnitPrice } from './quantities';

/** 比例因子: how many legal units one declared unit makes (a positive decimal). */
const conversionFactor = (label: string) => decimalField(label, { maxDecimals: 9, sign: 'positive' });

/**
 * A line of the book, one per 备案序号 (BwsDt in customs-domain.md §1.4). Field names are the customs ones
 * so the code reads beside the messages. Quantities are not here: they live in the ledger's balances.
 */
export const BookLine = z
  .object({
    id: recordId('Book line id (id)'),
    bookId: recordId('Book (bookId)'),
    gdsSeqno: z
      .number({ error: 'Book line number (gdsSeqno) is required and must be a whole number' })
      .int('Book line number (gdsSeqno) must be a whole number')
      .positive('Book line number (gdsSeqno) must be 1 or more'),
    gdsMtno: requiredText('Item number (gdsMtno)', 32),
    gdecd: fixedDigits('HS code (gdecd)', 10),
    gdsNm: requiredText('Goods name (gdsNm)', 512),
    gdsSpcfModelDesc: requiredText('Specification and model (gdsSpcfModelDesc)', 512),
    dclUnitcd: fixedDigits('Declared unit (dclUnitcd)', 3),
    lawfUnitcd: fixedDigits('Legal unit (lawfUnitcd)', 3),
    /** Legal quantity = declared quantity × fstSfVal [INF from the INV101 field names]. */
    fstSfVal: conversionFactor('Declared-to-legal unit factor (fstSfVal)'),
    secdLawfUnitcd: fixedDigits('Second legal unit (secdLawfUnitcd)', 3).optional(),
    secdSfVal: conversionFactor('Declared-to-second-legal unit factor (secdSfVal)').optional(),
    natcd: fixedDigits('Country of origin (natcd)', 3),
    dclCurrcd: fixedDigits('Currency (dclCurrcd)', 3),
    dclUprcAmt: UnitPrice,
    barcode: requiredText('Barcode (barcode)', 64).optional(),
    /** 存储(监管)期限. */
    limitDate: customsDateField('Storage limit date (limitDate)').optional(),
  })
  .superRefine((line, ctx) => {
    if (line.secdLawfUnitcd !== undefined && line.secdSfVal === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['secdSfVal'],
        message:
          'Declared-to-second-legal unit factor (secdSfVal) is required when a second legal unit is given',
      });
    }
    if (line.secdLawfUnitcd === undefined && line.secdSfVal !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['secdLawfUnitcd'],
        message: 'Second legal unit (secdLawfUnitcd) is required when its factor (secdSfVal) is given',
      });
    }
    if (line.dclUnitcd === line.lawfUnitcd && line.fstSfVal !== '1') {
      ctx.addIssue({
        code: 'custom',
        path: ['fstSfVal'],
        message: `Declared-to-legal unit factor (fstSfVal) must be 1 when both units are ${line.dclUnitcd}, got ${line.fstSfVal}`,
      });
    }
  });
export type BookLine = z.infer<typeof BookLine>;

/** The legal quantity (lawfQty) of a declared quantity, at customs precision. */
export function lawfQtyOf(line: Pick<BookLine, 'fstSfVal'>, dclQty: DecimalString): DecimalString {
  return multiplyDecimal(dclQty, line.fstSfVal, QUANTITY_DECIMALS);
}

/** The second legal quantity (secdLawfQty), when the line has a second legal unit. */
export function secdLawfQtyOf(
  line: Pick<BookLine, 'secdSfVal'>,
  dclQty: DecimalString,
): DecimalString | undefined {
  return line.secdSfVal === undefined
    ? undefined
    : multiplyDecimal(dclQty, line.secdSfVal, QUANTITY_DECIMALS);
}
