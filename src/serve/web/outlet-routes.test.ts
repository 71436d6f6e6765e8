import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { seedStore } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { HOSTILE } from '../testing/fixture-rows.js';
import { assertInert } from '../testing/assert-inert.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';
import { APP_JS_HASH } from './app-script.js';

describeEachDialect('outlet, sources, related and summary pages', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url(), {
      now: () => new Date('2026-11-22T11:00:00Z'),
    });
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
            article: { title: 'Port Elwyn winter fair opens', outlet: 'Valley Courier' },
            topics: [
              { kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' },
              { kind: 'person', name: 'Ines Calder', key: 'person:ines-calder' },
              { kind: 'organisation', name: 'Elwyn Harbour Board', key: 'organisation:ehb' },
            ],
          },
        ],
      },
      // The bridge story names the same two actors as the fair: that makes them related.
      {
        url: 'https://lanternwire.example/2026/bridge-board',
        fetchedAt: '2026-11-22T09:30:00Z',
        articles: [
          {
            id: 'wire-bridge-board',
            familyId: 'fam-bridge-board',
            storyId: 'story-bridge',
            article: { title: 'Harbour board thanks bridge crews', outlet: 'Lantern Wire' },
            topics: [
              { kind: 'organisation', name: 'Lantern Wire', key: 'organisation:lantern-wire' },
              { kind: 'person', name: 'Ines Calder', key: 'person:ines-calder' },
              { kind: 'organisation', name: 'Elwyn Harbour Board', key: 'organisation:ehb' },
            ],
          },
        ],
      },
      // Shares the town, one person and an outlet named as an organisation with the bridge story:
      // one actor is not a thread, and an outlet is a source, not an actor.
      {
        url: 'https://weatherdesk.example/elwyn-rain',
        fetchedAt: '2026-11-22T09:40:00Z',
        articles: [
          {
            id: 'rain',
            familyId: 'fam-rain',
            storyId: 'story-rain',
            article: { title: 'Port Elwyn had its wettest week', outlet: 'Weather Desk' },
            topics: [
              { kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' },
              { kind: 'person', name: 'Ines Calder', key: 'person:ines-calder' },
              { kind: 'organisation', name: 'Lantern Wire', key: 'organisation:lantern-wire' },
            ],
          },
        ],
      },
    ]);
    await store.addSource({ kind: 'feed', uri: 'https://lanternwire.example/feed.xml' });
    await store.addSource({ kind: 'feed', uri: HOSTILE.jsUrl, title: HOSTILE.script });
    await store.recordSourceFetch(HOSTILE.jsUrl, { at: '2026-11-22T10:00:00Z', error: 'x' });
    for (let i = 0; i < 3; i++) {
      await store.recordSourceFetch(HOSTILE.jsUrl, {
        at: '2026-11-22T10:00:00Z',
        error: HOSTILE.broken,
      });
    }
    // A stand-in summariser with the enrich stage's shape: first sentence of each article.
    const summarise = (articles: readonly { id: string; text: string; outlet: string | null }[]) =>
      articles.slice(0, 2).map((a) => ({
        text: a.text.split('.')[0] + '.',
        articleIds: [a.id],
        singleSource: true,
      }));
    app = buildApp({ store, summarise, config: { now: () => new Date('2026-11-22T12:00:00Z') } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('lists outlets by articles and pages one outlet’s stories', async () => {
    const list = await app.inject('/outlets');
    assert.equal(list.statusCode, 200);
    assert.match(
      list.body,
      /<a href="\/outlets\/Valley%20Courier">Valley Courier<\/a> <span class="meta">2 articles, 2 stories/,
    );
    assertInert(list.body);
    const one = await app.inject('/outlets/Valley%20Courier');
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /<h1>Valley Courier<\/h1>/);
    assert.match(one.body, /href="\/stories\/story-fair"/);
    assert.match(one.body, /href="\/stories\/story-ferry"/);
    assert.doesNotMatch(one.body, /story-bridge/);
    assert.equal((await app.inject('/outlets/Nobody')).statusCode, 404);
    const hostile = await app.inject(`/outlets/${encodeURIComponent(HOSTILE.singleQuote)}`);
    assert.equal(hostile.statusCode, 200);
    assertInert(hostile.body);
  });

  it('answers the same as JSON: outlets, one outlet’s stories, related stories (two shared actors, outlets not counted)', async () => {
    const outlet = (await app.inject('/api/v1/outlets/Valley%20Courier')).json();
    assert.equal(outlet.outlet.articleCount, 2);
    assert.deepEqual(outlet.stories.map((s: { id: string }) => s.id).sort(), [
      'story-fair',
      'story-ferry',
    ]);
    const related = (await app.inject('/api/v1/stories/story-bridge/related')).json();
    assert.deepEqual(
      related.related.map((r: { story: { id: string } }) => r.story.id),
      ['story-fair'],
    );
    assert.deepEqual(related.related[0].sharedTopics.map((t: { key: string }) => t.key).sort(), [
      'organisation:ehb',
      'person:ines-calder',
      'place:port-elwyn',
    ]);
    assert.ok(related.related[0].score > 0);
  });

  it('shows each source with its health and never links a javascript: source', async () => {
    const res = await app.inject('/sources');
    assert.equal(res.statusCode, 200);
    assertInert(res.body);
    assert.match(res.body, /2 sources, 1 failing/);
    assert.match(res.body, /<th scope="col">Last new items<\/th><th scope="col">Next fetch<\/th>/);
    assert.match(res.body, /data-health="failing">failing<\/span> \(4 failed in a row\)/);
    assert.match(res.body, /<a href="https:\/\/lanternwire.example\/feed.xml"/);
    assert.match(res.body, /<code>javascript:alert\(document.cookie\)<\/code>/);
  });

  it('gives a story its summary with source links, timeline, outlets and related stories', async () => {
    const res = await app.inject('/stories/story-bridge');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2 id="summary">Summary<\/h2>/);
    assert.match(
      res.body,
      /<li>The bridge opened at dawn. <span class="sources">\(<a href="\/articles\/wire-bridge">Lantern Wire<\/a>\)<\/span> <span class="single"/,
    );
    const timeline = res.body.slice(res.body.indexOf('id="timeline"'));
    assert.ok(timeline.indexOf('wire-bridge') < timeline.indexOf('gazette-bridge'));
    assert.match(timeline, /Swing bridge reopens<\/a> <span class="meta">\(copy\)<\/span>/);
    assert.match(res.body, /<a href="\/outlets\/Lantern%20Wire">Lantern Wire<\/a>/);
    assert.match(res.body, /<h2 id="related">Related stories<\/h2>/);
    assert.match(
      res.body,
      /href="\/stories\/story-fair">Port Elwyn winter fair opens<\/a>[^]*shares [^<]*Port Elwyn/,
    );
    assert.match(res.body, /data-story="story-bridge" data-updated="2026-11-22T10:00:00.000Z"/);
    assertInert(res.body);
  });

  it('marks search matches in titles and snippets', async () => {
    const res = await app.inject('/search?q=bridge');
    assert.match(res.body, /Old swing <mark>bridge<\/mark> reopens/);
    assert.match(res.body, /The <mark>bridge<\/mark> opened at dawn/);
  });

  it('serves the progressive script from its own origin, versioned, with no markup writes', async () => {
    const res = await app.inject(`/static/app.js?v=${APP_JS_HASH}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.doesNotMatch(res.body, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    const page = await app.inject('/');
    assert.match(page.body, new RegExp(`<script src="/static/app.js\\?v=${APP_JS_HASH}" defer>`));
  });
});
