// The scoring rule of the extraction benchmark on small texts of our own (no ../shared needed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, scorePage, shingles, tokens } from './score.js';

describe('extraction scorer', () => {
  it('tokenises like Python \\w+ on Unicode text', () => {
    assert.deepEqual(tokens("Café-owner's 2 snake_case 港町"), [
      'Café',
      'owner',
      's',
      '2',
      'snake_case',
      '港町',
    ]);
  });

  it('makes one shingle of a text shorter than four tokens and none of an empty one', () => {
    assert.equal(shingles(['a', 'b']).size, 1);
    assert.equal(shingles([]).size, 0);
    assert.equal(shingles(tokens('a b c d a b c d')).get(['a', 'b', 'c', 'd'].join('\u0001')), 2);
  });

  it('scores a perfect prediction 1 and a disjoint one 0', () => {
    const truth = 'one two three four five six';
    assert.deepEqual(scorePage(truth, truth), {
      precision: 1,
      recall: 1,
      predicted: true,
      exact: true,
    });
    const miss = scorePage(truth, 'seven eight nine ten');
    assert.equal(miss.precision, 0);
    assert.equal(miss.recall, 0);
  });

  it('counts extra text against precision and missing text against recall', () => {
    const s = scorePage('a b c d e', 'a b c d e f g');
    assert.equal(s.recall, 1);
    assert.equal(s.precision, 2 / 4);
  });

  it('averages precision over non-empty predictions only', () => {
    const t = aggregate([scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e', '')]);
    assert.equal(t.precision, 1);
    assert.equal(t.recall, 0.5);
    assert.equal(t.f1, (2 * 1 * 0.5) / 1.5);
  });
});
