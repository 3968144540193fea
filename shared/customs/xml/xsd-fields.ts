import type { XmlElement } from './xml-element';

/**
 * The simple types the customs schemas use for the fields of a document, transcribed per complex type
 * in `schema-form/xsd-types.ts` (a test holds the transcription to the XSD files).
 */
export type XsdValueType =
  | { kind: 'string'; length?: number; maxLength?: number; minLength?: number }
  | { kind: 'long' }
  | { kind: 'int' }
  | { kind: 'decimal'; totalDigits: number; fractionDigits: number }
  | { kind: 'double' }
  /** xs:date, yyyy-MM-dd. */
  | { kind: 'date' }
  /** The customs `Date` type: yyyy-MM-dd or empty. */
  | { kind: 'shortDate' }
  /** The customs `DateTime` type: yyyy-MM-dd HH:mm:ss or empty. */
  | { kind: 'dateTime' };

export interface XsdField {
  readonly name: string;
  readonly type: XsdValueType;
  readonly nillable?: boolean;
  readonly optional?: boolean;
}

export type FieldValues = Readonly<Record<string, string | number | undefined>>;

export class SchemaFormError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'SchemaFormError';
  }
}

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

const customsDateTime = /^[0-9]{4}-(0[1-9]|1[0-2])-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]$/;
const isoDate = /^[0-9]{4}-(0[1-9]|1[0-2])-[0-3][0-9]$/;

/** Why `value` does not fit `type`, or undefined when it does. */
const misfit = (type: XsdValueType, value: string): string | undefined => {
  switch (type.kind) {
    case 'string': {
      const length = [...value].length;
      if (type.length !== undefined && length !== type.length) return `must be ${type.length} characters`;
      if (type.maxLength !== undefined && length > type.maxLength)
        return `must be at most ${type.maxLength} characters`;
      if (type.minLength !== undefined && length < type.minLength)
        return `must be at least ${type.minLength} characters`;
      return undefined;
    }
    case 'long':
    case 'int':
      return /^-?[0-9]{1,18}$/.test(value) ? undefined : 'must be an integer';
    case 'decimal': {
      const match = /^-?([0-9]+)(?:\.([0-9]+))?$/.exec(value);
      if (!match) return 'must be a decimal number';
      const integer = (match[1] ?? '').replace(/^0+(?=.)/, '');
      const fraction = (match[2] ?? '').replace(/0+$/, '');
      if (fraction.length > type.fractionDigits) return `must have at most ${type.fractionDigits} decimals`;
      const digits = (integer === '0' ? '' : integer).length + fraction.length;
      return digits > type.totalDigits ? `must have at most ${type.totalDigits} digits` : undefined;
    }
    case 'double':
      return /^-?[0-9]+(\.[0-9]+)?$/.test(value) ? undefined : 'must be a decimal number';
    case 'date':
      return isoDate.test(value) ? undefined : 'must be a date yyyy-MM-dd';
    case 'shortDate':
      return value === '' || isoDate.test(value) ? undefined : 'must be a date yyyy-MM-dd';
    case 'dateTime':
      return value === '' || customsDateTime.test(value) ? undefined : 'must be yyyy-MM-dd HH:mm:ss';
  }
};

/** What the schema lets us write for a field we have no value for. */
const absentField = (field: XsdField, path: string): XmlElement | undefined => {
  if (field.optional) return undefined;
  if (field.nillable) return { name: field.name, attributes: { 'xsi:nil': 'true' } };
  const { type } = field;
  if (type.kind === 'dateTime' || type.kind === 'shortDate') return { name: field.name };
  if (type.kind === 'string' && type.length === undefined && (type.minLength ?? 0) === 0)
    return { name: field.name };
  // The 2017 SAS schemas make even customs-filled numbers (passCollectWt, actlPassQty, col4…) required
  // and not nillable; zero is the one value that validates and claims nothing customs has not said.
  if (type.kind === 'double' || type.kind === 'long' || type.kind === 'int' || type.kind === 'decimal')
    return { name: field.name, text: '0' };
  throw new SchemaFormError(`${path}/${field.name}`, 'required by the schema but has no value');
};

/**
 * Writes `values` as the elements of one complex type, in the schema's order. Generating strictly: a
 * value that breaks the schema's facet, or a value for a field the type does not have, is an error.
 */
export const renderXsdFields = (
  fields: readonly XsdField[],
  values: FieldValues,
  path: string,
): XmlElement[] => {
  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name) && values[name] !== undefined)
      throw new SchemaFormError(`${path}/${name}`, 'the schema has no such field');
  }
  const out: XmlElement[] = [];
  for (const field of fields) {
    const raw = values[field.name];
    if (raw === undefined) {
      const absent = absentField(field, path);
      if (absent) out.push(absent);
      continue;
    }
    const value = String(raw);
    const problem = misfit(field.type, value);
    if (problem) throw new SchemaFormError(`${path}/${field.name}`, `${JSON.stringify(value)} ${problem}`);
    out.push({ name: field.name, text: value });
  }
  return out;
};
