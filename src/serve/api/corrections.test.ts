import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pipeline } from '../../pipeline.js';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';

const NOW = new Date('2030-05-01T12:00:00Z');
// Fictional reports, one page each.
const page = (url: string, html: string) => ({
  url,
  fetchedAt: NOW,
  body: new TextEncoder().encode(html),
  contentType: 'text/html',
});
const article = (title: string, body: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
const FLOOD = article(
  'Floods hit Marrow Valley after river Tolle bursts',
  'The river Tolle burst its banks near Marrow Valley on Sunday, forcing 3,400 residents of Kessing to leave their homes, mayor Ilse Varga said in a statement to reporters at the town hall.\nRescue crews used boats to reach farms cut off by the water, and the regional council opened two shelters in schools on higher ground for families who had nowhere else to go.',
);
const TRADE = article(
  'Ostria and Lumen sign grain trade deal',
  'Ostria and Lumen signed a grain export agreement worth 2 billion crowns, trade minister Oda Fenn said in Lumen on Monday after two years of talks between the neighbours.\nThe deal lowers tariffs on wheat and barley over five years and sets up a joint committee to settle disputes over quality checks at the border crossings.',
);

describe('correction routes', () => {
  let dir: string;
  let store: Store;
  let app: ReturnType<typeof buildApp>;
  let stories: string[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-correction-api-'));
    store = await openStore(`sqlite:${join(dir, 'c.db')}`);
    const pipeline = await Pipeline.open(store);
    await pipeline.processPage(page('https://a.example/flood', FLOOD), null, NOW);
    await pipeline.processPage(page('https://b.example/trade', TRADE), null, NOW);
    stories = (await store.listStories({ limit: 10 })).map((s) => s.id);
    app = buildApp({
      store,
      corrections: { token: 'secret', correct: (request, note) => pipeline.correct(request, note) },
    });
  });
  after(async () => {
    await app.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a merge without the admin token', async () => {
    assert.equal(stories.length, 2);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/stories/${stories[0]}/merge`,
      payload: { into: stories[1] },
    });
    assert.equal(res.statusCode, 403);
  });

  it('answers 404 for an unknown story and 400 for a missing target', async () => {
    const headers = { authorization: 'Bearer secret' };
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/stories/nope/merge',
      headers,
      payload: { into: stories[1] },
    });
    assert.equal(unknown.statusCode, 404);
    const missing = await app.inject({
      method: 'POST',
      url: `/api/v1/stories/${stories[0]}/merge`,
      headers,
      payload: {},
    });
    assert.equal(missing.statusCode, 400);
  });

  it('merges two stories, then moves an article back out, and lists both corrections', async () => {
    const headers = { authorization: 'Bearer secret' };
    const merged = await app.inject({
      method: 'POST',
      url: `/api/v1/stories/${stories[0]}/merge`,
      headers,
      payload: { into: stories[1], note: 'one event' },
    });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal((await store.listStories({ limit: 10 })).length, 1);
    const [only] = await store.listStories({ limit: 10 });
    const view = await store.getStory(only!.id);
    const articleId = view!.families
      .flatMap((f) => f.articles)
      .find((a) => a.title?.startsWith('Ostria'))!.id;
    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/articles/${articleId}/move`,
      headers,
      payload: {},
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal((await store.listStories({ limit: 10 })).length, 2);
    const list = await app.inject({ method: 'GET', url: '/api/v1/corrections' });
    const body = JSON.parse(list.body) as {
      corrections: { request: { kind: string }; note: string | null }[];
    };
    assert.deepEqual(
      body.corrections.map((c) => c.request.kind),
      ['merge', 'move'],
    );
    assert.equal(body.corrections[0]!.note, 'one event');
  });
});
