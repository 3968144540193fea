import { validateMessage } from '../../../electron/customs/xsd-validate';
import { Inv101Document } from '../../../shared/customs/model/inv101';
import { Sas121Document } from '../../../shared/customs/model/sas121';
import { renderInv101SchemaForm } from '../../../shared/customs/xml/schema-form/render-inv101';
import { renderSas101SchemaForm } from '../../../shared/customs/xml/schema-form/render-sas101';
import { renderSas111SchemaForm } from '../../../shared/customs/xml/schema-form/render-sas111';
import { renderSas121SchemaForm } from '../../../shared/customs/xml/schema-form/render-sas121';
import { renderXsdFields, SchemaFormError } from '../../../shared/customs/xml/xsd-fields';
import { BondInvtBsc, SasPassportBsc } from '../../../shared/customs/xml/schema-form/xsd-types';
import { parseXmlTree, childNamed, type XmlNode } from '../../../shared/customs/receipts/xml-tree';
import * as documents from './support/documents';
import { xsdRoot } from './support/paths';

const validate = (xml: string) => validateMessage(xml, { xsdRoot });

const rendered = {
  'INV101 一线 entry, 对应报关': () =>
    renderInv101SchemaForm(documents.inv101EntryFromAbroad, documents.envelope('M-1')),
  'INV101 二线 release, 关联报关': () =>
    renderInv101SchemaForm(documents.inv101ReleaseDomestic, documents.envelope('M-2')),
  'INV101 集报 change with 出入库单': () =>
    renderInv101SchemaForm(documents.inv101CollectiveChange, documents.envelope('M-3')),
  'SAS121 二线 gate pass': () =>
    renderSas121SchemaForm(documents.sas121SecondLine, documents.envelope('M-4')),
  'SAS121 empty vehicle': () =>
    renderSas121SchemaForm(documents.sas121EmptyVehicle, documents.envelope('M-5')),
  'SAS101 保税展示交易': () => renderSas101SchemaForm(documents.sas101Exhibition, documents.envelope('M-6')),
  'SAS111 exhibit out': () => renderSas111SchemaForm(documents.sas111ExhibitOut, documents.envelope('M-7')),
};

const businessBody = (xml: string): XmlNode => {
  const tree = parseXmlTree(xml);
  if (!tree.ok) throw new Error(tree.reason);
  const business = childNamed(childNamed(tree.value, 'DataInfo'), 'BussinessData');
  const body = business?.children[0];
  if (!body) throw new Error('no body');
  return body;
};

describe('schema-form rendering', () => {
  it.each(Object.entries(rendered))('%s validates against the customs XSD', async (_name, render) => {
    const result = await validate(render());
    expect(result).toMatchObject({ status: 'valid' });
  });

  it('puts INV101 in the xmldsig namespace and SAS messages in none, as customs does', () => {
    expect(rendered['INV101 一线 entry, 对应报关']()).toContain(
      '<Package xmlns="http://www.w3.org/2000/09/xmldsig#"',
    );
    expect(rendered['SAS121 二线 gate pass']()).not.toContain('xmldsig');
  });

  it('writes the lines and values of the model, escaped', () => {
    const body = businessBody(rendered['INV101 一线 entry, 对应报关']());
    const lines = body.children.filter((child) => child.name === 'BondInvtDt');
    expect(lines).toHaveLength(2);
    const second = lines[1];
    expect(childNamed(second, 'dclQty')?.text).toBe('350.12345');
    expect(childNamed(second, 'dclUprcAmt')?.text).toBe('21.3456');
    expect(childNamed(second, 'rmk')?.text).toBe('冷链 <2-8℃> & 防压');
    expect(childNamed(second, 'putrecSeqno')?.children).toEqual([]);
    const head = body.children[0];
    expect(childNamed(head, 'etpsInnerInvtNo')?.text).toBe('ZB-INV-0192a7c4');
    expect(childNamed(head, 'invtDclTime')?.text).toBe('2025-03-14 00:00:00');
  });

  it('lists the 出入库单 of a 集报 list', () => {
    const body = businessBody(rendered['INV101 集报 change with 出入库单']());
    const stocks = body.children.filter((child) => child.name === 'SasCentDclStock');
    expect(stocks.map((stock) => childNamed(stock, 'sasStockNo')?.text)).toEqual([
      'Y01022500000000011',
      'Y01022500000000012',
    ]);
  });

  it('is caught by the XSD when element order is broken (the validation can fail)', async () => {
    const xml = rendered['SAS121 二线 gate pass']().replace(
      /(<passportTypecd>3<\/passportTypecd>)\s*(<dclTypecd>1<\/dclTypecd>)/,
      '$2$1',
    );
    const result = await validate(xml);
    expect(result.status).toBe('invalid');
  });

  it('refuses a document that breaks the model before writing anything', () => {
    const broken = {
      ...documents.inv101EntryFromAbroad,
      head: { ...documents.inv101EntryFromAbroad.head, bizopEtpsno: '123' },
    };
    expect(() => renderInv101SchemaForm(broken, documents.envelope('M-8'))).toThrow(/bizopEtpsno/);
    const tooPrecise = {
      ...documents.inv101EntryFromAbroad,
      lines: [{ ...documents.inv101EntryFromAbroad.lines[0]!, dclTotalAmt: '22200.001' }],
    };
    expect(Inv101Document.safeParse(tooPrecise).success).toBe(false);
  });

  it('enforces the model rules the customs clients apply', () => {
    const noDecType = {
      ...documents.inv101EntryFromAbroad,
      head: { ...documents.inv101EntryFromAbroad.head, decType: undefined },
    };
    expect(Inv101Document.safeParse(noDecType).error?.issues[0]?.path).toEqual(['head', 'decType']);
    const related = {
      ...documents.inv101ReleaseDomestic,
      head: { ...documents.inv101ReleaseDomestic.head, rltEntryDclEtpsNm: undefined },
    };
    expect(Inv101Document.safeParse(related).success).toBe(false);
    const noGoods = { ...documents.sas121SecondLine, lines: [] };
    expect(Sas121Document.safeParse(noGoods).success).toBe(false);
  });

  it('refuses values and fields the schema does not allow', () => {
    expect(() => renderXsdFields(BondInvtBsc, { bizopEtpsSccd: 'short' }, 'BondInvtBsc')).toThrow(
      SchemaFormError,
    );
    expect(() => renderXsdFields(BondInvtBsc, { nonsense: 'x' }, 'BondInvtBsc')).toThrow(/no such field/);
    expect(() => renderXsdFields(SasPassportBsc, { vehicleWt: '1e3' }, 'SasPassportBsc')).toThrow(
      /vehicleWt/,
    );
    // stshipTrsarvNatcd is required, fixed-length and not nillable: nothing valid can stand in for it.
    expect(() => renderXsdFields(BondInvtBsc, {}, 'BondInvtBsc')).toThrow(/stshipTrsarvNatcd/);
  });
});
