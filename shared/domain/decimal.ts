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

/**
 * A plain decimal as a whole number of units of 10^-scale. Adding, comparing and negating quantities
 * happens several times for every movement posted, so it is done on native BigInts — exact, like
 * decimal.js, at a fraction of the cost of building its objects. Rounding and products stay with
 * decimal.js.
 */
interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

const decimalParts = /^(-?)(\d+)(?:\.(\d+))?$/;
const powersOfTen: bigint[] = [1n];
const powerOfTen = (n: number): bigint => (powersOfTen[n] ??= powerOfTen(n - 1) * 10n);

function partsOf(value: DecimalString): { negative: boolean; whole: string; fraction: string } {
  const parts = decimalParts.exec(value);
  if (!parts) throw new Error(`Not a plain decimal number: "${value}"`);
  return { negative: parts[1] === '-', whole: parts[2] ?? '', fraction: parts[3] ?? '' };
}

function scaledOf(value: DecimalString): Scaled {
  const { negative, whole, fraction } = partsOf(value);
  const magnitude = BigInt(`${whole}${fraction}`);
  return { units: negative ? -magnitude : magnitude, scale: fraction.length };
}

const unitsAt = (value: Scaled, scale: number): bigint => value.units * powerOfTen(scale - value.scale);

function stringOf(units: bigint, scale: number): DecimalString {
  if (units === 0n) return '0';
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString();
  if (scale === 0) return `${sign}${digits}`;
  const padded = digits.padStart(scale + 1, '0');
  const fraction = padded.slice(-scale).replace(/0+$/, '');
  const whole = padded.slice(0, -scale);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

function combine(a: DecimalString, b: DecimalString, sign: 1n | -1n): DecimalString {
  const x = scaledOf(a);
  const y = scaledOf(b);
  const scale = Math.max(x.scale, y.scale);
  return stringOf(unitsAt(x, scale) + sign * unitsAt(y, scale), scale);
}

export function canonicalDecimal(value: DecimalString): DecimalString {
  const { units, scale } = scaledOf(value);
  return stringOf(units, scale);
}

export function addDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return combine(a, b, 1n);
}

export function subtractDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return combine(a, b, -1n);
}

export function negateDecimal(a: DecimalString): DecimalString {
  const { units, scale } = scaledOf(a);
  return stringOf(-units, scale);
}

export function sumDecimals(values: Iterable<DecimalString>): DecimalString {
  let total = '0';
  for (const value of values) total = addDecimal(total, value);
  return total;
}

export function compareDecimal(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  const x = scaledOf(a);
  const y = scaledOf(b);
  const scale = Math.max(x.scale, y.scale);
  const difference = unitsAt(x, scale) - unitsAt(y, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function isZeroDecimal(a: DecimalString): boolean {
  return scaledOf(a).units === 0n;
}

export function isNegativeDecimal(a: DecimalString): boolean {
  return scaledOf(a).units < 0n;
}

/** Decimal places the value really has ("1.50" has 1). */
export function decimalPlacesOf(a: DecimalString): number {
  return partsOf(a).fraction.replace(/0+$/, '').length;
}

/** Digits before the decimal point, leading zeros left out ("0.5" has none, "012.5" two). */
export function integerDigitsOf(a: DecimalString): number {
  return partsOf(a).whole.replace(/^0+/, '').length;
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
