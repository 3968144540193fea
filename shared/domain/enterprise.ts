import { z } from 'zod';
import { patternCode, recordId, requiredText } from './field-rules';

const SCCD_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SCCD_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character of a 统一社会信用代码 (GB 32100-2015 mod-31 scheme — from general knowledge [UNV],
 * confirmed against the two real codes in ../shared/fixtures/receipts). Catches most typing errors.
 */
export function sccdCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = SCCD_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (SCCD_WEIGHTS[i] ?? 0);
  }
  return SCCD_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** 统一社会信用代码: 18 characters (digits and capitals except I, O, S, V, Z), last one a check character. */
export const Sccd = z
  .string({ error: 'Unified social credit code (sccd) is required' })
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const label = 'Unified social credit code (sccd)';
    if (value.length !== 18) {
      ctx.addIssue({ code: 'custom', message: `${label} must be 18 characters, got ${value.length}` });
      return;
    }
    const bad = [...value].find((ch) => !SCCD_CHARSET.includes(ch));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} may only hold digits and the capitals A-Y except I, O, S, V; "${bad}" is not allowed`,
      });
      return;
    }
    const expected = sccdCheckCharacter(value.slice(0, 17));
    if (expected !== value.charAt(17)) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} "${value}" fails its check: the last character should be ${expected} — check for a typing error`,
      });
    }
  });

/** 海关十位编码 (etpsno in the customs messages: bizopEtpsno, rcvgdEtpsno …). */
export const Etpsno = patternCode('Customs code (etpsno)', /^[0-9A-Z]{10}$/, '10 digits or capital letters');

/**
 * Customs credit standing. Since GACC Order 251 (2021) only 高级认证 (AEO advanced) remains as a
 * certification; `general` (一般认证) is kept for records made before it [UNV: from general knowledge].
 */
export const AeoLevel = z.enum(['advanced', 'general', 'none'], {
  error: (issue) =>
    `AEO level (aeoLevel) must be advanced, general or none, got ${issue.input === undefined ? 'nothing' : `"${String(issue.input)}"`}`,
});
export type AeoLevel = z.infer<typeof AeoLevel>;

export const Enterprise = z.object({
  id: recordId('Enterprise id (id)'),
  name: requiredText('Enterprise name (name)', 256),
  sccd: Sccd,
  etpsno: Etpsno,
  aeoLevel: AeoLevel,
});
export type Enterprise = z.infer<typeof Enterprise>;
