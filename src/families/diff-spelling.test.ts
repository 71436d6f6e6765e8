import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSpellingVariant } from './diff-spelling.js';

describe('isSpellingVariant', () => {
  it('pairs US and UK spellings by rule', () => {
    for (const [us, uk] of [
      ['neighbor', 'neighbour'],
      ['defense', 'defence'],
      ['organize', 'organise'],
      ['center', 'centre'],
      ['traveled', 'travelled'],
      ['catalog', 'catalogue'],
      ['program', 'programme'],
    ]) {
      assert.ok(isSpellingVariant(us!, uk!), `${us} / ${uk}`);
    }
  });

  it('does not pair different words or a word with itself', () => {
    assert.equal(isSpellingVariant('defense', 'defense'), false);
    assert.equal(isSpellingVariant('hour', 'hoar'), false);
    assert.equal(isSpellingVariant('rise', 'rose'), false);
  });
});
