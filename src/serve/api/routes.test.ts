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

  it('lists stories newest first with a cursor to the next page', async () => {
    const res = await app.inject('/api/v1/stories');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    const body = res.json();
    assert.deepEqual(
      body.stories.map((s: { id: string }) => s.id),
      ['story-hostile', 'story-ferry'],
    );
    assert.equal(body.hasNext, true);
    assert.equal(typeof body.nextCursor, 'string');
    assert.deepEqual(body.links, { next: `/api/v1/stories?cursor=${body.nextCursor}&limit=2` });
    assert.deepEqual(body.stories[1].links, {
      self: '/api/v1/stories/story-ferry',
      html: '/stories/story-ferry',
    });
  });

  it('walks every story once by following links.next, and stops at the last page', async () => {
    type StoryPage = {
      stories: { id: string; articleCount: number; familyCount: number }[];
      limit: number;
      hasNext: boolean;
      links: { next: string | null };
    };
    const seen: string[] = [];
    let next: string | null = '/api/v1/stories?limit=1';
    let last: StoryPage | null = null;
    while (next !== null) {
      const page: StoryPage = (await app.inject(next)).json();
      assert.equal(page.limit, 1);
      seen.push(...page.stories.map((s) => s.id));
      next = page.links.next;
      last = page;
    }
    assert.deepEqual(seen, ['story-hostile', 'story-ferry', 'story-bridge']);
    assert.equal(last?.hasNext, false);
    assert.equal(last?.stories[0]?.articleCount, 2);
    assert.equal(last?.stories[0]?.familyCount, 1);
  });

  it('refuses bad paging with a coded 400 that says why', async () => {
    const forged = Buffer.from(JSON.stringify([1, 2])).toString('base64url');
    const cases: [string, RegExp][] = [
      ['page=2', /pages by cursor/],
      ['cursor=not%20base64!', /cursor is not one this API gave out/],
      ['cursor=bm90IGpzb24', /cursor is not one this API gave out/],
      [`cursor=${forged}`, /cursor is not one this API gave out/],
      ['limit=101', /limit must be/],
      ['limit=0', /limit must be/],
      ['limit=x', /limit must be/],
    ];
    for (const [query, message] of cases) {
      const res = await app.inject(`/api/v1/stories?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.equal(res.json().error.code, 'BAD_REQUEST', query);
      assert.equal(res.json().error.status, 400);
      assert.match(res.json().error.message, message, query);
    }
  });

  it('searches stories as well as articles, a story found through its articles', async () => {
    const body = (await app.inject('/api/v1/search?q=bridge')).json();
    assert.deepEqual(
      body.stories.map((s: { id: string }) => s.id),
      ['story-bridge'],
    );
    assert.deepEqual(
      body.articles.map((a: { storyId: string }) => a.storyId),
      ['story-bridge', 'story-bridge'],
    );
    const none = (await app.inject('/api/v1/search?q=zeppelin')).json();
    assert.deepEqual([none.stories, none.articles], [[], []]);
    assert.equal((await app.inject('/api/v1/search?q=bridge&cursor=x')).statusCode, 400);
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
