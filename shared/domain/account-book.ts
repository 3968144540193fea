import { z } from 'zod';
import {
  bookTypeCode,
  customsDateField,
  fixedDigits,
  patternCode,
  recordId,
  requiredText,
} from './field-rules';

/**
 * 手(账)册编号: 12 characters, a book letter then 11 letters or digits, e.g. T3111W000076
 * (customs-domain.md §1.3, [C-3p] from a declaration front-end's validation rules).
 */
export const PutrecNo = patternCode(
  'Account book number (putrecNo)',
  /^[BCDEHLTW][A-Za-z0-9]{11}$/,
  '12 characters: B, C, D, E, H, L, T or W followed by 11 letters or digits (like T3111W000076)',
);

/** The e-account book (电子账册) customs holds the enterprise to. Dates are customs dates, yyyyMMdd. */
export const AccountBook = z
  .object({
    id: recordId('Book id (id)'),
    putrecNo: PutrecNo,
    bwlTypecd: bookTypeCode('Book type (bwlTypecd)'),
    masterCuscd: fixedDigits('Master customs office (masterCuscd)', 4),
    ownerEnterpriseId: recordId('Owner enterprise (ownerEnterpriseId)'),
    name: requiredText('Book name (name)', 256).optional(),
    validFrom: customsDateField('Valid from (validFrom)'),
    /** 结束有效日期, the last day the book may be used. */
    finishValidDate: customsDateField('Valid until (finishValidDate)'),
  })
  .refine((book) => book.validFrom <= book.finishValidDate, {
    path: ['finishValidDate'],
    error: 'Valid until (finishValidDate) must not be before Valid from (validFrom)',
  });
export type AccountBook = z.infer<typeof AccountBook>;

/** Whether a customs date (yyyyMMdd) falls inside the book's validity, both ends included. */
export function isWithinBookValidity(book: Pick<AccountBook, 'validFrom' | 'finishValidDate'>, date: string) {
  return date >= book.validFrom && date <= book.finishValidDate;
}
