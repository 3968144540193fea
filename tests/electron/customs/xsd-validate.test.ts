import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaFileFor, validateMessage, validateMessageFile } from '../../../electron/customs/xsd-validate';
import { renderInv101SchemaForm } from '../../../shared/customs/xml/schema-form/render-inv101';
import { renderSas121SchemaForm } from '../../../shared/customs/xml/schema-form/render-sas121';
import * as documents from '../../shared/customs/support/documents';
import { xsdRoot } from '../../shared/customs/support/paths';
import { realReceipt } from '../../shared/customs/support/receipts';

describe('validateMessage (xmllint against the customs XSDs)', () => {
  it('finds the top-level schema of each message type', () => {
    expect(schemaFileFor(xsdRoot, 'INV101')).toBe(path.join(xsdRoot, 'EMS', 'INV101.xsd'));
    expect(schemaFileFor(xsdRoot, 'SAS121')).toBe(path.join(xsdRoot, 'SAS', 'SAS121.xsd'));
    expect(schemaFileFor(xsdRoot, 'INV201')).toBe(path.join(xsdRoot, 'EMS', 'INV201.xsd'));
    expect(schemaFileFor(xsdRoot, '../etc')).toBeUndefined();
    expect(schemaFileFor(xsdRoot, 'XYZ999')).toBeUndefined();
  });

  it('passes a generated INV101 and SAS121', async () => {
    const inv101 = renderInv101SchemaForm(documents.inv101EntryFromAbroad, documents.envelope('V-1'));
    const sas121 = renderSas121SchemaForm(documents.sas121SecondLine, documents.envelope('V-2'));
    expect(await validateMessage(inv101, { xsdRoot })).toEqual({
      status: 'valid',
      messageType: 'INV101',
      schema: path.join(xsdRoot, 'EMS', 'INV101.xsd'),
    });
    expect(await validateMessage(sas121, { xsdRoot })).toMatchObject({
      status: 'valid',
      messageType: 'SAS121',
    });
  });

  it('reports what breaks the schema', async () => {
    const xml = renderSas121SchemaForm(documents.sas121SecondLine, documents.envelope('V-3')).replace(
      '<vehicleWt>13000</vehicleWt>',
      '<vehicleWt>heavy</vehicleWt>',
    );
    const result = await validateMessage(xml, { xsdRoot });
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.errors.join('\n')).toMatch(/vehicleWt/);
  });

  it('shows that the real receipts do not validate cleanly against the 2017 schemas', async () => {
    const result = await validateMessage(realReceipt('INV201.xml'), { xsdRoot });
    expect(result).toMatchObject({ status: 'invalid', messageType: 'INV201' });
  });

  it('says when no schema describes a message, and when it is not XML', async () => {
    expect(await validateMessage(realReceipt('common_resp_msg.xml'), { xsdRoot })).toMatchObject({
      status: 'noSchema',
    });
    expect(
      await validateMessage(
        '<Package><EnvelopInfo><message_type>ABC123</message_type></EnvelopInfo></Package>',
        { xsdRoot },
      ),
    ).toMatchObject({
      status: 'noSchema',
      messageType: 'ABC123',
    });
    expect(await validateMessage('<Package>', { xsdRoot })).toMatchObject({ status: 'invalid' });
  });

  it('validates a file, and says plainly when xmllint is missing', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'zonebook-xsd-'));
    try {
      const file = path.join(folder, 'SAS121_E_ZB-PASS.xml');
      await writeFile(
        file,
        renderSas121SchemaForm(documents.sas121EmptyVehicle, documents.envelope('V-4')),
        'utf8',
      );
      expect(await validateMessageFile(file, { xsdRoot })).toMatchObject({ status: 'valid' });
      await expect(
        validateMessageFile(file, { xsdRoot, xmllint: path.join(folder, 'no-xmllint') }),
      ).rejects.toThrow(/xmllint was not found/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
