import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { seedStore } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { atomDate, xmlText } from './atom.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';

/** Parses an Atom document as XML; linkedom throws nothing, so we check the root and count. */
function entries(xml: string) {
  const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>\n/, ''));
  return [...document.querySelectorAll('entry')].map((e) => ({
    id: e.querySelector('id')?.textContent,
    title: e.querySelector('title')?.textContent,
    link: e.querySelector('link[rel=alternate]')?.getAttribute('href'),
    related: e.querySelector('link[rel=related]')?.getAttribute('href') ?? null,
  }));
}

describeEachDialect('atom feeds', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    app = buildApp({ store, config: { publicUrl: 'https://reader.example/' } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('lists the latest stories with absolute links and permanent ids', async () => {
    const res = await app.inject('/feed.atom');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
    assert.match(
      res.body,
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    assert.match(
      res.body,
      /<link rel="self" type="application\/atom\+xml" href="https:\/\/reader.example\/feed.atom"\/>/,
    );
    const list = entries(res.body);
    assert.equal(list.length, 3);
    assert.deepEqual(list[1], {
      id: 'urn:storyline:story:story-ferry',
      title: 'Ferry timetable cut for winter',
      link: 'https://reader.example/stories/story-ferry',
      related: null,
    });
  });

  it("lists a story's articles, each linking to its outlet's page", async () => {
    const res = await app.inject('/stories/story-bridge/feed.atom');
    assert.equal(res.statusCode, 200);
    const list = entries(res.body);
    assert.deepEqual(
      list.map((e) => [e.id, e.related]),
      [
        ['urn:storyline:article:gazette-bridge', 'https://harbourgazette.example/news/bridge'],
        ['urn:storyline:article:wire-bridge', 'https://lanternwire.example/2026/bridge'],
      ],
    );
    assert.match(res.body, /<author><name>Harbour Gazette \(via Lantern Wire\)<\/name><\/author>/);
  });

  it("lists a topic's stories and 404s for unknown stories and topics", async () => {
    const res = await app.inject('/topics/place:port-elwyn/feed.atom');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      entries(res.body).map((e) => e.id),
      ['urn:storyline:story:story-bridge'],
    );
    assert.equal((await app.inject('/stories/nope/feed.atom')).statusCode, 404);
    assert.equal((await app.inject('/topics/nope/feed.atom')).statusCode, 404);
  });

  it('escapes hostile content and never links a non-http source', async () => {
    const res = await app.inject('/stories/story-hostile/feed.atom');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script/i);
    assert.doesNotMatch(res.body, /href="javascript:/i);
    assert.equal(entries(res.body)[0]?.related, null);
  });

  it('is announced on the pages for feed readers', async () => {
    const page = await app.inject('/stories/story-bridge');
    assert.match(
      page.body,
      /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/stories\/story-bridge\/feed.atom">/,
    );
  });

  it('builds links from a well-formed Host header only, when no public URL is set', async () => {
    const plain = buildApp({ store });
    const ok = await plain.inject({ url: '/feed.atom', headers: { host: 'news.example:8080' } });
    assert.match(ok.body, /href="http:\/\/news.example:8080\/feed.atom"/);
    const odd = await plain.inject({ url: '/feed.atom', headers: { host: 'evil.example/"><x' } });
    assert.match(odd.body, /href="http:\/\/localhost\/feed.atom"/);
    await plain.close();
  });

  it('drops characters XML forbids and normalises dates', () => {
    assert.equal(xmlText('a\u0000b\u0008c & <d>'), 'abc &amp; &lt;d&gt;');
    assert.equal(atomDate('2026-11-22T12:00:00+02:00'), '2026-11-22T10:00:00.000Z');
    assert.equal(atomDate('garbage'), '1970-01-01T00:00:00.000Z');
  });
});
