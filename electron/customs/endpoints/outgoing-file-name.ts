import type { OutgoingMessage } from '../../../shared/customs/endpoint';

/**
 * The enterprise-internal number made safe for a file name and an HTTP header, and reversible: letters,
 * digits and '-' stay, every other UTF-8 byte becomes %XX. So `_` (our separator), path characters and
 * Chinese all survive, and two different numbers never share an encoding.
 */
export function encodeEtpsInnerInvtNo(etpsInnerInvtNo: string): string {
  return [...new TextEncoder().encode(etpsInnerInvtNo)]
    .map((byte) => {
      const character = String.fromCharCode(byte);
      return /[0-9A-Za-z-]/.test(character)
        ? character
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/**
 * `{messageType}_{ieFlag}_{etpsInnerInvtNo}.xml`, the production bridges' convention without their retry
 * suffix: every attempt at one document gets the same name, so a retry can only ever replace or meet
 * itself in OutBox and never shows up as a second document.
 */
export function outgoingFileName(message: Pick<OutgoingMessage, 'messageType' | 'ieFlag' | 'etpsInnerInvtNo'>) {
  const parts = [message.messageType, message.ieFlag, encodeEtpsInnerInvtNo(message.etpsInnerInvtNo)];
  return `${parts.filter((part) => part !== undefined).join('_')}.xml`;
}
