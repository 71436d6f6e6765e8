import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  NUMBER_WEIGHT,
  PROPER_WEIGHT,
  TITLE_WEIGHT,
  TOPIC_WEIGHT,
  extractFeatures,
  normaliseWord,
} from './features.js';

describe('extractFeatures', () => {
  it('weighs names inside a sentence above the same word opening a sentence', () => {
    const f = extractFeatures({
      title: null,
      text: 'Harbours closed. Officials said Harbours would reopen.',
      topics: [],
    });
    assert.equal(f.get('harbour'), 1 + PROPER_WEIGHT);
  });

  it('weighs numbers, headline words and topics', () => {
    const f = extractFeatures({
      title: 'Quake',
      text: 'A quake killed 41.',
      topics: [{ key: 'place:orlan' }],
    });
    assert.equal(f.get('41'), NUMBER_WEIGHT);
    assert.equal(f.get('quake'), TITLE_WEIGHT + 1);
    assert.equal(f.get('@place:orlan'), TOPIC_WEIGHT);
  });
});

describe('normaliseWord', () => {
  it('drops stopwords and short scraps, folds accents and plurals', () => {
    assert.equal(normaliseWord('the'), null);
    assert.equal(normaliseWord('ox'), null);
    assert.equal(normaliseWord('Zürich’s'), 'zurich');
    assert.equal(normaliseWord('cities'), 'city');
    assert.equal(normaliseWord('floods'), 'flood');
    assert.equal(normaliseWord('7'), '7');
  });
});
