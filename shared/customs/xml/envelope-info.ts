import { z } from 'zod';
import { element, type XmlElement } from './xml-element';

/**
 * What the caller says about one message: its identity and the two parties. Nothing here is derived from
 * a clock or a random source, so rendering stays a pure function of its inputs.
 */
export const MessageEnvelope = z.object({
  messageId: z.string().min(1).max(128),
  /** 4–16 characters, as the schema's EnvelopInfo demands. */
  senderId: z.string().min(4).max(16),
  receiverId: z.string().min(4).max(16),
  /** yyyy-MM-ddTHH:mm:ss. */
  sendTime: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$/),
  /** Defaults to `<messageId>.xml`. */
  fileName: z.string().min(4).max(128).optional(),
});
export type MessageEnvelope = z.infer<typeof MessageEnvelope>;

export type MessageType = 'INV101' | 'SAS101' | 'SAS111' | 'SAS121';

/** EnvelopInfo, shared by both forms (the schema declares it as xs:all, so order is free). */
export const renderEnvelopInfo = (
  envelope: MessageEnvelope,
  messageType: MessageType,
  businessId: string | undefined,
): XmlElement => {
  const checked = MessageEnvelope.parse(envelope);
  return element('EnvelopInfo', [
    element('version', '1.0'),
    ...(businessId === undefined ? [] : [element('business_id', businessId)]),
    element('message_id', checked.messageId),
    element('file_name', checked.fileName ?? `${checked.messageId}.xml`),
    element('message_type', messageType),
    element('sender_id', checked.senderId),
    element('receiver_id', checked.receiverId),
    element('send_time', checked.sendTime),
  ]);
};
