import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { assertInert } from '../testing/assert-inert.js';
import { HOSTILE } from '../testing/fixture-rows.js';
import { seedStore, type SeedPage } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';

/** The wire story fetched again an hour later with a corrected text. */
const CORRECTED: SeedPage = {
  url: 'https://lanternwire.example/2026/bridge',
  fetchedAt: '2026-11-22T10:30:00Z',
  articles: [
    {
      id: 'wire-bridge',
      familyId: 'fam-bridge',
      storyId: 'story-bridge',
      article: {
        title: 'Old swing bridge reopens after two-year repair (corrected)',
        outlet: 'Lantern Wire',
        paragraphs: ['The bridge opened at 7 a.m.', 'Traffic resumed by noon.'],
      },
    },
  ],
};

describeEachDialect('article versions', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, [...CORPUS, CORRECTED]);
    await seedStore(store, [
      {
        ...CORRECTED,
        url: 'https://lanternwire.example/2026/bridge?v=3',
        fetchedAt: '2026-11-22T11:00:00Z',
        articles: [
          {
            ...CORRECTED.articles[0]!,
            article: { title: HOSTILE.script, paragraphs: [HOSTILE.broken] },
          },
        ],
      },
    ]);
    app = buildApp({ store, config: { now: () => new Date('2026-11-22T12:00:00Z') } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('links an article whose text changed to its earlier versions', async () => {
    const res = await app.inject('/articles/wire-bridge');
    assert.match(
      res.body,
      /<dt>Versions<\/dt><dd>text changed since first seen: <a href="\/articles\/wire-bridge\/revisions">3 versions<\/a><\/dd>/,
    );
    const unchanged = await app.inject('/articles/courier-ferry');
    assert.doesNotMatch(unchanged.body, /<dt>Versions<\/dt>/);
  });

  it('lists earlier versions newest first, escaped', async () => {
    const res = await app.inject('/articles/wire-bridge/revisions');
    assert.equal(res.statusCode, 200);
    const v2 = res.body.indexOf('Version 2,');
    const v1 = res.body.indexOf('Version 1,');
    assert.ok(v2 > 0 && v2 < v1, 'newest earlier version first');
    assert.match(res.body, /<p>The bridge opened at 7 a\.m\.<\/p>/);
    assert.match(res.body, /<p>The bridge opened at dawn\.<\/p>/);
    assertInert(res.body);
  });

  it('serves the versions as JSON and 404s for an unknown article', async () => {
    const body = (await app.inject('/api/v1/articles/wire-bridge/revisions')).json();
    assert.equal(body.current, 3);
    assert.deepEqual(
      body.revisions.map((r: { revision: number }) => r.revision),
      [2, 1],
    );
    assert.equal((await app.inject('/articles/nope/revisions')).statusCode, 404);
    assert.equal(
      (await app.inject('/api/v1/articles/nope/revisions')).json().error.code,
      'NOT_FOUND',
    );
  });
});
