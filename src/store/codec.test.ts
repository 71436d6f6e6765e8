import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compress,
  decodeParagraphs,
  decodeSignature,
  decompress,
  domainOf,
  encodeParagraphs,
  encodeSignature,
} from './codec.js';

describe('signature codec', () => {
  it('round-trips every 32-bit value, little-endian', () => {
    const signature = new Uint32Array([0, 1, 0x01020304, 0xffffffff]);
    const bytes = encodeSignature(signature);
    assert.deepEqual([...bytes.subarray(8, 12)], [4, 3, 2, 1]);
    assert.deepEqual([...decodeSignature(bytes)], [...signature]);
  });

  it('decodes bytes that sit at an unaligned offset of a larger buffer', () => {
    const inner = encodeSignature(new Uint32Array([7, 0xdeadbeef]));
    const outer = Buffer.concat([Buffer.from([9]), inner]);
    assert.deepEqual([...decodeSignature(outer.subarray(1))], [7, 0xdeadbeef]);
  });
});

describe('paragraphs codec', () => {
  const roundTrip = (text: string, paragraphs: string[]) =>
    decodeParagraphs(text, encodeParagraphs(text, paragraphs));

  it('stores only a marker when the text is the paragraphs joined by blank lines', () => {
    const paragraphs = ['Ferry crews walked out.', 'Talks resume on Monday.'];
    const text = paragraphs.join('\n\n');
    assert.equal(encodeParagraphs(text, paragraphs), '');
    assert.deepEqual(roundTrip(text, paragraphs), paragraphs);
    assert.deepEqual(roundTrip('', []), []);
  });

  it('keeps the list itself whenever splitting the text would not give it back', () => {
    const cases: [string, string[]][] = [
      ['One.\n\nTwo.', ['One.\n\nTwo.']],
      ['', ['']],
      ['One. Two.', ['One.', 'Two.']],
      ['Caption line\n\nBody.', ['Body.']],
    ];
    for (const [text, paragraphs] of cases) {
      assert.notEqual(encodeParagraphs(text, paragraphs), '');
      assert.deepEqual(roundTrip(text, paragraphs), paragraphs);
    }
  });

  it('still reads paragraphs stored as a JSON list by earlier versions', () => {
    assert.deepEqual(decodeParagraphs('A.\n\nB.', '["A.","B."]'), ['A.', 'B.']);
  });
});

describe('page body codec', () => {
  it('gives back the exact bytes it compressed', () => {
    const body = new TextEncoder().encode('<p>Calder Bay ferry crews walked out.</p>'.repeat(50));
    const packed = compress(body);
    assert.ok(packed.byteLength < body.byteLength / 5);
    assert.deepEqual(decompress(packed), body);
  });
});

describe('domainOf', () => {
  it('keeps the host of web URLs without www and ignores other schemes', () => {
    assert.equal(domainOf('https://www.Harbour-Gazette.example/a?b=1'), 'harbour-gazette.example');
    assert.equal(domainOf('file:///tmp/page.html'), null);
    assert.equal(domainOf('not a url'), null);
    assert.equal(domainOf(null), null);
  });
});
