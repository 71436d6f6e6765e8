import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropFromHtml } from './drop-from-html.js';

describe('dropFromHtml', () => {
  it('removes blocks and bare text whose text was dropped from the paragraphs', () => {
    const html =
      '<p>By <a href="https://x.example/a">Ana Lin</a></p><p>Body &amp; more.</p> Advertisement <p>End.</p>';
    assert.equal(
      dropFromHtml(html, new Set(['By Ana Lin', 'Advertisement'])),
      '<p>Body &amp; more.</p><p>End.</p>',
    );
  });

  it('keeps a block whose text was not dropped, even when a dropped line is a part of it', () => {
    const html = '<blockquote><p>Advertisement</p><p>Kept quote.</p></blockquote>';
    assert.equal(
      dropFromHtml(html, new Set(['Advertisement'])),
      '<blockquote><p>Kept quote.</p></blockquote>',
    );
  });

  it('matches escaped text against the raw paragraph', () => {
    assert.equal(
      dropFromHtml('<h2>Q&amp;A &lt;live&gt;</h2><p>x</p>', new Set(['Q&A <live>'])),
      '<p>x</p>',
    );
  });
});
