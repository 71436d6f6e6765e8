// Live ingestion against a local server whose sources fail in the ways real feeds do: each
// failure is recorded on the source with a clear reason and log line, counted, rescheduled, and
// never stops the pass (healthy feeds and crash recovery: live-ingestion.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rss } from './feed-fixtures.js';
import { compressionBomb, endlessBody, send, silentHeaders, stallMidBody } from './fault-server.js';
import { FAST_FETCH, RSS, harness, item, useFaultServer, type Harness } from './live-harness.js';

describe('live ingestion of failing sources', () => {
  let h: Harness;
  const live = useFaultServer(() => h);
  const { url, pollOne, lastLog } = live;

  before(async () => (h = await harness()));
  after(async () => h.close());

  const cases: {
    name: string;
    path: string;
    route: () => ReturnType<typeof send>;
    error: RegExp;
    status: number | null;
  }[] = [
    {
      name: 'an HTML page served as the feed',
      path: '/html.xml',
      route: () =>
        send(
          200,
          '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/real.xml"></head><body>Home</body></html>',
          { 'content-type': 'text/html' },
        ),
      error: /not a feed: an HTML page, not a feed \(it announces .*\/real\.xml\)/,
      status: 200,
    },
    {
      name: '404',
      path: '/missing.xml',
      route: () => send(404, 'nope'),
      error: /HTTP 404/,
      status: 404,
    },
    {
      name: '500',
      path: '/broken.xml',
      route: () => send(500, 'oops'),
      error: /HTTP 500/,
      status: 500,
    },
    {
      name: 'a server that stalls mid-body',
      path: '/stall.xml',
      route: () => stallMidBody(rss([item(91)])),
      error: /body stalled for 200 ms/,
      status: null,
    },
    {
      name: 'a redirect loop',
      path: '/loop.xml',
      route: () => send(302, '', { location: '/loop2.xml' }),
      error: /redirect loop/,
      status: 302,
    },
    {
      name: 'a 2 GB body',
      path: '/huge.xml',
      route: () => endlessBody(2 * 1024 ** 3),
      error: /passed the cap of 524288 bytes; stopped reading/,
      status: null,
    },
    {
      name: 'a gzip bomb',
      path: '/bomb.xml',
      route: () => compressionBomb(32 * 1024 * 1024, 'gzip'),
      error: /cap of 524288 bytes after decompression/,
      status: null,
    },
    {
      name: 'a brotli bomb',
      path: '/bomb.br.xml',
      route: () => compressionBomb(32 * 1024 * 1024, 'br'),
      error: /cap of 524288 bytes after decompression/,
      status: null,
    },
    {
      name: 'a server that never sends its headers',
      path: '/silent.xml',
      route: () => silentHeaders(),
      error: /no response headers within 500 ms/,
      status: null,
    },
  ];
  for (const c of cases) {
    it(`records ${c.name} on the source and carries on`, async () => {
      live.server.route('/loop2.xml', send(302, '', { location: '/loop.xml' }));
      live.server.route(c.path, c.route());
      const source = await pollOne(c.path);
      assert.equal(source.failures, 1);
      assert.match(source.lastError ?? '', c.error);
      assert.equal(source.lastHttpStatus, c.status);
      assert.ok(Date.parse(source.nextPollAt!) > Date.now(), 'the next poll is scheduled');
      assert.match(lastLog(c.path), /failure 1 in a row|not a feed/);
      await h.poll(url(c.path));
      assert.equal((await h.source(url(c.path))).failures, 2, 'consecutive failures count up');
    });
  }

  it('marks a 410 source gone and polls it once a day', async () => {
    live.server.route('/gone.xml', send(410, 'gone'));
    const source = await pollOne('/gone.xml');
    assert.match(source.lastError ?? '', /HTTP 410/);
    assert.ok(Date.parse(source.nextPollAt!) - Date.now() > 23 * 3600_000);
    assert.match(lastLog('/gone.xml'), /gone: polling once a day/);
  });

  it('honours a long Retry-After on 429 by moving the next poll, and retries a short one at once', async () => {
    live.server.route('/busy.xml', send(429, '', { 'retry-after': '7200' }));
    const busy = await pollOne('/busy.xml');
    assert.equal(busy.lastHttpStatus, 429);
    assert.ok(Date.parse(busy.nextPollAt!) - Date.now() >= 7190_000);
    assert.match(lastLog('/busy.xml'), /HTTP 429 \(Retry-After 7200 s\)/);
    let calls = 0;
    live.server.route('/blip.xml', (_req, res) => {
      if (++calls === 1) return void res.writeHead(503, { 'retry-after': '0' }).end();
      res.writeHead(200, RSS).end(rss([item(95)]));
    });
    const blip = await pollOne('/blip.xml');
    assert.deepEqual([calls, blip.failures], [2, 0]);
  });

  it('refuses a source on loopback unless allowed, by address or by a name that resolves there', async () => {
    const guarded = await harness('sqlite::memory:', { ...FAST_FETCH, allowAddresses: [] });
    try {
      live.server.route('/private.xml', send(200, rss([item(96)]), RSS));
      // The same server by name: the check is on the resolved address, not the URL's spelling.
      const byName = url('/private.xml').replace('127.0.0.1', 'localhost');
      await guarded.store.addSource({ kind: 'feed', uri: url('/private.xml') });
      await guarded.store.addSource({ kind: 'feed', uri: byName });
      await guarded.poll();
      const source = await guarded.source(url('/private.xml'));
      assert.match(source.lastError ?? '', /address 127\.0\.0\.1 is not allowed/);
      const named = await guarded.source(byName);
      assert.match(named.lastError ?? '', /address (127\.0\.0\.1|::1) of localhost is not allowed/);
      assert.equal((await guarded.store.stats()).articles, 0);
    } finally {
      await guarded.close();
    }
  });
});
