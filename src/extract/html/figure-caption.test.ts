import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMParser } from 'linkedom';
import type { El } from './dom.js';
import { splitFigcaption } from './figure-caption.js';

function figcaption(inner: string): El {
  const doc = new DOMParser().parseFromString(
    `<html><body><figcaption>${inner}</figcaption></body></html>`,
    'text/html',
  );
  return doc.querySelector('figcaption') as unknown as El;
}

describe('splitFigcaption', () => {
  it('takes the credit from an element marked as credit', () => {
    const r = splitFigcaption(
      figcaption('Workers on the new span. <span class="image-credit">Photo: Ivo Marsh</span>'),
    );
    assert.deepEqual(r, { caption: 'Workers on the new span.', credit: 'Ivo Marsh' });
  });

  it('takes a written credit from the end of the caption', () => {
    assert.deepEqual(
      splitFigcaption(figcaption('The core stage in its hall. (credit: Space Agency)')),
      {
        caption: 'The core stage in its hall.',
        credit: 'Space Agency',
      },
    );
    assert.equal(
      splitFigcaption(figcaption('Crowds on the quay. Photo by Ana Lin')).credit,
      'Ana Lin',
    );
  });

  it('leaves a caption without a credit whole', () => {
    assert.deepEqual(splitFigcaption(figcaption('An otter on the mill race at dusk.')), {
      caption: 'An otter on the mill race at dusk.',
      credit: null,
    });
  });
});
