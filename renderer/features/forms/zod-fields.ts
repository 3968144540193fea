import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldError } from '../../../shared/domain/field-error';
import type { Language } from '../../../shared/domain/settings';
import { StoreError } from '../../../shared/store/errors';
import { localizeDomainMessage } from '../../app/domain-messages';
import { languageForLocale } from '../../app/i18n';

/**
 * The language domain messages are shown in. A parameter of the helpers below rather than read inside
 * them, so a form cannot show a message without saying in which language.
 */
export function useMessageLanguage(): Language {
  const { i18n } = useTranslation();
  return languageForLocale(i18n.language);
}

/** Field errors with their messages in the user's language; shared/ words them in English. */
export function localizeFieldErrors(errors: readonly FieldError[], language: Language): FieldError[] {
  return errors.map((error) => ({ ...error, message: localizeDomainMessage(error.message, language) }));
}

/** An empty input means "not given", so the schema says "is required" rather than judging "". */
export function blankAsUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** An antd rule that checks a field with the domain's own schema and shows the schema's message. */
export function schemaRule(schema: z.ZodType, language: Language): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const parsed = schema.safeParse(blankAsUndefined(value));
      if (!parsed.success)
        throw new Error(localizeDomainMessage(parsed.error.issues[0]?.message ?? '', language));
    },
  };
}

/**
 * The field errors of a failed save, in the user's language: the store's per-field reasons, or its one
 * message, or the error's.
 */
export function fieldErrorsOfFailure(error: unknown, language: Language): FieldError[] {
  if (error instanceof StoreError) {
    return localizeFieldErrors(
      error.fields.length ? error.fields : [{ field: '', message: error.message }],
      language,
    );
  }
  return localizeFieldErrors(
    [{ field: '', message: error instanceof Error ? error.message : String(error) }],
    language,
  );
}

/** An error's message in the user's language: a StoreError's or a schema's words are shared/'s English. */
export function messageOfFailure(error: unknown, language: Language): string {
  return localizeDomainMessage(error instanceof Error ? error.message : String(error), language);
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
