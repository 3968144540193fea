import { z } from 'zod';
import { renderEnvelopInfo, type MessageEnvelope, type MessageType } from '../envelope-info';
import { element, serializeXml, type XmlElement } from '../xml-element';

/** What the Single Window client needs beside the document: the operator and whether to declare. */
export const ImportOptions = z.object({
  /** true: 申报 (DelcareFlag 1); false: 暂存, saved as a draft in the client. */
  declare: z.boolean(),
  /** 操作员海关十位编码 of the IC card holder. */
  operCusRegCode: z.string().regex(/^[0-9A-Z]{10}$/),
  /** SysId of InvtMessage; the values customs expects are not documented (customs-domain.md §1.3). */
  sysId: z.string().min(1).max(8).optional(),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

/** One element per defined value, named in PascalCase as the client reads them; absent values are left out. */
export const pascalElements = (
  entries: ReadonlyArray<readonly [string, string | number | undefined]>,
): XmlElement[] =>
  entries.flatMap(([name, value]) => (value === undefined ? [] : [element(name, String(value))]));

/**
 * The file the Single Window client picks up from its OutBox: Signature/Object/Package around the
 * message, with customs' own spellings (BussinessData, DelcareFlag). The client signs it; we write no
 * SignedInfo.
 */
export const renderImportEnvelope = (
  messageType: MessageType,
  envelope: MessageEnvelope,
  options: ImportOptions,
  message: XmlElement,
): string =>
  serializeXml(
    element('Signature', [
      element('Object', [
        element('Package', [
          renderEnvelopInfo(envelope, messageType, undefined),
          element('DataInfo', [
            element('BussinessData', [element('DelcareFlag', options.declare ? '1' : '0'), message]),
          ]),
        ]),
      ]),
    ]),
  );
