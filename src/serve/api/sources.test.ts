import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';

const OPML =
  '<?xml version="1.0"?><opml version="2.0"><head/><body><outline type="rss" text="Valley Post" xmlUrl="https://valley.example/feed.xml"/><outline type="rss" text="Bad" xmlUrl="ftp://nope.example/x"/></body></opml>';

describe('sources API', () => {
  let store: Store;
  let app: FastifyInstance;
  let closed: FastifyInstance;
  const auth = { authorization: 'Bearer s3cret-token' };
  before(async () => {
    store = await openStore('sqlite::memory:');
    await store.addSource({
      kind: 'feed',
      uri: 'https://harbour-gazette.example/feed.xml',
      title: 'Harbour Gazette',
    });
    await store.recordSourceFetch('https://harbour-gazette.example/feed.xml', {
      at: '2026-03-02T10:00:00.000Z',
      error: 'fetch: unable to fetch https://harbour-gazette.example/feed.xml: HTTP 503',
      httpStatus: 503,
      nextPollAt: '2026-03-02T10:15:00.000Z',
      pollIntervalS: 900,
    });
    app = buildApp({ store, sourceAdmin: { token: 's3cret-token' } });
    closed = buildApp({ store });
  });
  after(async () => {
    await app.close();
    await closed.close();
    await store.close();
  });

  it('lists sources with their health record and schedule', async () => {
    const res = await app.inject('/api/v1/sources');
    assert.equal(res.statusCode, 200);
    const [source] = res.json().sources;
    assert.equal(source.title, 'Harbour Gazette');
    assert.deepEqual(source.health, {
      lastOkAt: null,
      lastAttemptAt: '2026-03-02T10:00:00.000Z',
      lastError: 'fetch: unable to fetch https://harbour-gazette.example/feed.xml: HTTP 503',
      consecutiveFailures: 1,
      lastHttpStatus: 503,
      lastNewItemsAt: null,
    });
    assert.deepEqual(source.schedule, {
      nextPollAt: '2026-03-02T10:15:00.000Z',
      intervalSeconds: 900,
    });
  });

  it('refuses changes when no admin token is set, or a wrong one is given', async () => {
    const off = await closed.inject({
      method: 'POST',
      url: '/api/v1/sources',
      payload: { url: 'https://x.example/feed' },
    });
    assert.equal(off.statusCode, 403);
    assert.match(off.json().error.message, /STORYLINE_ADMIN_TOKEN/);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { authorization: 'Bearer guess' },
      payload: { url: 'https://x.example/feed' },
    });
    assert.equal(wrong.statusCode, 403);
    assert.equal((await store.listSources()).length, 1);
  });

  it('adds, removes, imports OPML and exports OPML with the admin token', async () => {
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: auth,
      payload: { url: 'https://island-times.example/rss', kind: 'feed' },
    });
    assert.equal(added.statusCode, 201);
    assert.equal(added.json().source.uri, 'https://island-times.example/rss');
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: auth,
      payload: { url: 'javascript:alert(1)' },
    });
    assert.equal(bad.statusCode, 400);
    const removed = await app.inject({
      method: 'DELETE',
      url: '/api/v1/sources?url=https://island-times.example/rss',
      headers: auth,
    });
    assert.equal(removed.statusCode, 204);
    const again = await app.inject({
      method: 'DELETE',
      url: '/api/v1/sources?url=https://island-times.example/rss',
      headers: auth,
    });
    assert.equal(again.statusCode, 404);
    const imported = await app.inject({
      method: 'POST',
      url: '/api/v1/sources/import',
      headers: { ...auth, 'content-type': 'text/x-opml' },
      payload: OPML,
    });
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json().imported, 1);
    assert.equal(imported.json().skipped[0].url, 'ftp://nope.example/x');
    const notOpml = await app.inject({
      method: 'POST',
      url: '/api/v1/sources/import',
      headers: { ...auth, 'content-type': 'text/x-opml' },
      payload: '<rss/>',
    });
    assert.equal(notOpml.statusCode, 400);
    const exported = await app.inject('/api/v1/sources.opml');
    assert.match(exported.headers['content-type'] as string, /text\/x-opml/);
    assert.match(exported.body, /xmlUrl="https:\/\/valley\.example\/feed\.xml"/);
  });
});
