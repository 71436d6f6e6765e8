// The two seed pages (DESIGN.md, "The seed case") must always work. They live in ../shared,
// which is not part of the repo: the test reads them when present and is skipped otherwise.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Article } from '../types.js';
import { extract } from './index.js';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const skip = existsSync(SEEDS) ? false : 'the shared seeds are not present';
const FETCHED = new Date('2025-08-20T12:00:00Z');

function run(name: string): { article: Article; related: Article[] } {
  const r = extract(
    {
      url: `file:///seeds/${name}`,
      fetchedAt: FETCHED,
      body: readFileSync(join(SEEDS, name)),
      contentType: 'text/plain',
    },
    FETCHED,
  );
  assert.equal(r.kind, 'article');
  return r.kind === 'article' ? r : (undefined as never);
}

describe('the seed pages', { skip }, () => {
  it('splits the aggregator dump into the Reuters story and three related articles', () => {
    const { article, related } = run('000_bb57ac129d5420f3.txt');
    assert.equal(article.paragraphs.length, 21);
    for (const bad of [
      'Hashtags',
      'Try Our AI',
      'Explore what',
      'Comments',
      'No comments yet',
      'Related Articles',
    ]) {
      assert.ok(!article.text.includes(bad), bad);
    }
    assert.deepEqual(
      related.map((r) => r.outlet),
      ['Daily Mirror', 'Reuters', 'Reuters'],
    );
    assert.ok(related[0]!.title?.includes('Pentagon'));
    assert.ok(related[1]!.title?.includes('Fed Governor Cook'));
    assert.ok(related[2]!.title?.includes('road to nowhere'));
    assert.equal(related[1]!.published, '2025-08-20T11:48:00.000Z');
    assert.equal(related[2]!.credit, 'Reuters');
  });

  it('cleans the Straits Times dump down to the story, with the caption as an image', () => {
    const { article } = run('001_736e09f0b2d7f6d7.txt');
    assert.equal(
      article.title,
      'US, Nato planners start to craft Ukraine security guarantee options',
    );
    assert.ok(article.paragraphs[0]!.startsWith('US and European military planners have begun'));
    for (const bad of [
      'Sign up now',
      'Follow topic:',
      'PHOTO: REUTERS',
      'See more on',
      'ATTENTION EDITORS',
      'Smoke rises',
    ]) {
      assert.ok(!article.text.includes(bad), bad);
    }
    assert.equal(article.text.split("Russia's Foreign Ministry has ruled out").length - 1, 1);
    assert.equal(article.credit, 'Reuters');
    assert.ok(!article.text.endsWith('REUTERS'));
    assert.ok(article.images.some((i) => i.caption?.startsWith('Smoke rises')));
  });
});
