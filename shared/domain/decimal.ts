import DecimalJs from 'decimal.js';

/**
 * Decimal arithmetic for quantities and money. Values travel and are stored as strings ("12.5"), never
 * as JavaScript numbers, so no float rounding can creep in between the scanner and the customs message.
 *
 * A dedicated clone keeps our settings away from any other decimal.js user in the process. Customs
 * quantities are decimal(19,5) and amounts decimal(25,5); 60 significant digits leave room for summing
 * millions of them with no rounding at all, so addition and subtraction here are exact.
 */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Decimal = InstanceType<typeof Decimal>;

/** A decimal number written as a plain string: optional minus, digits, optional fraction. No exponent. */
export type DecimalString = string;

/** Customs precision (INV101 validators and the BwsDt columns, customs-domain.md §1.4–1.5). */
export const QUANTITY_DECIMALS = 5;
export const UNIT_PRICE_DECIMALS = 4;
export const TOTAL_DECIMALS = 2;

const plainDecimal = /^-?\d+(\.\d+)?$/;

export function isDecimalString(value: string): boolean {
  return plainDecimal.test(value);
}

export function toDecimal(value: DecimalString): Decimal {
  if (!plainDecimal.test(value)) throw new Error(`Not a plain decimal number: "${value}"`);
  return new Decimal(value);
}

/** The one spelling of a value: no trailing zeros, no "+", no "-0". Hashes and balance rows rely on it. */
export function fromDecimal(value: Decimal): DecimalString {
  return value.isZero() ? '0' : value.toFixed();
}

export function canonicalDecimal(value: DecimalString): DecimalString {
  return fromDecimal(toDecimal(value));
}

export function addDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return fromDecimal(toDecimal(a).plus(toDecimal(b)));
}

export function subtractDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return fromDecimal(toDecimal(a).minus(toDecimal(b)));
}

export function negateDecimal(a: DecimalString): DecimalString {
  return fromDecimal(toDecimal(a).negated());
}

export function sumDecimals(values: Iterable<DecimalString>): DecimalString {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(toDecimal(value));
  return fromDecimal(total);
}

export function compareDecimal(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  return toDecimal(a).comparedTo(toDecimal(b)) as -1 | 0 | 1;
}

export function isZeroDecimal(a: DecimalString): boolean {
  return toDecimal(a).isZero();
}

export function isNegativeDecimal(a: DecimalString): boolean {
  const value = toDecimal(a);
  return value.isNegative() && !value.isZero();
}

/** Decimal places the value really has ("1.50" has 1). */
export function decimalPlacesOf(a: DecimalString): number {
  return toDecimal(a).decimalPlaces();
}

/** Rounds half up to `decimals` places: customs rounds totals to the fen this way. */
export function roundDecimal(a: DecimalString, decimals: number): DecimalString {
  return fromDecimal(toDecimal(a).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
}

/** Product rounded half up to `decimals` places (quantity × unit price → total at 2 places). */
export function multiplyDecimal(a: DecimalString, b: DecimalString, decimals: number): DecimalString {
  return fromDecimal(toDecimal(a).times(toDecimal(b)).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
}

/** For display and for customs messages: exactly `decimals` places, half-up ("12.5" → "12.50000"). */
export function formatDecimal(a: DecimalString, decimals: number): string {
  const value = toDecimal(a).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return value.isZero() ? new Decimal(0).toFixed(decimals) : value.toFixed(decimals);
}
