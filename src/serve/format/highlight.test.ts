import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SNIPPET_CHARS, highlight, queryTerms, snippetAround } from './highlight.js';
import { assertInert } from '../testing/assert-inert.js';

describe('search highlighting', () => {
  it('marks every query word, ignoring case and diacritics', () => {
    const terms = queryTerms('zurich BRIDGE');
    assert.equal(
      highlight('The Bridge of Zürich, a bridge.', terms).value,
      'The <mark>Bridge</mark> of <mark>Zürich</mark>, a <mark>bridge</mark>.',
    );
  });
  it('escapes the text around and inside marks', () => {
    const out = highlight('<script>alert(1)</script> bridge "x"', queryTerms('script bridge'));
    assertInert(out.value);
    assert.match(out.value, /&lt;<mark>script<\/mark>&gt;alert/);
  });
  it('centres a long snippet on the first match', () => {
    const text = `${'filler '.repeat(80)}the ferry left ${'later '.repeat(80)}`;
    const out = snippetAround(text, queryTerms('ferry'));
    assert.match(out, /^….*the ferry left.*…$/);
    assert.ok(out.length <= SNIPPET_CHARS + 2);
    assert.equal(snippetAround('short text', queryTerms('x')), 'short text');
  });
});
