import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { XsdField } from '../../../shared/customs/xml/xsd-fields';
import * as types from '../../../shared/customs/xml/schema-form/xsd-types';
import { xsdRoot } from './support/paths';

// Reads the XSD files independently of the transcription and compares: names, order, types, facets,
// nillable and minOccurs. If someone edits xsd-types.ts (or the schemas change), this fails.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  isArray: (name) => ['element', 'complexType'].includes(name),
});

interface XsdElement {
  name: string;
  type?: string;
  nillable?: string;
  minOccurs?: string;
  simpleType?: { restriction: Record<string, { value: string } | string> };
}

const facet = (restriction: Record<string, { value: string } | string>, name: string): number | undefined => {
  const value = restriction[name];
  return typeof value === 'object' ? Number(value.value) : undefined;
};

const fromXsd = (file: string, typeName: string): XsdField[] => {
  const schema = parser.parse(readFileSync(path.join(xsdRoot, file), 'utf8')).schema as {
    complexType: Array<{ name: string; sequence: { element: XsdElement[] } }>;
  };
  const complexType = schema.complexType.find((candidate) => candidate.name === typeName);
  if (!complexType) throw new Error(`${typeName} not in ${file}`);
  return complexType.sequence.element.map((element) => {
    const named: Record<string, XsdField['type']> = {
      'xs:string': { kind: 'string' },
      'xs:long': { kind: 'long' },
      'xs:int': { kind: 'int' },
      'xs:double': { kind: 'double' },
      'xs:date': { kind: 'date' },
      DateTime: { kind: 'dateTime' },
      Date: { kind: 'shortDate' },
    };
    let type: XsdField['type'];
    if (element.type !== undefined) {
      const known = named[element.type];
      if (!known) throw new Error(`unexpected type ${element.type}`);
      type = known;
    } else {
      const restriction = element.simpleType?.restriction ?? {};
      const base = String(restriction.base);
      if (base === 'xs:string') {
        const length = facet(restriction, 'length');
        const maxLength = facet(restriction, 'maxLength');
        const minLength = facet(restriction, 'minLength');
        type = {
          kind: 'string',
          ...(length !== undefined ? { length } : {}),
          ...(maxLength !== undefined ? { maxLength } : {}),
          ...(minLength ? { minLength } : {}),
        };
      } else if (base === 'xs:long') type = { kind: 'long' };
      else if (base === 'xs:decimal')
        type = {
          kind: 'decimal',
          totalDigits: facet(restriction, 'totalDigits') ?? 0,
          fractionDigits: facet(restriction, 'fractionDigits') ?? 0,
        };
      else throw new Error(`unexpected base ${base}`);
    }
    return {
      name: element.name,
      type,
      ...(element.nillable === 'true' ? { nillable: true } : {}),
      ...(element.minOccurs === '0' ? { optional: true } : {}),
    };
  });
};

describe('the transcribed XSD field tables', () => {
  it.each([
    ['EMS/Common_ComplexType.xsd', 'BondInvtBsc', types.BondInvtBsc],
    ['EMS/Common_ComplexType.xsd', 'BondInvtDt', types.BondInvtDt],
    ['EMS/Common_ComplexType.xsd', 'SasCentDclStock', types.SasCentDclStock],
    ['SAS/base.xsd', 'SasPassportBsc', types.SasPassportBsc],
    ['SAS/base.xsd', 'SasPassportDt', types.SasPassportDt],
    ['SAS/base.xsd', 'SasPassportRlt', types.SasPassportRlt],
    ['SAS/base.xsd', 'SasDclBsc', types.SasDclBsc],
    ['SAS/base.xsd', 'SasDclDt', types.SasDclDt],
    ['SAS/base.xsd', 'SasStockBsc', types.SasStockBsc],
    ['SAS/base.xsd', 'SasStockDt', types.SasStockDt],
  ])('%s %s matches the schema, in order', (file, typeName, transcribed) => {
    expect(transcribed).toEqual(fromXsd(file, typeName));
  });
});
