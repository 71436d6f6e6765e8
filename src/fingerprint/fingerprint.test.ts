import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from './fingerprint.js';
import { estimateJaccard, SIGNATURE_BINS } from './minhash.js';

const PARAGRAPHS = [
  'The harbour authority of Velmora said on Tuesday that the northern pier would close for repairs.',
  'Officials expect the work to last until the spring, with ferries diverted to the old quay.',
  'Local traders said the closure would hurt the market that depends on morning deliveries.',
];

describe('fingerprint', () => {
  it('gives identical text the same hash and signature whatever its typography', () => {
    const a = fingerprint({ title: 'A', paragraphs: PARAGRAPHS });
    const b = fingerprint({
      title: 'Other title',
      paragraphs: PARAGRAPHS.map((p) => `  ${p.toUpperCase()} `),
    });
    assert.equal(a.textHash, b.textHash);
    assert.deepEqual(a.signature, b.signature);
    assert.deepEqual(a.paragraphHashes, b.paragraphHashes);
  });

  it('sizes the signature and counts distinct shingles', () => {
    const fp = fingerprint({ title: null, paragraphs: ['one two three four five six'] });
    assert.equal(fp.signature.length, SIGNATURE_BINS);
    assert.equal(fp.shingleCount, 2);
    assert.equal(fp.paragraphHashes.length, 1);
    assert.match(fp.textHash, /^[0-9a-f]{16}$/);
  });

  it('falls back to the title for a headline-only brief, never hashing equal to a body', () => {
    const brief = fingerprint({ title: 'Velmora pier to close', paragraphs: [] });
    const body = fingerprint({ title: null, paragraphs: ['Velmora pier to close'] });
    assert.ok(brief.shingleCount > 0);
    assert.notEqual(brief.textHash, body.textHash);
  });

  it('estimates a higher Jaccard for an edited copy than for a different text', () => {
    const original = fingerprint({ title: null, paragraphs: PARAGRAPHS });
    const copy = fingerprint({
      title: null,
      paragraphs: ['A new lead paragraph written by the outlet.', ...PARAGRAPHS],
    });
    const other = fingerprint({
      title: null,
      paragraphs: [
        'Ferries to the old quay will run hourly from next week, the operator announced.',
      ],
    });
    assert.ok(estimateJaccard(original.signature, copy.signature) > 0.6);
    assert.ok(estimateJaccard(original.signature, other.signature) < 0.2);
  });
});
