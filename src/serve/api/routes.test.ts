import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { seedStore } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { assertInert } from '../testing/assert-inert.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';

describeEachDialect('JSON API v1', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    app = buildApp({ store, config: { pageSize: 2 } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('lists stories newest first with paging links', async () => {
    const res = await app.inject('/api/v1/stories');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    const body = res.json();
    assert.deepEqual(
      body.stories.map((s: { id: string }) => s.id),
      ['story-hostile', 'story-ferry'],
    );
    assert.equal(body.hasNext, true);
    assert.deepEqual(body.links, { next: '/api/v1/stories?page=2&limit=2', prev: null });
    assert.deepEqual(body.stories[1].links, {
      self: '/api/v1/stories/story-ferry',
      html: '/stories/story-ferry',
    });
  });

  it('follows page and limit, and stops at the last page', async () => {
    const middle = (await app.inject('/api/v1/stories?page=2&limit=1')).json();
    assert.deepEqual(
      middle.stories.map((s: { id: string }) => s.id),
      ['story-ferry'],
    );
    assert.equal(middle.limit, 1);
    assert.deepEqual(middle.links, {
      next: '/api/v1/stories?page=3&limit=1',
      prev: '/api/v1/stories?page=1&limit=1',
    });
    const last = (await app.inject('/api/v1/stories?page=2')).json();
    assert.deepEqual(
      last.stories.map((s: { id: string }) => s.id),
      ['story-bridge'],
    );
    assert.equal(last.hasNext, false);
    assert.equal(last.links.next, null);
    assert.equal(last.stories[0].articleCount, 2);
    assert.equal(last.stories[0].familyCount, 1);
  });

  it('refuses bad paging with a coded 400', async () => {
    for (const query of ['page=0', 'page=x', 'limit=101', 'limit=0']) {
      const res = await app.inject(`/api/v1/stories?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.equal(res.json().error.code, 'BAD_REQUEST', query);
      assert.equal(res.json().error.status, 400);
    }
  });

  it('returns a story with families, the original marked, and topics', async () => {
    const res = await app.inject('/api/v1/stories/story-bridge');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.story.id, 'story-bridge');
    assert.equal(body.families.length, 1);
    const [family] = body.families;
    assert.equal(family.originalId, 'wire-bridge');
    assert.deepEqual(
      family.articles.map((a: { id: string; isOriginal: boolean }) => [a.id, a.isOriginal]),
      [
        ['wire-bridge', true],
        ['gazette-bridge', false],
      ],
    );
    assert.deepEqual(body.topics, [{ kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' }]);
  });

  it('returns an article with text, metadata and links', async () => {
    const res = await app.inject('/api/v1/articles/gazette-bridge');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.title, 'Swing bridge reopens');
    assert.equal(body.credit, 'Lantern Wire');
    assert.deepEqual(body.paragraphs, [
      'The bridge opened at dawn, officials said.',
      'Traffic resumed by noon.',
    ]);
    assert.equal(body.isOriginal, false);
    assert.deepEqual(body.links, {
      self: '/api/v1/articles/gazette-bridge',
      html: '/articles/gazette-bridge',
      story: '/stories/story-bridge',
    });
  });

  it('passes stored html through the same allow-list as the pages', async () => {
    const body = (await app.inject('/api/v1/articles/hostile')).json();
    assertInert(body.html);
    assert.match(body.html, /<p>Fine text.<\/p>/);
  });

  it('lists topics and pages through the stories of one', async () => {
    const topics = (await app.inject('/api/v1/topics')).json();
    const elwyn = topics.topics.find((t: { key: string }) => t.key === 'place:port-elwyn');
    assert.deepEqual(elwyn, {
      key: 'place:port-elwyn',
      kind: 'place',
      name: 'Port Elwyn',
      storyCount: 1,
      links: { self: '/api/v1/topics/place%3Aport-elwyn', html: '/topics/place%3Aport-elwyn' },
    });
    const res = await app.inject('/api/v1/topics/place:port-elwyn?limit=1');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.topic.name, 'Port Elwyn');
    assert.deepEqual(
      body.stories.map((s: { id: string }) => s.id),
      ['story-bridge'],
    );
    assert.equal(body.hasNext, false);
    assert.equal(
      (await app.inject('/api/v1/topics/place:atlantis')).json().error.code,
      'NOT_FOUND',
    );
  });

  it('answers unknown ids and paths with a coded JSON 404', async () => {
    for (const url of ['/api/v1/stories/nope', '/api/v1/articles/nope', '/api/v1/nothing']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'NOT_FOUND', url);
    }
    assert.equal(
      (await app.inject('/api/v1/articles/nope')).json().error.message,
      'serve: no article nope',
    );
  });
});
