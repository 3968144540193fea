import type { TFunction } from 'i18next';
import type { CodeLanguage } from '../../../../shared/codes';
import { kinds, locationIdOf, type LedgerAccount, type Movement } from '../../../../shared/ledger';

export function kindName(kind: Movement['kind'], language: CodeLanguage): string {
  return language === 'zh-CN' ? kinds[kind].nameZh : kinds[kind].nameEn;
}

/** A reversal is named by what it reverses, so the history reads "Reversal of Relocation". */
export function movementName(movement: Movement, t: TFunction, language: CodeLanguage): string {
  if (movement.kind === 'reversal' && movement.reversedKind) {
    return t('inventory.stock.history.reversalOfKind', { kind: kindName(movement.reversedKind, language) });
  }
  return kindName(movement.kind, language);
}

/** A location's code for an in-zone account; the custody or outside account's name otherwise. */
export function accountName(
  account: LedgerAccount,
  t: TFunction,
  locationCode: (locationId: string) => string,
): string {
  const locationId = locationIdOf(account);
  if (locationId !== undefined) return locationCode(locationId);
  if (account === 'display' || account === 'transit' || account === 'processing') {
    return t(`inventory.stock.custody.${account}`);
  }
  return t(`inventory.stock.accounts.${account}`);
}

/** yyyyMMdd → yyyy-MM-dd, the way both languages write a date in a table. */
export function readableCustomsDate(customsDate: string): string {
  return `${customsDate.slice(0, 4)}-${customsDate.slice(4, 6)}-${customsDate.slice(6, 8)}`;
}
