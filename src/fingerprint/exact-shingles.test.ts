import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exactShingles, sharedCount } from './exact-shingles.js';
import { fingerprint } from './fingerprint.js';

const BODY = [
  'The harbour authority said on Tuesday that the strike had halted loading at four berths.',
  'Union leaders said talks would resume next week if the offer was improved.',
];

describe('exactShingles', () => {
  it('gives the hashes fingerprint() keeps, whether the body comes as paragraphs or as the joined text', () => {
    const fresh = fingerprint({ title: 'Port strike', paragraphs: BODY }).shingles!;
    assert.deepEqual(exactShingles('Port strike', BODY), fresh);
    assert.deepEqual(exactShingles('Port strike', [BODY.join('\n\n')]), fresh);
  });

  it('falls back to the title when there is no body, as fingerprint() does', () => {
    const brief = exactShingles('Port strike halts loading at four berths', []);
    assert.deepEqual(
      brief,
      fingerprint({ title: 'Port strike halts loading at four berths', paragraphs: [] }).shingles,
    );
    assert.equal(brief.length, 3);
  });
});

describe('sharedCount', () => {
  it('counts each shared value once, repeats and the value 0 included', () => {
    assert.equal(sharedCount(Uint32Array.of(5, 5, 0, 7, 9), Uint32Array.of(0, 5, 9, 9, 11, 13)), 3);
    assert.equal(sharedCount(Uint32Array.of(0), Uint32Array.of(1, 2)), 0);
    assert.equal(sharedCount(new Uint32Array(0), Uint32Array.of(1)), 0);
  });

  it('is symmetric and exact on large sets', () => {
    const a = Uint32Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 0);
    const b = Uint32Array.from({ length: 3000 }, (_, i) => ((i + 4000) * 2654435761) >>> 0);
    assert.equal(sharedCount(a, b), 1000);
    assert.equal(sharedCount(b, a), 1000);
  });
});
