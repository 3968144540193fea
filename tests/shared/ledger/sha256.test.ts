import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSha256, sha256Engine, sha256Hex } from '../../../shared/ledger/sha256';
import { utf8Bytes } from '../../../shared/ledger/utf8-bytes';

describe('sha256Hex', () => {
  it('answers with the JavaScript SHA-256 until the compiled one is ready', () => {
    expect(sha256Engine()).toBe('js');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  describe('once compiled', () => {
    beforeAll(() => prepareSha256());

    it('hashes with WebAssembly where it can', () => {
      expect(sha256Engine()).toBe('wasm');
      expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      );
    });

    it('gives the JavaScript digest for any bytes', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => {
          expect(sha256Hex(bytes)).toBe(bytesToHex(sha256(bytes)));
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('utf8Bytes', () => {
  it('gives TextEncoder’s bytes for any text, ASCII, Chinese or beyond the basic plane', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ maxLength: 50 }),
        (text, prefix) => {
          expect([...utf8Bytes(prefix + text)]).toEqual([...encoder.encode(prefix + text)]);
        },
      ),
      { numRuns: 500 },
    );
    expect([...utf8Bytes('规格|型号')]).toEqual([...encoder.encode('规格|型号')]);
  });

  it('grows its buffer for a long text', () => {
    const text = `${'x'.repeat(5_000)}集成电路`;
    expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
  });
});
