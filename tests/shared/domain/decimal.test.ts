import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  canonicalDecimal,
  compareDecimal,
  decimalPlacesOf,
  formatDecimal,
  integerDigitsOf,
  isNegativeDecimal,
  isZeroDecimal,
  multiplyDecimal,
  negateDecimal,
  roundDecimal,
  subtractDecimal,
  sumDecimals,
  toDecimal,
} from '../../../shared/domain';

/** A scaled integer in units of 10^-5, written as a 5-decimal string the way a worker might type it. */
function fromScaled(scaled: bigint): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(6, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -5)}.${digits.slice(-5)}`;
}

// decimal(19,5): up to 14 integer digits.
const scaledQuantity = fc.bigInt({ min: -(10n ** 19n) + 1n, max: 10n ** 19n - 1n });

describe('decimal arithmetic', () => {
  it('never loses a digit: summing 5-decimal quantities equals integer arithmetic on scaled BigInts', () => {
    fc.assert(
      fc.property(fc.array(scaledQuantity, { maxLength: 200 }), (values) => {
        const exact = values.reduce((a, b) => a + b, 0n);
        expect(sumDecimals(values.map(fromScaled))).toBe(canonicalDecimal(fromScaled(exact)));
      }),
      { numRuns: 300 },
    );
  });

  it('adds, subtracts and negates exactly', () => {
    fc.assert(
      fc.property(scaledQuantity, scaledQuantity, (a, b) => {
        expect(addDecimal(fromScaled(a), fromScaled(b))).toBe(canonicalDecimal(fromScaled(a + b)));
        expect(subtractDecimal(fromScaled(a), fromScaled(b))).toBe(canonicalDecimal(fromScaled(a - b)));
        expect(negateDecimal(fromScaled(a))).toBe(canonicalDecimal(fromScaled(-a)));
        expect(compareDecimal(fromScaled(a), fromScaled(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });

  it('shows the float error it avoids', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
  });

  it('spells every value one way: no trailing zeros, no -0', () => {
    expect(canonicalDecimal('010.50000')).toBe('10.5');
    expect(negateDecimal('0')).toBe('0');
    expect(subtractDecimal('1.5', '1.50')).toBe('0');
    expect(isZeroDecimal('0.00000')).toBe(true);
    expect(isNegativeDecimal('-0')).toBe(false);
    expect(isNegativeDecimal('-0.00001')).toBe(true);
  });

  it('rounds half up to customs precision and formats fixed places', () => {
    expect(roundDecimal('2.345', 2)).toBe('2.35');
    expect(roundDecimal('-2.345', 2)).toBe('-2.35');
    expect(multiplyDecimal('3', '12.3456', 2)).toBe('37.04');
    expect(multiplyDecimal('0.333335', '1', 5)).toBe('0.33334');
    expect(formatDecimal('12.5', 5)).toBe('12.50000');
    expect(formatDecimal('-0.000001', 5)).toBe('0.00000');
  });

  it('refuses anything that is not a plain decimal string', () => {
    for (const bad of ['1e5', '', ' 1', '+1', '1.', '.5', 'NaN', 'Infinity', '1,5']) {
      expect(() => toDecimal(bad), bad).toThrow(/Not a plain decimal number/);
    }
  });
});

describe('decimal arithmetic at any scale', () => {
  // Plain decimal strings with 0–8 places, leading and trailing zeros included, as imports may spell them.
  const plain = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }))
    .map(([negative, units, scale]) => {
      const digits = units.toString().padStart(scale + 1, '0');
      const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
      return `${negative ? '-' : ''}${text}`;
    });
  const reference = (value: string) => toDecimal(value);
  const spelled = (value: ReturnType<typeof toDecimal>) => (value.isZero() ? '0' : value.toFixed());

  it('agrees with decimal.js on sums, differences, negations, comparisons and signs', () => {
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        expect(addDecimal(a, b)).toBe(spelled(reference(a).plus(reference(b))));
        expect(subtractDecimal(a, b)).toBe(spelled(reference(a).minus(reference(b))));
        expect(negateDecimal(a)).toBe(spelled(reference(a).negated()));
        expect(canonicalDecimal(a)).toBe(spelled(reference(a)));
        expect(compareDecimal(a, b)).toBe(reference(a).comparedTo(reference(b)));
        expect(isZeroDecimal(a)).toBe(reference(a).isZero());
        expect(isNegativeDecimal(a)).toBe(reference(a).isNegative() && !reference(a).isZero());
        expect(decimalPlacesOf(a)).toBe(reference(a).decimalPlaces());
      }),
      { numRuns: 1_000 },
    );
  });

  it('counts integer digits without leading zeros', () => {
    expect(integerDigitsOf('0.5')).toBe(0);
    expect(integerDigitsOf('012.5')).toBe(2);
    expect(integerDigitsOf('-123456')).toBe(6);
  });
});
