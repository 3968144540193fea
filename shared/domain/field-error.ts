import type { z } from 'zod';

/** One problem with one field, in words a worker can act on. `field` is a path like `lines[2].qty`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

/** Flattens a zod error into field errors, for an import preview or a form. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}
