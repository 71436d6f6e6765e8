import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOriginal } from './original.js';

const base = { credit: null, published: null, wordCount: 100 };

describe('chooseOriginal', () => {
  it('prefers a wire credit over an earlier uncredited copy', () => {
    const chosen = chooseOriginal([
      { ...base, id: 'copy', published: '2026-01-01T08:00:00Z' },
      { ...base, id: 'wire', credit: 'Northwire', published: '2026-01-01T09:00:00Z' },
    ]);
    assert.equal(chosen?.id, 'wire');
  });

  it('prefers the earliest known time, then the longest text', () => {
    assert.equal(
      chooseOriginal([
        { ...base, id: 'x' },
        { ...base, id: 'y', published: '2026-01-01T09:00:00Z' },
      ])?.id,
      'y',
    );
    assert.equal(
      chooseOriginal([
        { ...base, id: 'short' },
        { ...base, id: 'long', wordCount: 400 },
      ])?.id,
      'long',
    );
  });

  it('returns undefined for no members', () => {
    assert.equal(chooseOriginal([]), undefined);
  });
});
