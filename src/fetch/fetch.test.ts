import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  compressionBomb,
  endlessBody,
  send,
  startFaultServer,
  stallMidBody,
  type FaultServer,
} from '../../test/fetch/fault-server.js';
import { AddressPolicy, Fetcher, FetchError, parseRetryAfter } from './index.js';

/** Short limits so every fault resolves in well under a second. */
const FAST = {
  maxBytes: 256 * 1024,
  headersTimeoutMs: 500,
  bodyTimeoutMs: 300,
  totalTimeoutMs: 3000,
  hostDelayMs: 0,
  hostConcurrency: 4,
  retries: 1,
  retryBaseMs: 10,
  maxRetryWaitMs: 500,
  allowAddresses: ['127.0.0.1'],
};

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the fetch to fail');
}

describe('address policy (SSRF guard)', () => {
  it('blocks loopback, private, link-local, metadata, CGNAT and mapped addresses by default', () => {
    const policy = new AddressPolicy();
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
    ]) {
      assert.equal(policy.permits(address), false, address);
    }
    for (const address of ['93.184.215.14', '2606:4700::1111', '8.8.8.8'])
      assert.equal(policy.permits(address), true, address);
  });

  it('lets an allow-list open a range again', () => {
    const policy = new AddressPolicy(['127.0.0.0/8', '10.0.0.5']);
    assert.equal(policy.permits('127.0.0.9'), true);
    assert.equal(policy.permits('10.0.0.5'), true);
    assert.equal(policy.permits('10.0.0.6'), false);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  it('reads seconds and HTTP dates, never negative, null for junk', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Mon, 02 Mar 2026 12:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Mon, 02 Mar 2026 11:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), null);
    assert.equal(parseRetryAfter(null, now), null);
  });
});

describe('Fetcher against a local fault server', () => {
  let server: FaultServer;
  let fetcher: Fetcher;
  before(async () => {
    server = await startFaultServer();
    fetcher = new Fetcher(FAST);
  });
  after(async () => {
    await fetcher.close();
    await server.close();
  });

  it('refuses loopback without the allow-list, directly and through a DNS name', async () => {
    const guarded = new Fetcher({ ...FAST, allowAddresses: [] });
    try {
      server.route('/ok', send(200, 'hello'));
      assert.equal((await failure(guarded.get(`${server.origin}/ok`))).reason, 'blocked');
      const port = new URL(server.origin).port;
      const viaName = await failure(guarded.get(`http://localhost:${port}/ok`));
      assert.equal(viaName.reason, 'blocked');
      assert.match(viaName.message, /not allowed/);
      assert.equal(
        (await failure(guarded.get('http://169.254.169.254/latest/meta-data/'))).reason,
        'blocked',
      );
    } finally {
      await guarded.close();
    }
  });

  it('refuses a redirect that points at a blocked address', async () => {
    const guarded = new Fetcher({ ...FAST, allowAddresses: ['127.0.0.1'] });
    try {
      server.route(
        '/to-metadata',
        send(302, '', { location: 'http://169.254.169.254/latest/meta-data/' }),
      );
      server.route('/to-private', send(302, '', { location: 'http://[::ffff:10.0.0.1]/' }));
      assert.equal((await failure(guarded.get(`${server.origin}/to-metadata`))).reason, 'blocked');
      assert.equal((await failure(guarded.get(`${server.origin}/to-private`))).reason, 'blocked');
    } finally {
      await guarded.close();
    }
  });

  it('sends a clear user agent and conditional headers, and reads a 304 as not modified', async () => {
    let seen: Record<string, unknown> = {};
    server.route('/cond', (req, res) => {
      seen = req.headers;
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else
        res
          .writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 02 Mar 2026 10:00:00 GMT' })
          .end('x');
    });
    const first = await fetcher.get(`${server.origin}/cond`);
    assert.equal(first.kind, 'ok');
    assert.equal(first.etag, '"v1"');
    const second = await fetcher.get(`${server.origin}/cond`, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    assert.equal(second.kind, 'not-modified');
    assert.match(String(seen['user-agent']), /^Storyline\//);
    assert.equal(seen['if-modified-since'], 'Mon, 02 Mar 2026 10:00:00 GMT');
  });

  it('decompresses gzip and follows redirects to the final URL', async () => {
    server.route(
      '/gz',
      send(200, gzipSync('<rss/>'), {
        'content-encoding': 'gzip',
        'content-type': 'application/rss+xml',
      }),
    );
    server.route('/moved', send(301, '', { location: '/gz' }));
    const result = await fetcher.get(`${server.origin}/moved`);
    assert.equal(result.kind, 'ok');
    if (result.kind !== 'ok') return;
    assert.equal(new TextDecoder().decode(result.body), '<rss/>');
    assert.equal(result.url, `${server.origin}/gz`);
  });

  it('stops a 2 GB streamed body at the size cap without buffering it', async () => {
    server.route('/huge', endlessBody(2 * 1024 ** 3));
    const before = process.memoryUsage().rss;
    const error = await failure(fetcher.get(`${server.origin}/huge`));
    assert.equal(error.reason, 'too-large');
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    server.route('/declared', (_req, res) => {
      res.writeHead(200, { 'content-length': String(2 * 1024 ** 3) });
      res.write('a');
    });
    assert.equal((await failure(fetcher.get(`${server.origin}/declared`))).reason, 'too-large');
  });

  it('stops a gzip bomb at the cap (counted after decompression)', async () => {
    server.route('/bomb', compressionBomb(64 * 1024 * 1024));
    const error = await failure(fetcher.get(`${server.origin}/bomb`));
    assert.equal(error.reason, 'too-large');
    assert.match(error.message, /after decompression/);
  });

  it('times out a server that stalls mid-body', async () => {
    server.route('/stall', stallMidBody('<rss>' + 'x'.repeat(1000) + '</rss>'));
    const error = await failure(fetcher.get(`${server.origin}/stall`));
    assert.equal(error.reason, 'timeout');
    assert.match(error.message, /stalled/);
  });

  it('names a redirect loop and a too-long chain', async () => {
    server.route('/loop-a', send(302, '', { location: '/loop-b' }));
    server.route('/loop-b', send(302, '', { location: '/loop-a' }));
    assert.equal((await failure(fetcher.get(`${server.origin}/loop-a`))).reason, 'redirect-loop');
    for (let i = 0; i < 8; i++)
      server.route(`/chain-${i}`, send(302, '', { location: `/chain-${i + 1}` }));
    assert.equal(
      (await failure(fetcher.get(`${server.origin}/chain-0`))).reason,
      'too-many-redirects',
    );
  });

  it('retries a 503 honouring a short Retry-After, and reports 404 and 410 at once', async () => {
    let calls = 0;
    server.route('/flaky', (_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(503, { 'retry-after': '0' }).end();
      else res.writeHead(200).end('back');
    });
    assert.equal((await fetcher.get(`${server.origin}/flaky`)).kind, 'ok');
    assert.equal(calls, 2);
    const missing = await failure(fetcher.get(`${server.origin}/nothing-here`));
    assert.deepEqual([missing.reason, missing.httpStatus], ['http', 404]);
    server.route('/gone', send(410, 'gone'));
    assert.equal((await failure(fetcher.get(`${server.origin}/gone`))).reason, 'gone');
  });

  it('gives up on a 429 whose Retry-After is longer than a pass may wait, keeping the wait', async () => {
    server.route('/busy', send(429, '', { 'retry-after': '3600' }));
    const error = await failure(fetcher.get(`${server.origin}/busy`));
    assert.deepEqual([error.httpStatus, error.retryAfterMs], [429, 3_600_000]);
  });

  it('obeys robots.txt for our user agent', async () => {
    server.route(
      '/robots.txt',
      send(200, 'User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
    );
    server.route('/private/feed.xml', send(200, '<rss/>'));
    server.route('/public/feed.xml', send(200, '<rss/>'));
    const polite = new Fetcher({ ...FAST, robots: true });
    try {
      assert.equal(
        (await failure(polite.get(`${server.origin}/private/feed.xml`))).reason,
        'robots',
      );
      assert.equal((await polite.get(`${server.origin}/public/feed.xml`)).kind, 'ok');
    } finally {
      await polite.close();
    }
  });
});
