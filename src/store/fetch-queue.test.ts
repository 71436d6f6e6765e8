import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect } from '../../test/helpers/dialects.js';
import { openStore } from './index.js';

const page = (body: string) => ({
  url: 'https://harbour-gazette.example/feed.xml',
  fetchedAt: new Date('2026-03-02T12:00:00.000Z'),
  contentType: 'application/rss+xml',
  body: new TextEncoder().encode(body),
});

describeEachDialect('fetch queue and source items', (dialect) => {
  it('keeps a queued document until it is finished, queues the same bytes once, counts failures', async () => {
    const store = await openStore(await dialect.url());
    try {
      await store.addSource({ kind: 'feed', uri: 'https://harbour-gazette.example/feed.xml' });
      const input = {
        kind: 'feed' as const,
        page: page('<rss/>'),
        sha256: 'a'.repeat(64),
        sourceUri: 'https://harbour-gazette.example/feed.xml',
      };
      const id = await store.enqueuePage(input);
      assert.notEqual(id, null);
      assert.equal(await store.enqueuePage(input), null);
      assert.equal(await store.hasFetched('a'.repeat(64)), true);
      await store.failQueuedPage(id!, 'store: unable to save page: disk full');
      const [pending] = await store.pendingPages(10, 5);
      assert.equal(pending?.attempts, 1);
      assert.equal(pending?.sourceUri, 'https://harbour-gazette.example/feed.xml');
      assert.equal(new TextDecoder().decode(pending?.page.body), '<rss/>');
      assert.deepEqual(await store.pendingPages(10, 1), []);
      await store.finishQueuedPage(id!);
      assert.deepEqual(await store.pendingPages(10, 5), []);
      assert.equal(await store.hasFetched('a'.repeat(64)), false);
    } finally {
      await store.close();
    }
  });

  it('remembers feed items per source, updates hashes, forgets old ones and schedules the source', async () => {
    const store = await openStore(await dialect.url());
    const uri = 'https://harbour-gazette.example/feed.xml';
    try {
      await store.addSource({ kind: 'feed', uri });
      await store.markSourceItems(
        uri,
        [
          { key: 'g1', hash: 'h1', url: 'https://x.example/1' },
          { key: 'g2', hash: 'h2', url: null },
        ],
        '2026-03-01T00:00:00.000Z',
      );
      await store.markSourceItems(
        uri,
        [{ key: 'g1', hash: 'h1b', url: 'https://x.example/1' }],
        '2026-03-02T00:00:00.000Z',
      );
      const items = new Map((await store.sourceItems(uri)).map((i) => [i.key, i]));
      assert.equal(items.get('g1')?.hash, 'h1b');
      assert.equal(items.get('g2')?.lastSeen, '2026-03-01T00:00:00.000Z');
      assert.equal(await store.forgetSourceItems(uri, '2026-03-01T12:00:00.000Z'), 1);
      await store.recordSourceFetch(uri, {
        at: '2026-03-02T00:00:00.000Z',
        error: 'HTTP 503',
        httpStatus: 503,
        nextPollAt: '2026-03-02T00:10:00.000Z',
        pollIntervalS: 600,
      });
      const [row] = await store.listSources();
      assert.equal(row?.failures, 1);
      assert.equal(row?.lastHttpStatus, 503);
      assert.equal(row?.nextPollAt, '2026-03-02T00:10:00.000Z');
      assert.equal(row?.pollIntervalS, 600);
      assert.equal(row?.lastAttemptAt, '2026-03-02T00:00:00.000Z');
      assert.equal(await store.removeSource(uri), true);
      assert.deepEqual(await store.sourceItems(uri), []);
    } finally {
      await store.close();
    }
  });
});
