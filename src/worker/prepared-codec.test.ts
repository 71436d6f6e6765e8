import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { preparePage } from '../pipeline.js';
import { WIRE_STORY, WIRE_TITLE } from '../../test/fixtures/families/texts.js';
import { decodePrepared, encodePrepared } from './prepared-codec.js';

const NOW = new Date('2026-11-22T12:00:00Z');

function preparedWireStory() {
  const text = [WIRE_TITLE, '', ...WIRE_STORY.flatMap((p) => [p, ''])].join('\n');
  return preparePage(
    {
      url: 'file:///tmp/wire-story.txt',
      fetchedAt: NOW,
      body: new TextEncoder().encode(text),
      contentType: 'text/plain',
    },
    NOW,
  );
}

describe('prepared-codec', () => {
  it('round-trips an extracted page with its MinHash signature as a Uint32Array', () => {
    const prepared = preparedWireStory();
    assert.equal(prepared.kind, 'article');
    const decoded = decodePrepared(encodePrepared(prepared));
    assert.equal(decoded.kind, 'article');
    if (prepared.kind !== 'article' || decoded.kind !== 'article') return;
    const [before, after] = [prepared.articles[0]!, decoded.articles[0]!];
    assert.ok(after.fingerprint.signature instanceof Uint32Array);
    assert.deepEqual(after.fingerprint.signature, before.fingerprint.signature);
    assert.equal(after.fingerprint.textHash, before.fingerprint.textHash);
    assert.equal(after.article.text, before.article.text);
  });

  it('leaves the shingle hashes out of the queue (the grouping lane recomputes them)', () => {
    const prepared = preparedWireStory();
    assert.ok(prepared.kind === 'article' && prepared.articles[0]!.fingerprint.shingles);
    const json = encodePrepared(prepared);
    assert.doesNotMatch(json, /"shingles"/);
    const decoded = decodePrepared(json);
    assert.ok(decoded.kind === 'article');
    assert.equal(decoded.articles[0]!.fingerprint.shingles, undefined);
  });

  it('passes other outcomes through unchanged', () => {
    const outcome = { kind: 'not-article', reason: 'a listing page' } as const;
    assert.deepEqual(decodePrepared(encodePrepared(outcome)), outcome);
  });
});
