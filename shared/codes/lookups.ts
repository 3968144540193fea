import { codeName, findCode, isKnownCode, type CodeLanguage } from './code-table';
import { countriesTable } from './generated/countries';
import { currenciesTable } from './generated/currencies';
import { customsDistrictsTable } from './generated/customs-districts-beijing';
import { supervisionModesTable } from './generated/supervision-modes';
import { unitsTable } from './generated/units';
import { bookTypesTable, listTypesTable, transferTypesTable } from './zone-tables';

/** 3-digit 海关计量单位代码, as carried by dclUnitcd / lawfUnitcd / secdLawfUnitcd. */
export const isKnownUnit = (code: string): boolean => isKnownCode(unitsTable, code);
export const unitName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(unitsTable, code, lang);

/** 3-digit numeric country code (natcd): the scheme of the 金关二期 bonded messages, not the alpha one. */
export const isKnownCountry = (code: string): boolean => isKnownCode(countriesTable, code);
export const countryName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(countriesTable, code, lang);

/** 3-digit numeric currency code (dclCurrcd). */
export const isKnownCurrency = (code: string): boolean => isKnownCode(currenciesTable, code);
export const currencyName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(currenciesTable, code, lang);
export const currencyIso4217 = (code: string): string | undefined => findCode(currenciesTable, code)?.iso4217;

export const isKnownSupervisionMode = (code: string): boolean => isKnownCode(supervisionModesTable, code);
export const supervisionModeName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(supervisionModesTable, code, lang);

export const isKnownCustomsDistrict = (code: string): boolean => isKnownCode(customsDistrictsTable, code);
export const customsDistrictName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(customsDistrictsTable, code, lang);

export const isKnownBookType = (code: string): boolean => isKnownCode(bookTypesTable, code);
export const bookTypeName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(bookTypesTable, code, lang);

export const listTypeName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(listTypesTable, code, lang);
export const transferTypeName = (code: string, lang: CodeLanguage): string | undefined =>
  codeName(transferTypesTable, code, lang);
