import { z } from 'zod';
import { isKnownBookType } from '../codes/lookups';
import {
  QUANTITY_DECIMALS,
  canonicalDecimal,
  compareDecimal,
  decimalPlacesOf,
  integerDigitsOf,
  isDecimalString,
} from './decimal';

/**
 * Building blocks for schemas whose messages a warehouse worker can act on: every message names the
 * field in words and by its customs name, states the rule, and shows what was typed.
 * `label` is always "Words (customsName)", e.g. "HS code (gdecd)".
 */

const shown = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

function expected(label: string, what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `${label} is required`
      : `${label} must be ${what}, got ${shown(issue.input)}`;
}

export function requiredText(label: string, maxLength: number) {
  return z
    .string({ error: expected(label, 'text') })
    .trim()
    .min(1, `${label} is required`)
    .max(maxLength, `${label} may have at most ${maxLength} characters`);
}

/** Exactly `length` digits, e.g. the 10-digit HS code or a 3-digit unit code. */
export function fixedDigits(label: string, length: number) {
  return z.string({ error: expected(label, `${length} digits`) }).superRefine((value, ctx) => {
    if (!/^\d*$/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} must be exactly ${length} digits, got ${shown(value)} which has characters other than digits`,
      });
    } else if (value.length !== length) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} must be exactly ${length} digits, got ${value.length}`,
      });
    }
  });
}

/** A code checked by a pattern; `rule` finishes the sentence "… must be …". */
export function patternCode(label: string, pattern: RegExp, rule: string) {
  return z
    .string({ error: expected(label, rule) })
    .regex(pattern, { error: (issue) => `${label} must be ${rule}, got ${shown(issue.input)}` });
}

export function recordId(label: string) {
  return z.uuidv7({ error: (issue) => `${label} must be a record id (UUIDv7), got ${shown(issue.input)}` });
}

export function customsDateField(label: string) {
  return z.string({ error: expected(label, 'a date written yyyyMMdd') }).superRefine((value, ctx) => {
    if (!isCalendarDate(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} must be a real date written yyyyMMdd, got ${shown(value)}`,
      });
    }
  });
}

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function bookTypeCode(label: string) {
  return z.string({ error: expected(label, 'a 区域场所类别 code') }).refine(isKnownBookType, {
    error: (issue) =>
      `${label} must be a known 区域场所类别 code (Z for a comprehensive bonded zone), got ${shown(issue.input)}`,
  });
}

export type DecimalSign = 'positive' | 'nonZero' | 'nonNegative';

/**
 * A decimal written as a string, within customs precision. The output is the canonical spelling, so
 * "10.50" and "10.5" hash and key the same. Integer digits are capped at 14 (decimal(19,5)): a longer
 * number is nearly always a barcode scanned into the quantity field, and the message says so.
 */
export function decimalField(label: string, options: { maxDecimals: number; sign: DecimalSign }) {
  const maxIntegerDigits = 19 - QUANTITY_DECIMALS;
  return z
    .string({ error: expected(label, 'a number written as text, like "12.5"') })
    .trim()
    .superRefine((value, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
      if (!isDecimalString(value)) {
        return fail(
          `${label} must be a number like 12 or 12.5 (digits and one decimal point), got ${shown(value)}`,
        );
      }
      const places = decimalPlacesOf(value);
      if (places > options.maxDecimals) {
        return fail(
          `${label} may have at most ${options.maxDecimals} decimal places, got ${places} in ${shown(value)}`,
        );
      }
      const integerDigits = integerDigitsOf(value);
      if (integerDigits > maxIntegerDigits) {
        return fail(
          `${label} has ${integerDigits} digits before the decimal point, at most ${maxIntegerDigits} are allowed` +
            ' — was a barcode scanned into this field?',
        );
      }
      const sign = compareDecimal(value, '0');
      if (options.sign === 'positive' && sign <= 0) {
        return fail(`${label} must be greater than zero, got ${shown(value)}`);
      }
      if (options.sign === 'nonZero' && sign === 0) return fail(`${label} must not be zero`);
      if (options.sign === 'nonNegative' && sign < 0) {
        return fail(`${label} must not be negative, got ${shown(value)}`);
      }
    })
    .transform((value) => canonicalDecimal(value));
}
