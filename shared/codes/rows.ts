import type { CodeRow } from './code-table';

/** Row shapes of the generated tables: the common fields plus what each CSV adds. */

export type UnitRow = CodeRow;

export interface CountryRow extends CodeRow {
  /** Post-2018 declaration code (ISO alpha-3 or customs-specific); null where no match was found. */
  readonly newSchemeCode: string | null;
  /** Empty when the new-scheme code is customs-specific (ZZZ, CEU…). */
  readonly isoAlpha3: string | null;
}

export interface CurrencyRow extends CodeRow {
  readonly iso4217: string;
}

export interface SupervisionModeRow extends CodeRow {
  /** How the mode is used in a comprehensive bonded zone, when it is; the compiler's assessment. */
  readonly zoneUse: string | null;
}

export interface TransportModeRow extends CodeRow {
  readonly usageNoteZh: string | null;
}

export interface LevyModeRow extends CodeRow {
  readonly nameVariants: string | null;
}

export interface CustomsDistrictRow extends CodeRow {
  readonly level: string | null;
  readonly note: string | null;
}

export interface HsExampleRow extends CodeRow {
  readonly unit1Code: string;
  readonly unit2Code: string | null;
  readonly category: string;
}
