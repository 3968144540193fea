import { validateMessage } from '../../../electron/customs/xsd-validate';
import { childNamed, childText, parseXmlTree, type XmlNode } from '../../../shared/customs/receipts/xml-tree';
import { renderInv101ImportForm } from '../../../shared/customs/xml/import-form/render-inv101';
import { renderSas121ImportForm } from '../../../shared/customs/xml/import-form/render-sas121';
import * as documents from './support/documents';
import { xsdRoot } from './support/paths';

const read = (xml: string): XmlNode => {
  const tree = parseXmlTree(xml);
  if (!tree.ok) throw new Error(tree.reason);
  return tree.value;
};
const businessData = (root: XmlNode) =>
  childNamed(childNamed(childNamed(childNamed(root, 'Object'), 'Package'), 'DataInfo'), 'BussinessData');

const options = { declare: true, operCusRegCode: '1101230ABC', sysId: 'Z8' };

describe('import-form rendering (Single Window client OutBox)', () => {
  it('wraps INV101 as Signature/Object/Package with DelcareFlag and InvtMessage', () => {
    const root = read(
      renderInv101ImportForm(documents.inv101ReleaseDomestic, documents.envelope('IMP-1'), options),
    );
    expect(root.name).toBe('Signature');
    const business = businessData(root);
    expect(business?.children.map((child) => child.name)).toEqual(['DelcareFlag', 'InvtMessage']);
    expect(childText(business, 'DelcareFlag')).toBe('1');
    const message = childNamed(business, 'InvtMessage');
    expect(message?.children.map((child) => child.name)).toEqual([
      'SysId',
      'OperCusRegCode',
      'InvtHeadType',
      'InvtListType',
    ]);
    const head = childNamed(message, 'InvtHeadType');
    expect(childText(head, 'EtpsInnerInvtNo')).toBe('ZB-INV-0192a7c5');
    expect(childText(head, 'InvtDclTime')).toBe('20250314');
    expect(childText(head, 'RltEntryDclEtpsNm')).toBe('北京某某贸易有限公司');
    expect(childText(head, 'IcCardNo')).toBe('JJ3H100012345');
    // Absent optional fields are left out, not written empty.
    expect(childNamed(head, 'SeqNo')).toBeUndefined();
    expect(childNamed(head, 'BondInvtNo')).toBeUndefined();
    const line = childNamed(message, 'InvtListType');
    expect(childText(line, 'DestinationNatcd')).toBe('142');
    expect(childText(line, 'DclTotalAmt')).toBe('444.00');
  });

  it('writes a draft save with DelcareFlag 0', () => {
    const root = read(
      renderInv101ImportForm(documents.inv101EntryFromAbroad, documents.envelope('IMP-2'), {
        ...options,
        declare: false,
      }),
    );
    expect(childText(businessData(root), 'DelcareFlag')).toBe('0');
  });

  it('wraps SAS121 as PassPortMessage with head, list and related documents in order', () => {
    const root = read(
      renderSas121ImportForm(documents.sas121SecondLine, documents.envelope('IMP-3'), options),
    );
    const message = childNamed(businessData(root), 'PassPortMessage');
    expect(message?.children.map((child) => child.name)).toEqual([
      'OperCusRegCode',
      'PassportHead',
      'PassportList',
      'PassportAcmp',
    ]);
    const head = childNamed(message, 'PassportHead');
    expect(childText(head, 'EtpsPreentNo')).toBe('ZB-PASS-0192a7d1');
    expect(childText(head, 'VehicleNo')).toBe('京A12345');
    expect(childText(childNamed(message, 'PassportAcmp'), 'RtlBillNo')).toBe('QD010225E000001240');
  });

  it('is recognised by the validator as the import form, which no customs XSD describes', async () => {
    const xml = renderSas121ImportForm(documents.sas121SecondLine, documents.envelope('IMP-4'), options);
    expect(await validateMessage(xml, { xsdRoot })).toMatchObject({
      status: 'noSchema',
      messageType: 'SAS121',
    });
  });

  it('refuses an operator code that is not ten characters', () => {
    expect(() =>
      renderSas121ImportForm(documents.sas121SecondLine, documents.envelope('IMP-5'), {
        ...options,
        operCusRegCode: '12',
      }),
    ).toThrow();
  });
});
