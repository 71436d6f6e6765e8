// The live-input verbs as a user runs them: sources add (with discovery) / list / export /
// remove / import, storyline poll, and serve polling in the background, killed mid-way.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/run-cli.js';
import { articleHtml, articleParagraphs, rss } from './feed-fixtures.js';
import { send, startFaultServer, type FaultServer } from './fault-server.js';

describe('storyline sources and poll', () => {
  let server: FaultServer;
  let dir: string;
  const env = () => ({
    STORYLINE_DATA_DIR: dir,
    STORYLINE_FETCH_ALLOW: '127.0.0.1',
    STORYLINE_HOST_DELAY_MS: '0',
  });
  before(async () => {
    server = await startFaultServer();
    dir = mkdtempSync(join(tmpdir(), 'storyline-sources-'));
    const items = [1, 2].map((n) => ({
      guid: `g${n}`,
      title: `Harbour story ${n}`,
      link: `${server.origin}/news/${n}`,
      paragraphs: articleParagraphs(n),
    }));
    server.route(
      '/',
      send(
        200,
        `<html><head><link rel="alternate" type="application/rss+xml" title="Harbour Gazette" href="/feed.xml"></head><body>Home</body></html>`,
        { 'content-type': 'text/html' },
      ),
    );
    server.route('/feed.xml', send(200, rss(items), { 'content-type': 'application/rss+xml' }));
    server.route(
      '/notice.html',
      send(200, articleHtml('Harbour notice', articleParagraphs(9)), {
        'content-type': 'text/html',
      }),
    );
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a feed found on a home page and a single page, lists, exports, removes and imports them', async () => {
    const added = await runCli(
      ['sources', 'add', `${server.origin}/`, `${server.origin}/notice.html`],
      { env: env() },
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(
      added.stdout,
      new RegExp(`added feed ${server.origin}/feed.xml "Harbour Gazette" \\(discovered on`),
    );
    assert.match(added.stdout, /added page .*\/notice\.html/);
    const opml = join(dir, 'sources.opml');
    assert.equal((await runCli(['sources', 'export', '--out', opml], { env: env() })).code, 0);
    assert.match(readFileSync(opml, 'utf8'), /xmlUrl=".*\/feed\.xml"/);
    const removed = await runCli(
      ['sources', 'remove', `${server.origin}/feed.xml`, `${server.origin}/nope.xml`],
      { env: env() },
    );
    assert.equal(removed.code, 1);
    assert.match(removed.stdout, /removed .*feed\.xml \(its pages and articles stay\)/);
    assert.match(removed.stderr, /no source .*nope\.xml/);
    const imported = await runCli(['sources', 'import', opml], { env: env() });
    assert.match(imported.stdout, /imported 2 of 2 source\(s\)/);
  });

  it('polls every source once, reports health on the list, and refuses loopback without the allow-list', async () => {
    const polled = await runCli(['poll'], { env: env() });
    assert.equal(polled.code, 0, polled.stderr);
    assert.match(polled.stderr, /feed\.xml: rss, 2 items: 2 new/);
    assert.match(polled.stderr, /poll: 2 source\(s\) polled/);
    const listed = await runCli(['sources', 'list'], { env: env() });
    assert.match(listed.stdout, /ok \d{4}-\d\d-\d\dT/);
    const blocked = await runCli(['poll', '--all'], {
      env: { ...env(), STORYLINE_FETCH_ALLOW: '' },
    });
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /address 127\.0\.0\.1 is not allowed/);
  });

  it('serve polls in the background, and a kill at any moment loses nothing fetched', async () => {
    const data = mkdtempSync(join(tmpdir(), 'storyline-serve-poll-'));
    try {
      const serveEnv = { ...env(), STORYLINE_DATA_DIR: data };
      const seed = await openStore(`sqlite:${join(data, 'storyline.db')}`);
      await seed.addSource({ kind: 'feed', uri: `${server.origin}/feed.xml` });
      await seed.close();
      const fetchesBefore = server.log.filter((l) => l.includes('/feed.xml')).length;
      const served = await runCli(['serve', '--port', '0', '--host', '127.0.0.1'], {
        env: serveEnv,
        killWhen: () => server.log.filter((l) => l.includes('/feed.xml')).length > fetchesBefore,
      });
      assert.equal(served.signal, 'SIGKILL');
      assert.match(served.stderr, /polling sources in the background/);
      // Killed right after the feed was served: whether it was queued, processed or neither,
      // the next pass ends with both items stored once and nothing left in the queue.
      const again = await runCli(['poll', '--all'], { env: serveEnv });
      assert.equal(again.code, 0, again.stderr);
      const after = await openStore(`sqlite:${join(data, 'storyline.db')}`);
      assert.equal((await after.stats()).articles, 2);
      assert.equal((await after.pendingPages(10, 5)).length, 0);
      await after.close();
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
