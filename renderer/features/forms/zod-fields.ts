import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import type { FieldError } from '../../../shared/domain/field-error';
import { StoreError } from '../../../shared/store/errors';

/** An empty input means "not given", so the schema says "is required" rather than judging "". */
export function blankAsUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** An antd rule that checks a field with the domain's own schema and shows the schema's message. */
export function schemaRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const parsed = schema.safeParse(blankAsUndefined(value));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
    },
  };
}

/** The field errors of a failed save: the store's per-field reasons, or its one message, or the error's. */
export function fieldErrorsOfFailure(error: unknown): FieldError[] {
  if (error instanceof StoreError) {
    return error.fields.length ? [...error.fields] : [{ field: '', message: error.message }];
  }
  return [{ field: '', message: error instanceof Error ? error.message : String(error) }];
}

/**
 * Puts each error on its form field; returns those that name no field of this form, for an alert.
 * Nothing typed is cleared.
 */
export function showFieldErrors(
  form: FormInstance,
  errors: readonly FieldError[],
  fields: readonly string[],
): FieldError[] {
  const byField = new Map<string, string[]>();
  const elsewhere: FieldError[] = [];
  for (const error of errors) {
    if (fields.includes(error.field))
      byField.set(error.field, [...(byField.get(error.field) ?? []), error.message]);
    else elsewhere.push(error);
  }
  form.setFields([...byField].map(([name, messages]) => ({ name, errors: messages })));
  return elsewhere;
}
