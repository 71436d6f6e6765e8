import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { assertInert } from './testing/assert-inert.js';
import { seedStore } from './testing/seed-store.js';
import { CORPUS } from './testing/seed-corpus.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { APP_CSS_HASH } from './web/stylesheet.js';
import { describeEachDialect } from '../../test/helpers/dialects.js';

const NOW = new Date('2026-11-22T12:00:00Z');

describeEachDialect('reader pages', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    app = buildApp({ store, config: { now: () => NOW, pageSize: 2 } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('ranks the front page by recency and coverage, with summary lines and a next link', async () => {
    const res = await app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(res.body, /^<!doctype html>/);
    assert.match(res.body, /href="\/stories\/story-hostile"/);
    // Two outlets two hours ago outrank one outlet one hour ago.
    assert.match(res.body, /href="\/stories\/story-bridge">Old swing bridge reopens/);
    assert.doesNotMatch(res.body, /story-ferry/);
    assert.match(res.body, /<p class="lead">The bridge opened at dawn.<\/p>/);
    assert.match(res.body, /rel="next" href="\/\?page=2"/);
    assert.match(res.body, /<time datetime="2026-11-22T10:00:00.000Z" [^>]*>2 hours ago<\/time>/);
  });

  it('pages on past the ranked stories and says when a page is empty', async () => {
    const second = await app.inject('/?page=2');
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /href="\/stories\/story-ferry">Ferry timetable cut for winter<\/a>/);
    assert.match(second.body, /Valley Courier · 1 article, 0 copies/);
    assert.match(second.body, /rel="prev" href="\/\?page=1"/);
    assert.doesNotMatch(second.body, /rel="next"/);
    const empty = await app.inject('/?page=9');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /No stories on this page/);
  });

  it('refuses a page number that is not a positive whole number', async () => {
    for (const bad of ['abc', '0', '-1', '1.5', '99999999']) {
      const res = await app.inject(`/?page=${bad}`);
      assert.equal(res.statusCode, 400, bad);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
    }
  });

  it('shows a story with its copy family, the likely original first, and its topics', async () => {
    const res = await app.inject('/stories/story-bridge');
    assert.equal(res.statusCode, 200);
    const original = res.body.indexOf('href="/articles/wire-bridge"');
    const copy = res.body.indexOf('href="/articles/gazette-bridge"');
    assert.ok(original > 0 && original < copy);
    assert.match(res.body, /Copy family 1: 2 versions of one text/);
    assert.match(
      res.body,
      /wire-bridge">Old swing bridge reopens after two-year repair<\/a> <span class="original">likely original<\/span>/,
    );
    assert.match(
      res.body,
      /<li data-kind="place"><a href="\/topics\/place%3Aport-elwyn">Port Elwyn<\/a><\/li>/,
    );
  });

  it('shows an article with metadata, image credit, body and links to its family and story', async () => {
    const res = await app.inject('/articles/gazette-bridge');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Swing bridge reopens<\/h1>/);
    assert.match(res.body, /<dt>Credit<\/dt><dd>Lantern Wire<\/dd>/);
    assert.match(res.body, /<figcaption>The bridge. <small>Photo: Ivo Penn<\/small><\/figcaption>/);
    assert.match(res.body, /<p>The bridge opened at dawn, officials said.<\/p>/);
    assert.match(
      res.body,
      /a copy in a family of <a href="\/stories\/story-bridge#family-fam-bridge">2 versions of one text<\/a>/,
    );
    assert.match(res.body, /<h2 id="versions">Versions of this text<\/h2>/);
    assert.match(
      res.body,
      /<a href="\/articles\/wire-bridge">[^<]+<\/a> <span class="original">likely original/,
    );
    assert.match(
      res.body,
      /<strong aria-current="page">Swing bridge reopens<\/strong> \(this page\)/,
    );
    assert.match(
      res.body,
      /<a href="https:\/\/harbourgazette.example\/news\/bridge" rel="nofollow noopener noreferrer">/,
    );
  });

  it('answers unknown stories, articles and paths with an HTML 404', async () => {
    for (const url of ['/stories/nope', '/articles/nope', '/no/such/page']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /<h1>Not found<\/h1>/);
    }
  });

  it('emits nothing executable for hostile titles, bylines, bodies, images and links', async () => {
    for (const url of ['/', '/stories/story-hostile', '/articles/hostile']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assertInert(res.body);
    }
    const article = await app.inject('/articles/hostile');
    assert.match(article.body, /<p>Fine text.<\/p>/);
    assert.match(article.body, /<code>javascript:alert\(document.cookie\)<\/code>/);
  });

  it('sends a strict CSP and the other security headers on pages, errors and the API', async () => {
    for (const url of ['/', '/articles/nope', '/api/v1/stories', '/static/app.css']) {
      const res = await app.inject(url);
      assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY, url);
      assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
      assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https:.*script/);
      assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    }
  });

  it('serves the stylesheet with both colour schemes and no inline styles in pages', async () => {
    const css = await app.inject(`/static/app.css?v=${APP_CSS_HASH}`);
    assert.equal(css.statusCode, 200);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    assert.match(css.body, /prefers-color-scheme: dark/);
    const page = await app.inject('/stories/story-bridge');
    assert.match(
      page.body,
      new RegExp(`<link rel="stylesheet" href="/static/app.css\\?v=${APP_CSS_HASH}">`),
    );
    assert.doesNotMatch(page.body, /<style|style=/);
  });

  it('treats a trailing slash as the same page', async () => {
    assert.equal((await app.inject('/stories/story-bridge/')).statusCode, 200);
  });

  it('reports health as JSON', async () => {
    const res = await app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });
});

describe('reader pages when the store fails', () => {
  it('answers 500 STORE_FAILED without leaking the cause', async () => {
    const store = await openStore('sqlite::memory:');
    const logged: string[] = [];
    const app = buildApp({ store, config: { logError: (line) => logged.push(line) } });
    await store.close();
    const api = await app.inject('/api/v1/stories');
    assert.equal(api.statusCode, 500);
    assert.deepEqual(api.json(), {
      error: { code: 'STORE_FAILED', status: 500, message: 'store operation failed' },
    });
    const page = await app.inject('/');
    assert.equal(page.statusCode, 500);
    assert.match(page.body, /Something went wrong/);
    assert.equal(logged.length, 2);
    assert.match(logged[0]!, /^serve: GET \/api\/v1\/stories failed: .*unable to .*stories/);
    assert.doesNotMatch(page.body, /unable to/);
    await app.close();
  });
});
