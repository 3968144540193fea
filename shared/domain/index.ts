/**
 * Value types and zod schemas of the bonded-zone domain: decimal quantities and money, enterprises,
 * account books, book lines and locations. Messages name the field (in words and by its customs name)
 * and the rule, so a worker can fix the input without asking.
 */
export * from './decimal';
export { Quantity, SignedQuantity, TotalAmount, UnitPrice } from './quantities';
export {
  customsDateField,
  decimalField,
  fixedDigits,
  isCalendarDate,
  recordId,
  requiredText,
} from './field-rules';
export type { DecimalSign } from './field-rules';
export { fieldErrorsOf, fieldPath } from './field-error';
export type { FieldError } from './field-error';
export { newId } from './ids';
export { ZONE_TIME_ZONE, customsDateOf, utcInstant } from './customs-date';
export { AeoLevel, Enterprise, Etpsno, Sccd, sccdCheckCharacter } from './enterprise';
export { AccountBook, PutrecNo, isWithinBookValidity } from './account-book';
export { BookLine, lawfQtyOf, secdLawfQtyOf } from './book-line';
export { validateBookLineCodes } from './book-line-codes';
export { Location } from './location';
