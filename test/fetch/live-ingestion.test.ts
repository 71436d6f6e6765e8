// Live ingestion end to end against a local server that serves the real-world faults: for each,
// the right outcome, a clear log line, a source-health record, no crash and nothing lost. This
// file holds the healthy feeds and the crash between fetch and processing; live-failures.test.ts
// holds the failing sources.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIALECTS } from '../helpers/dialects.js';
import { articleHtml, articleParagraphs, rss } from './feed-fixtures.js';
import { compressed, send } from './fault-server.js';
import { FAST_FETCH, RSS, harness, item, useFaultServer, type Harness } from './live-harness.js';

describe('live ingestion against a faulty local server', () => {
  let h: Harness;
  const live = useFaultServer(() => h);
  const { url, pollOne, lastLog } = live;

  for (const dialect of DIALECTS)
    describe(`healthy feeds [${dialect.name}]`, () => {
      before(async () => (h = await harness(await dialect.url())));
      after(async () => h.close());

      it('stores each item once, answers 304 with nothing new, and records a healthy source', async () => {
        let etagHits = 0;
        live.server.route('/etag.xml', (req, res) => {
          if (req.headers['if-none-match'] === '"e1"')
            return void res.writeHead(304).end(++etagHits && '');
          res.writeHead(200, { ...RSS, etag: '"e1"' }).end(rss([item(1), item(2), item(3)]));
        });
        const source = await pollOne('/etag.xml');
        assert.equal((await h.store.stats()).articles, 3);
        assert.match(lastLog('/etag.xml'), /rss, 3 items: 3 new, 0 changed/);
        assert.deepEqual(
          [source.failures, source.lastError, source.etag, source.lastHttpStatus],
          [0, null, '"e1"', 200],
        );
        assert.ok(source.nextPollAt !== null && source.lastOkAt !== null);
        await h.poll(url('/etag.xml'));
        assert.equal(etagHits, 1);
        assert.match(lastLog('/etag.xml'), /not modified \(304\)/);
        assert.equal((await h.store.stats()).pages, 3);
      });

      it('skips unchanged items when a server ignores conditional GET (same item fetched twice, stored once)', async () => {
        live.server.route('/no-etag.xml', send(200, rss([item(11), item(12)]), RSS));
        await pollOne('/no-etag.xml');
        const pages = (await h.store.stats()).pages;
        await h.poll(url('/no-etag.xml'));
        assert.equal((await h.store.stats()).pages, pages);
        assert.match(
          lastLog('/no-etag.xml'),
          /0 new, 0 changed \(0 revisions\), 2 unchanged|unchanged bytes/,
        );
      });

      it('stores an edited item as a revision of the same article', async () => {
        let text = articleParagraphs(21);
        live.server.route(
          '/edits.xml',
          (_req, res) => void res.writeHead(200, RSS).end(rss([item(21, { paragraphs: text })])),
        );
        await pollOne('/edits.xml');
        text = [
          ...text.slice(0, 5),
          'Correction: the strike ended on Monday night after a late offer was accepted.',
        ];
        await h.poll(url('/edits.xml'));
        assert.match(lastLog('/edits.xml'), /0 new, 1 changed \(1 revisions\)/);
        const story = (await h.store.search('Correction strike ended Monday', 5))[0];
        assert.equal(story?.revision, 2);
        assert.equal((await h.store.articleRevisions(story!.id)).length, 1);
      });

      it('keeps the articles of items that vanish from the feed', async () => {
        let items = [item(31), item(32), item(33)];
        live.server.route(
          '/vanish.xml',
          (_req, res) => void res.writeHead(200, RSS).end(rss(items)),
        );
        await pollOne('/vanish.xml');
        const articles = (await h.store.stats()).articles;
        items = [item(33)];
        await h.poll(url('/vanish.xml'));
        assert.match(lastLog('/vanish.xml'), /2 left the feed \(their articles stay\)/);
        assert.equal((await h.store.stats()).articles, articles);
      });

      it('stores an item once when the feed repeats its GUID', async () => {
        live.server.route(
          '/dupes.xml',
          send(200, rss([item(41), item(41, { title: 'Same GUID again' }), item(42)]), RSS),
        );
        const before = (await h.store.stats()).articles;
        const source = await pollOne('/dupes.xml');
        assert.equal((await h.store.stats()).articles, before + 2);
        assert.match(lastLog('/dupes.xml'), /1 duplicate GUIDs ignored/);
        assert.equal(source.failures, 0);
      });

      it('recovers the items of malformed XML and says so', async () => {
        const broken = rss([item(51), item(52)])
          .replace('</channel></rss>', '')
          .replace('Calder Bay report 52', 'Fish & chips at report 52');
        live.server.route('/malformed.xml', send(200, broken, RSS));
        await pollOne('/malformed.xml');
        assert.match(lastLog('/malformed.xml'), /2 new.*malformed XML, items recovered/);
        assert.equal((await h.source(url('/malformed.xml'))).failures, 0);
      });

      it('reads feeds sent deflate- and brotli-compressed', async () => {
        live.server.route(
          '/deflate.xml',
          compressed(rss([item(71, { title: 'Quayside market deflated' })]), 'deflate'),
        );
        live.server.route(
          '/brotli.xml',
          compressed(rss([item(72, { title: 'Quayside market brotli' })]), 'br'),
        );
        const before = (await h.store.stats()).articles;
        for (const path of ['/deflate.xml', '/brotli.xml']) {
          const source = await pollOne(path);
          assert.equal(source.failures, 0, source.lastError ?? '');
          assert.match(lastLog(path), /1 new/);
        }
        assert.equal((await h.store.stats()).articles, before + 2);
      });

      it('decodes a Latin-1 feed labelled UTF-8, and one with no charset at all', async () => {
        const latin = (t: string) => Buffer.from(rss([item(61, { title: t })]), 'latin1');
        live.server.route('/wrong-charset.xml', send(200, latin('Café crème strike talks'), RSS));
        live.server.route(
          '/no-charset.xml',
          send(
            200,
            Buffer.from(
              rss([item(62, { title: 'Zürich ferry talks' })]).replace(' encoding="UTF-8"', ''),
              'latin1',
            ),
            { 'content-type': 'application/rss+xml' },
          ),
        );
        await pollOne('/wrong-charset.xml');
        await pollOne('/no-charset.xml');
        const titles = (await h.store.search('talks', 10)).map((a) => a.title);
        assert.ok(titles.includes('Café crème strike talks'), titles.join(' | '));
        assert.ok(titles.includes('Zürich ferry talks'), titles.join(' | '));
      });

      it('fetches the article page of a teaser item and extracts its full text, at the canonical URL', async () => {
        const body = articleParagraphs(71);
        live.server.route(
          '/article/71',
          send(200, articleHtml('Quay wall repairs begin', body, url('/news/quay-wall')), {
            'content-type': 'text/html; charset=utf-8',
          }),
        );
        live.server.route(
          '/teasers.xml',
          send(
            200,
            rss([
              item(71, {
                title: 'Quay wall repairs begin',
                link: url('/article/71?utm_medium=feed'),
                paragraphs: ['Repairs start on Monday.'],
              }),
            ]),
            RSS,
          ),
        );
        await pollOne('/teasers.xml');
        const [found] = await h.store.search('Quay wall repairs', 5);
        assert.ok(found, 'the article is stored');
        assert.equal(found.url, url('/news/quay-wall'));
        assert.ok(found.text.includes(body[2]!.slice(0, 60)));
        assert.match(lastLog('/teasers.xml'), /1 new/);
      });

      it('follows a single page source and revises it when the page changes', async () => {
        let paragraphs = articleParagraphs(81);
        live.server.route(
          '/page/81',
          (_req, res) =>
            void res
              .writeHead(200, { 'content-type': 'text/html' })
              .end(articleHtml('Lighthouse reopens', paragraphs)),
        );
        await pollOne('/page/81', 'page');
        assert.match(lastLog('/page/81'), /page processed: 1 new/);
        paragraphs = [...paragraphs.slice(1), 'Update: the lighthouse reopened a day early.'];
        await h.poll(url('/page/81'));
        assert.match(lastLog('/page/81'), /page processed: 0 new, 1 revised/);
      });
    });

  for (const dialect of DIALECTS)
    describe(`a crash between fetch and processing [${dialect.name}]`, () => {
      it('loses nothing: the queued feed is processed on the next start, before any new fetch', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'storyline-live-'));
        const db =
          dialect.name === 'sqlite' ? `sqlite:${join(dir, 'live.db')}` : await dialect.url();
        try {
          live.server.route('/crash.xml', send(200, rss([item(101), item(102)]), RSS));
          const first = await harness(db, FAST_FETCH, 'crash-once');
          await first.store.addSource({ kind: 'feed', uri: url('/crash.xml') });
          await first.poll();
          assert.equal((await first.store.stats()).articles, 0);
          assert.equal(
            (await first.store.pendingPages(10, 5)).length,
            1,
            'the fetched feed waits in the queue',
          );
          await first.close();

          live.server.route('/crash.xml', send(503, 'down for maintenance'));
          const second = await harness(db);
          await second.poll();
          assert.equal((await second.store.stats()).articles, 2);
          assert.equal((await second.store.pendingPages(10, 5)).length, 0);
          assert.ok(
            second.logs.some((l) => /processed feed .*crash\.xml .*\(was queued\)/.test(l)),
            second.logs.join('\n'),
          );
          await second.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
});
