import { countriesTable } from './generated/countries';
import { currenciesTable } from './generated/currencies';
import { customsDistrictsTable } from './generated/customs-districts-beijing';
import { hsExamplesTable } from './generated/hs-examples';
import { levyModesTable } from './generated/levy-modes';
import { supervisionModesTable } from './generated/supervision-modes';
import { transportModesTable } from './generated/transport-modes';
import { unitsTable } from './generated/units';
import {
  bookTypesTable,
  businessTypesTable,
  listTypesTable,
  passportTypesTable,
  transferTypesTable,
} from './zone-tables';

/** Every table, for a "code tables" settings page and for stamping exports with the versions they used. */
export const allCodeTables = [
  unitsTable,
  countriesTable,
  currenciesTable,
  supervisionModesTable,
  transportModesTable,
  levyModesTable,
  customsDistrictsTable,
  hsExamplesTable,
  bookTypesTable,
  listTypesTable,
  transferTypesTable,
  businessTypesTable,
  passportTypesTable,
] as const;
