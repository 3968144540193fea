import { isKnownCountry, isKnownCurrency, isKnownUnit } from '../codes/lookups';
import type { BookLine } from './book-line';
import type { FieldError } from './field-error';

/**
 * Checks a book line's codes against the code tables. Separate from the schema because the tables are
 * incomplete (see ../shared/codes/README.md): an import may let a worker confirm a code missing here.
 */
export function validateBookLineCodes(
  line: Pick<BookLine, 'dclUnitcd' | 'lawfUnitcd' | 'secdLawfUnitcd' | 'natcd' | 'dclCurrcd'>,
): FieldError[] {
  const errors: FieldError[] = [];
  const unit = (field: string, label: string, code: string | undefined) => {
    if (code !== undefined && !isKnownUnit(code)) {
      errors.push({ field, message: `${label} ${code} is not in the customs unit table` });
    }
  };
  unit('dclUnitcd', 'Declared unit (dclUnitcd)', line.dclUnitcd);
  unit('lawfUnitcd', 'Legal unit (lawfUnitcd)', line.lawfUnitcd);
  unit('secdLawfUnitcd', 'Second legal unit (secdLawfUnitcd)', line.secdLawfUnitcd);
  if (!isKnownCountry(line.natcd)) {
    errors.push({
      field: 'natcd',
      message: `Country of origin (natcd) ${line.natcd} is not a known 3-digit customs country code (China is 142)`,
    });
  }
  if (!isKnownCurrency(line.dclCurrcd)) {
    errors.push({
      field: 'dclCurrcd',
      message: `Currency (dclCurrcd) ${line.dclCurrcd} is not a known 3-digit customs currency code (CNY is 142, USD 502)`,
    });
  }
  return errors;
}
