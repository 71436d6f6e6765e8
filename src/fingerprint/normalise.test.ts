import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseText } from './normalise.js';

describe('normaliseText', () => {
  it('folds acronym case and dotted abbreviations to the same words', () => {
    assert.equal(
      normaliseText('NATO and the U.S. agreed'),
      normaliseText('Nato and the US agreed'),
    );
    assert.equal(normaliseText('U.S.'), 'us');
  });

  it('unifies typographic quotes and drops punctuation', () => {
    assert.equal(
      normaliseText('\u201cWe won\u2019t,\u201d she said \u2014 twice.'),
      'we wont she said twice',
    );
    assert.equal(normaliseText('"We won\'t," she said - twice.'), 'we wont she said twice');
  });

  it('applies NFKC and removes thousands separators', () => {
    assert.equal(normaliseText('\uff11,200 \ufb01sh'), '1200 fish');
    assert.equal(normaliseText('3.5 per cent'), '3 5 per cent');
  });

  it('returns an empty string for punctuation only', () => {
    assert.equal(normaliseText(' -- ... '), '');
  });
});
