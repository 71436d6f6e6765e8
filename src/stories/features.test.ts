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
  it('weighs every mention of a word the article writes as a name, also opening a sentence', () => {
    const f = extractFeatures({
      title: null,
      text: 'Valdora closed. Officials said Valdora would reopen.',
      topics: [],
    });
    assert.equal(f.get('valdora'), 2 * PROPER_WEIGHT);
    assert.equal(f.get('^valdora'), 2);
  });

  it('counts a capital opening a sentence as a name only where the article never writes it in lower case', () => {
    const f = extractFeatures({
      title: null,
      text: 'Officials at Norlane Cargo said the cargo was safe. Cargo ships waited. Harbours closed.',
      topics: [],
    });
    assert.equal(f.get('cargo'), PROPER_WEIGHT + 2, 'one name mention, two plain ones');
    assert.equal(f.get('^cargo'), 1);
    assert.equal(f.get('^norlane'), 1);
    assert.equal(f.get('harbour'), 1, 'a capital that only opens a sentence is no name');
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
