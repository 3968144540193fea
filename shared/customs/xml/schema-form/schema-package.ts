import { renderEnvelopInfo, type MessageEnvelope, type MessageType } from '../envelope-info';
import { element, serializeXml, type XmlElement } from '../xml-element';
import { XSI_NAMESPACE } from '../xsd-fields';

/** The EMS schemas (INV101) put everything in the xmldsig namespace; the SAS schemas use none. */
const namespaceOf: Record<MessageType, string | undefined> = {
  INV101: 'http://www.w3.org/2000/09/xmldsig#',
  SAS101: undefined,
  SAS111: undefined,
  SAS121: undefined,
};

/**
 * The unsigned `Package` of the customs schemas around one message body, in a single pocket. Our
 * enterprise-internal number goes into EnvelopInfo/business_id and the pocket id, because the SAS head
 * types of the 2017 schemas have no field for it.
 */
export const renderSchemaPackage = (
  messageType: MessageType,
  etpsInnerNo: string,
  envelope: MessageEnvelope,
  body: readonly XmlElement[],
): string => {
  const namespace = namespaceOf[messageType];
  const root: XmlElement = {
    name: 'Package',
    attributes: { ...(namespace ? { xmlns: namespace } : {}), 'xmlns:xsi': XSI_NAMESPACE },
    children: [
      renderEnvelopInfo(envelope, messageType, etpsInnerNo),
      element('DataInfo', [
        element('PocketInfo', [
          element('pocket_id', etpsInnerNo),
          element('total_pocket_qty', '1'),
          element('cur_pocket_no', '1'),
        ]),
        element('BussinessData', [element(messageType, body)]),
      ]),
    ],
  };
  return serializeXml(root);
};
