import { outgoingFileName } from '../../../../electron/customs/endpoints/outgoing-file-name';
import { encodeNamePart } from '../../../../electron/customs/endpoints/name-encoding';

describe('outgoingFileName', () => {
  it('is fixed by message type, direction and enterprise-internal number, whatever the attempt', () => {
    const first = outgoingFileName({ messageType: 'INV101', ieFlag: 'E', etpsInnerInvtNo: '278792851A' });
    const retry = outgoingFileName({ messageType: 'INV101', ieFlag: 'E', etpsInnerInvtNo: '278792851A' });
    expect(first).toBe('INV101_E_278792851A.xml');
    expect(retry).toBe(first);
  });

  it('leaves out an absent direction', () => {
    expect(outgoingFileName({ messageType: 'SAS101', etpsInnerInvtNo: 'COSU6391946850D' })).toBe(
      'SAS101_COSU6391946850D.xml',
    );
  });

  it('encodes separators, path characters and Chinese so distinct numbers keep distinct names', () => {
    const name = outgoingFileName({ messageType: 'SAS121', ieFlag: 'I', etpsInnerInvtNo: 'A_B/../天竺:1' });
    expect(name).toBe('SAS121_I_A%5FB%2F%2E%2E%2F%E5%A4%A9%E7%AB%BA%3A1.xml');
    expect(encodeNamePart('A_B')).not.toBe(encodeNamePart('A%5FB'));
  });
});
