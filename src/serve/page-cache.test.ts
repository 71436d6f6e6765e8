import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { registerPageCache } from './page-cache.js';
import { registerEtags } from './etag.js';

function testApp(maxEntries = 10) {
  let now = 0;
  let renders = 0;
  const app = Fastify();
  registerEtags(app);
  registerPageCache(app, { ttlMs: 1000, maxStaleMs: 5000, maxEntries, clock: () => now });
  app.get('/page', async (_req, reply) => {
    renders += 1;
    return reply.type('text/html; charset=utf-8').send(`<p>render ${renders}</p>`);
  });
  app.post('/change', async () => ({ ok: true }));
  app.get('/gone', async (_req, reply) => reply.code(404).type('text/html').send('no'));
  return {
    app,
    advance: (ms: number) => (now += ms),
    renders: () => renders,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('page cache', () => {
  it('renders a page once while it is fresh and replays it with its ETag', async () => {
    const t = testApp();
    const first = await t.app.inject('/page');
    const second = await t.app.inject('/page');
    assert.equal(t.renders(), 1);
    assert.equal(second.body, first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    const cached304 = await t.app.inject({
      url: '/page',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    assert.equal(cached304.statusCode, 304);
  });

  it('serves a stale page at once and refreshes it in the background', async () => {
    const t = testApp();
    await t.app.inject('/page');
    t.advance(1500);
    const stale = await t.app.inject('/page');
    assert.equal(stale.body, '<p>render 1</p>');
    await settle();
    assert.equal(t.renders(), 2);
    assert.equal((await t.app.inject('/page')).body, '<p>render 2</p>');
  });

  it('renders again, not stale, past the longest staleness', async () => {
    const t = testApp();
    await t.app.inject('/page');
    t.advance(6000);
    assert.equal((await t.app.inject('/page')).body, '<p>render 2</p>');
  });

  it('keeps neither errors nor more entries than allowed', async () => {
    const t = testApp(1);
    await t.app.inject('/gone');
    await t.app.inject('/page?a=1');
    await t.app.inject('/page?a=2');
    await t.app.inject('/page?a=1');
    assert.equal(t.renders(), 3, 'the first URL was evicted by the second');
  });

  it('forgets everything after a successful write through the server', async () => {
    const t = testApp();
    await t.app.inject('/page');
    await t.app.inject({ method: 'POST', url: '/change' });
    assert.equal((await t.app.inject('/page')).body, '<p>render 2</p>');
  });

  it('refuses a forged refresh header as a way around the cache', async () => {
    const t = testApp();
    await t.app.inject('/page');
    await t.app.inject({ url: '/page', headers: { 'x-storyline-refresh': 'guess' } });
    assert.equal(t.renders(), 1);
  });
});
