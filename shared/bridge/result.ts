import { z } from 'zod';

/** Stable error codes that cross the bridge; the UI translates each one. */
export const BridgeErrorCode = z.enum([
  'invalidInput',
  'unknownChannel',
  'unauthorized',
  'untrustedSender',
  'handlerFailed',
  'invalidOutput',
  'transportFailed',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

export const BridgeError = z.object({
  code: BridgeErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type BridgeError = z.infer<typeof BridgeError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: BridgeErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
