import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanUtf8 } from './utf8.js';

describe('scanUtf8', () => {
  it('agrees with the strict native decoder on random bytes', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (n % 12) }, () =>
        rnd() & 1 ? rnd() : 0xc0 | (rnd() & 0x3f),
      );
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      assert.equal(scanUtf8(bytes).invalid === 0, valid, Array.from(bytes).join(','));
    }
  });

  it('counts valid multi-byte characters and finds the first bad byte', () => {
    const s = scanUtf8(
      Uint8Array.of(0x61, 0xc3, 0xa9, 0xe2, 0x80, 0x9c, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80),
    );
    assert.equal(s.multiByte, 3);
    assert.equal(s.firstInvalid, 6); // ED A0 80 would be a surrogate
  });
});
