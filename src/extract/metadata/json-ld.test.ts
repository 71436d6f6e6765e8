import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonLd } from './json-ld.js';

describe('readJsonLd', () => {
  it('finds the news article inside @graph and reads authors, publisher and dates', () => {
    const block = JSON.stringify({
      '@graph': [
        { '@type': 'WebPage', name: 'Page name' },
        {
          '@type': ['NewsArticle'],
          headline: 'Dam opens spillways',
          author: [{ name: 'Ada Pellworth' }, 'Tomas Reyne'],
          publisher: { name: 'Orlen Daily' },
          datePublished: '2031-05-04T08:00:00Z',
          image: [{ url: 'https://img.example/dam.jpg' }],
        },
      ],
    });
    const a = readJsonLd([block]);
    assert.equal(a?.headline, 'Dam opens spillways');
    assert.equal(a?.author, 'Ada Pellworth, Tomas Reyne');
    assert.equal(a?.publisher, 'Orlen Daily');
    assert.equal(a?.published, '2031-05-04T08:00:00Z');
    assert.equal(a?.image, 'https://img.example/dam.jpg');
  });

  it('skips broken blocks and objects that are not articles', () => {
    assert.equal(
      readJsonLd(['{not json', JSON.stringify({ '@type': 'Organization', name: 'X' })]),
      null,
    );
  });
});
