import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromRecord, parseArticleRecords, splitParagraphs } from './article-records.js';

describe('parseArticleRecords', () => {
  it('reads valid lines and reports each bad line with its number', () => {
    const input = [
      JSON.stringify({
        id: 'x1',
        text: 'First para.\n\nSecond para.',
        published: '2026-03-03T10:00:00Z',
      }),
      '{not json',
      JSON.stringify({ id: 'x2' }),
      '',
      JSON.stringify({ id: 'x1', text: 'again' }),
      JSON.stringify({ text: 'no id here', published: 'yesterday-ish' }),
    ].join('\n');
    const { records, errors } = parseArticleRecords(input, 'in.jsonl');
    assert.deepEqual(
      records.map((r) => r.id),
      ['x1'],
    );
    assert.equal(records[0]!.published, '2026-03-03T10:00:00.000Z');
    assert.deepEqual(
      errors.map((e) => e.message.replace(/ \(.*\)$/, '')),
      [
        'ingest: in.jsonl:2: not valid JSON',
        'ingest: in.jsonl:3: needs "text" or "html"',
        'ingest: in.jsonl:5: duplicate id x1',
        'ingest: in.jsonl:6: "published" is not a date: yesterday-ish',
      ],
    );
  });

  it('numbers records without an id by their line', () => {
    const { records } = parseArticleRecords(`\n${JSON.stringify({ text: 'a' })}`, 'f');
    assert.equal(records[0]!.id, 'L2');
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines when there are any, else on lines', () => {
    assert.deepEqual(splitParagraphs('a b\nc\n\nd'), ['a b c', 'd']);
    assert.deepEqual(splitParagraphs('a\r\nb\n'), ['a', 'b']);
    assert.deepEqual(splitParagraphs('  \n '), []);
  });
});

describe('articleFromRecord', () => {
  it('uses the first paragraph as title and the URL host as outlet when missing', () => {
    const a = articleFromRecord({
      id: '1',
      text: 'Headline\nBody text.',
      title: null,
      url: 'https://www.example.org/x',
      outlet: null,
      published: null,
      html: null,
      line: 1,
    });
    assert.equal(a.title, 'Headline');
    assert.equal(a.outlet, 'example.org');
    assert.deepEqual(a.paragraphs, ['Headline', 'Body text.']);
  });
});
