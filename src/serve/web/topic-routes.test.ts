import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { seedStore } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { assertInert } from '../testing/assert-inert.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';

describeEachDialect('topic pages', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    await seedStore(store, [
      {
        url: 'https://valleycourier.example/elwyn-fair',
        fetchedAt: '2026-11-22T11:40:00Z',
        articles: [
          {
            id: 'fair',
            familyId: 'fam-fair',
            storyId: 'story-fair',
            article: { title: 'Port Elwyn winter fair opens' },
            topics: [{ kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' }],
          },
        ],
      },
    ]);
    app = buildApp({ store, config: { pageSize: 1, now: () => new Date('2026-11-22T12:00:00Z') } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('lists topics with their story counts, most covered first', async () => {
    const res = await app.inject('/topics');
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<a href="\/topics\/place%3Aport-elwyn">Port Elwyn<\/a> <span class="meta">2 stories<\/span>/,
    );
    assert.ok(res.body.indexOf('Port Elwyn') < res.body.indexOf('theme%3Ahostile'));
    assertInert(res.body);
  });

  it("pages through a topic's stories, newest first", async () => {
    const first = await app.inject('/topics/place:port-elwyn');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /<h1>Port Elwyn<\/h1>/);
    assert.match(first.body, /href="\/stories\/story-fair"/);
    assert.match(first.body, /rel="next" href="\/topics\/place%3Aport-elwyn\?page=2"/);
    const second = await app.inject('/topics/place%3Aport-elwyn?page=2');
    assert.match(second.body, /href="\/stories\/story-bridge"/);
    assert.doesNotMatch(second.body, /rel="next"/);
  });

  it('answers an unknown topic with 404 and escapes a hostile topic name', async () => {
    assert.equal((await app.inject('/topics/place:atlantis')).statusCode, 404);
    const hostile = await app.inject('/topics/theme:hostile');
    assert.equal(hostile.statusCode, 200);
    assertInert(hostile.body);
    assert.match(hostile.body, /<h1>&lt;script&gt;/);
  });
});
