/**
 * Text made safe for a file name and an HTTP header, and reversible: letters, digits and '-' stay, every
 * other UTF-8 byte becomes %XX. So `_` (our separator), path characters and Chinese all survive, and two
 * different texts never share an encoding.
 */
export function encodeNamePart(text: string): string {
  return [...new TextEncoder().encode(text)]
    .map((byte) => {
      const character = String.fromCharCode(byte);
      return /[0-9A-Za-z-]/.test(character)
        ? character
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}
