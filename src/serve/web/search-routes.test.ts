import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { seedStore } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { assertInert } from '../testing/assert-inert.js';
import { snippet, SNIPPET_CHARS } from '../pages/search.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';

describeEachDialect('search', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    app = buildApp({ store, config: { now: () => new Date('2026-11-22T12:00:00Z') } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('shows the form alone when there is no query', async () => {
    const res = await app.inject('/search');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<form role="search" method="get" action="\/search"/);
    assert.doesNotMatch(res.body, /found\./);
  });

  it('finds articles by words of their body and links them with their story', async () => {
    const res = await app.inject('/search?q=bridge%20dawn');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /2 articles found/);
    assert.match(res.body, /href="\/articles\/wire-bridge"/);
    assert.match(res.body, /href="\/articles\/gazette-bridge"/);
    assert.match(res.body, /<input id="q" name="q" type="search" value="bridge dawn"/);
  });

  it('lists the matching story above the articles, with its outlets and counts', async () => {
    const res = await app.inject('/search?q=bridge%20dawn');
    const stories = res.body.indexOf('<h2 id="story-results">Stories</h2>');
    const articles = res.body.indexOf('<h2 id="article-results">Articles</h2>');
    assert.ok(stories > 0 && articles > stories, 'stories section first');
    const section = res.body.slice(stories, articles);
    assert.equal(section.match(/href="\/stories\/story-bridge"/g)?.length, 1);
    assert.match(section, /2 articles, 1 copy/);
    assert.doesNotMatch((await app.inject('/search?q=zeppelin')).body, /id="story-results"/);
  });

  it('says when nothing matches and escapes the query everywhere it is shown', async () => {
    const q = '"><svg onload=zeppelin>';
    const res = await app.inject(`/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200);
    assertInert(res.body);
    assert.match(
      res.body,
      /No articles match every word of “&quot;&gt;&lt;svg onload=zeppelin&gt;”/,
    );
  });

  it('refuses an overlong query', async () => {
    const res = await app.inject(`/search?q=${'a'.repeat(201)}`);
    assert.equal(res.statusCode, 400);
  });

  it('answers the same search as JSON', async () => {
    const res = await app.inject('/api/v1/search?q=ferry&limit=5');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.query, 'ferry');
    assert.deepEqual(
      body.articles.map((a: { id: string }) => a.id),
      ['courier-ferry'],
    );
    assert.deepEqual(
      body.stories.map((s: { id: string }) => s.id),
      ['story-ferry'],
    );
    assert.equal((await app.inject('/api/v1/search?q=ferry&page=2')).statusCode, 400);
  });

  it('cuts snippets at a word boundary', () => {
    const long = 'word '.repeat(100);
    const out = snippet(long);
    assert.ok(out.length <= SNIPPET_CHARS + 1);
    assert.match(out, /word…$/);
    assert.equal(snippet('  short\n text '), 'short text');
  });
});
