import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { etagOf, matchesIfNoneMatch } from './etag.js';
import { seedStore } from './testing/seed-store.js';
import { CORPUS } from './testing/seed-corpus.js';
import { describeEachDialect } from '../../test/helpers/dialects.js';

describe('etag matching', () => {
  it('compares weakly and understands lists and the wildcard', () => {
    const tag = etagOf('body');
    assert.match(tag, /^W\/"[0-9a-f]{16}"$/);
    assert.equal(matchesIfNoneMatch(tag, tag), true);
    assert.equal(matchesIfNoneMatch(tag.slice(2), tag), true);
    assert.equal(matchesIfNoneMatch(`"other", ${tag}`, tag), true);
    assert.equal(matchesIfNoneMatch('*', tag), true);
    assert.equal(matchesIfNoneMatch('"other"', tag), false);
    assert.equal(matchesIfNoneMatch(undefined, tag), false);
  });
});

describeEachDialect('conditional GET', (dialect) => {
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

  it('answers 304 with no body when the page has not changed, 200 when it has', async () => {
    for (const url of [
      '/',
      '/stories/story-bridge',
      '/api/v1/articles/wire-bridge',
      '/static/app.css',
    ]) {
      const first = await app.inject(url);
      const etag = first.headers.etag as string;
      assert.ok(etag, url);
      const again = await app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '');
      const stale = await app.inject({ url, headers: { 'if-none-match': 'W/"0000"' } });
      assert.equal(stale.statusCode, 200, url);
    }
  });

  it('changes the tag when the content changes', async () => {
    const before = (await app.inject('/')).headers.etag;
    await seedStore(store, [
      {
        url: 'https://valleycourier.example/late',
        fetchedAt: '2026-11-22T11:59:00Z',
        articles: [{ id: 'late', familyId: 'fam-late', storyId: 'story-late' }],
      },
    ]);
    const after = (await app.inject('/')).headers.etag;
    assert.notEqual(after, before);
  });

  it('does not tag errors', async () => {
    const res = await app.inject('/stories/nope');
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers.etag, undefined);
  });
});
