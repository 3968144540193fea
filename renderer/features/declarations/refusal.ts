import type { Language } from '../../../shared/domain/settings';
import { StoreError } from '../../../shared/store';
import { localizeDomainMessage } from '../../app/domain-messages';

/**
 * A refusal in words, in the user's language: the store's reason, and each field it names. Anything
 * else says what it is.
 */
export function refusalText(error: unknown, language: Language): string {
  const say = (message: string) => localizeDomainMessage(message, language);
  if (error instanceof StoreError)
    return [say(error.message), ...error.fields.map((field) => `${field.field}: ${say(field.message)}`)].join(
      ' — ',
    );
  return say(error instanceof Error ? error.message : String(error));
}
