import type { OutgoingMessage } from '../../../shared/customs/endpoint';
import { encodeNamePart } from './name-encoding';

/**
 * `{messageType}_{ieFlag}_{etpsInnerInvtNo}.xml`, the production bridges' convention without their retry
 * suffix: every attempt at one document gets the same name, so a retry can only ever meet itself in
 * OutBox and never shows up as a second document.
 */
export function outgoingFileName(
  message: Pick<OutgoingMessage, 'messageType' | 'ieFlag' | 'etpsInnerInvtNo'>,
): string {
  const parts = [message.messageType, message.ieFlag, encodeNamePart(message.etpsInnerInvtNo)];
  return `${parts.filter((part) => part !== undefined).join('_')}.xml`;
}
