import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cleanUrl,
  discoverFeeds,
  exportOpml,
  parseFeed,
  parseOpml,
  type ParsedFeed,
} from './index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const BASE = 'https://harbour-gazette.example/feeds/news.xml';
const LONG = Array.from(
  { length: 40 },
  (_, i) => `Sentence ${i} about the ferry strike in Calder Bay.`,
).join(' ');

function feedOf(
  body: string | Uint8Array,
  contentType: string | null = 'application/xml',
): ParsedFeed {
  const result = parseFeed(typeof body === 'string' ? enc(body) : body, contentType, BASE);
  assert.equal(result.kind, 'feed', result.kind === 'not-a-feed' ? result.reason : '');
  return (result as { feed: ParsedFeed }).feed;
}

describe('parseFeed', () => {
  it('reads RSS 2.0 items with GUIDs, full content, teasers, dates and relative links', () => {
    const feed =
      feedOf(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>Harbour Gazette</title><link>https://harbour-gazette.example/</link>
      <item><guid isPermaLink="false">hg-1</guid><title>Ferry crews strike</title><link>/news/ferry?utm_source=rss#top</link>
        <pubDate>Sun, 01 Mar 2026 09:00:00 GMT</pubDate><dc:creator>Mara Quill</dc:creator>
        <content:encoded><![CDATA[<p>${LONG}</p><p>Second &amp; last.</p>]]></content:encoded></item>
      <item><guid>https://harbour-gazette.example/news/2</guid><title>Short one</title><description>&lt;p&gt;Just a teaser.&lt;/p&gt;</description></item>
      </channel></rss>`);
    assert.equal(feed.format, 'rss');
    assert.equal(feed.title, 'Harbour Gazette');
    const [a, b] = feed.items;
    assert.equal(a?.key, 'hg-1');
    assert.equal(a?.url, 'https://harbour-gazette.example/news/ferry');
    assert.equal(a?.published, '2026-03-01T09:00:00.000Z');
    assert.equal(a?.author, 'Mara Quill');
    assert.equal(a?.fullText, true);
    assert.equal(a?.paragraphs[1], 'Second & last.');
    assert.equal(
      b?.url,
      'https://harbour-gazette.example/news/2',
      'a permalink GUID stands in for a missing link',
    );
    assert.deepEqual([b?.fullText, b?.paragraphs], [false, ['Just a teaser.']]);
  });

  it('reads RSS 0.91 and RSS 1.0 (RDF) feeds', () => {
    const v091 = feedOf(
      '<rss version="0.91"><channel><title>Old</title><item><title>One</title><link>https://o.example/1</link><description>x</description></item></channel></rss>',
    );
    assert.deepEqual(
      v091.items.map((i) => i.key),
      ['https://o.example/1'],
    );
    const rdf =
      feedOf(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>RDF news</title></channel>
      <item rdf:about="https://r.example/a"><title>A</title><link>https://r.example/a</link><dc:date>2026-03-01T10:00:00Z</dc:date></item></rdf:RDF>`);
    assert.equal(rdf.format, 'rdf');
    assert.deepEqual(
      [rdf.items[0]?.key, rdf.items[0]?.published],
      ['https://r.example/a', '2026-03-01T10:00:00.000Z'],
    );
  });

  it('reads Atom entries with alternate links and html content', () => {
    const feed =
      feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><link rel="self" href="/atom.xml"/><link href="https://valley.example/"/>
      <entry><id>tag:valley.example,2026:1</id><title type="html">Dam &lt;b&gt;opens&lt;/b&gt;</title><link rel="alternate" href="https://valley.example/dam"/>
      <updated>2026-03-01T08:00:00Z</updated><author><name>Ivo Brandt</name></author><content type="html">&lt;p&gt;${LONG}&lt;/p&gt;</content></entry></feed>`);
    const [e] = feed.items;
    assert.deepEqual([feed.format, feed.siteUrl], ['atom', 'https://valley.example/']);
    assert.deepEqual(
      [e?.key, e?.url, e?.title, e?.author, e?.fullText],
      ['tag:valley.example,2026:1', 'https://valley.example/dam', 'Dam opens', 'Ivo Brandt', true],
    );
  });

  it('reads JSON Feed 1.1', () => {
    const feed = feedOf(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          {
            id: 7,
            url: 'https://j.example/7',
            title: 'Seven',
            content_text: 'Para one.\n\nPara two.',
            date_published: '2026-03-01T07:00:00Z',
            authors: [{ name: 'Ana' }],
          },
        ],
      }),
      'application/feed+json',
    );
    assert.deepEqual(
      feed.items.map((i) => [i.key, i.paragraphs, i.author]),
      [['7', ['Para one.', 'Para two.'], 'Ana']],
    );
  });

  it('reads news sitemaps as teasers and sitemap indexes as children, newest first', () => {
    const feed =
      feedOf(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://s.example/a</loc><news:news><news:publication><news:name>S</news:name></news:publication><news:publication_date>2026-03-01T06:00:00Z</news:publication_date><news:title>Headline A</news:title></news:news></url></urlset>`);
    assert.deepEqual(
      feed.items.map((i) => [i.url, i.title, i.fullText]),
      [['https://s.example/a', 'Headline A', false]],
    );
    const index = feedOf(
      '<sitemapindex><sitemap><loc>https://s.example/old.xml</loc><lastmod>2026-01-01</lastmod></sitemap><sitemap><loc>https://s.example/new.xml</loc><lastmod>2026-03-01</lastmod></sitemap></sitemapindex>',
    );
    assert.deepEqual(index.children, ['https://s.example/new.xml', 'https://s.example/old.xml']);
  });

  it('keeps the first of duplicate GUIDs and counts the rest', () => {
    const feed = feedOf(
      '<rss><channel><item><guid>g</guid><title>First</title></item><item><guid>g</guid><title>Again</title></item></channel></rss>',
    );
    assert.deepEqual([feed.items.map((i) => i.title), feed.duplicateKeys], [['First'], 1]);
  });

  it('recovers the items of malformed XML and says it was malformed', () => {
    const feed = feedOf(
      '<rss><channel><item><title>Fish & chips</title><link>https://m.example/1</link></item><item><title>Cut off',
    );
    assert.ok(feed.malformed);
    assert.equal(feed.items[0]?.title, 'Fish & chips');
  });

  it('decodes Latin-1 bytes declared as UTF-8, and UTF-8 bytes declared as Latin-1', () => {
    const latin1 = Buffer.from(
      '<rss><channel><item><title>Caf\u00e9 cr\u00e8me</title><link>https://c.example/1</link></item></channel></rss>',
      'latin1',
    );
    assert.equal(
      feedOf(latin1, 'application/rss+xml; charset=utf-8').items[0]?.title,
      'Café crème',
    );
    const utf8 = enc(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Zürich Straße</title><link>https://c.example/2</link></item></channel></rss>',
    );
    assert.equal(feedOf(utf8, 'text/xml; charset=iso-8859-1').items[0]?.title, 'Zürich Straße');
    const windows = Buffer.from(
      '<?xml version="1.0" encoding="windows-1252"?><rss><channel><item><title>\u201cQuoted\u201d</title><link>https://c.example/3</link></item></channel></rss>',
      'latin1',
    );
    windows[windows.indexOf(0x1c)] = 0x93;
    windows[windows.indexOf(0x1d)] = 0x94;
    assert.equal(feedOf(windows, null).items[0]?.title, '\u201cQuoted\u201d');
  });

  it('does not expand nested DOCTYPE entities (billion laughs)', () => {
    const defs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join('');
    const doc = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY l0 "lol">${defs}]><rss><channel><item><title>&l9;</title><link>https://x.example/1</link></item></channel></rss>`;
    const result = parseFeed(enc(doc), null, BASE);
    const title = result.kind === 'feed' ? (result.feed.items[0]?.title ?? '') : '';
    assert.ok(title.length < 1000);
  });

  it('says an HTML page, JSON without a version, or junk is not a feed', () => {
    const html = parseFeed(
      enc('<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>'),
      'text/html',
      BASE,
    );
    assert.deepEqual(html, { kind: 'not-a-feed', reason: 'an HTML page, not a feed' });
    assert.equal(parseFeed(enc('{"items":[]}'), null, BASE).kind, 'not-a-feed');
    assert.equal(parseFeed(enc(''), null, BASE).kind, 'not-a-feed');
    assert.equal(parseFeed(new Uint8Array([0, 159, 146, 150]), null, BASE).kind, 'not-a-feed');
  });
});

describe('cleanUrl', () => {
  it('drops tracking parameters and fragments, keeps content parameters', () => {
    assert.equal(
      cleanUrl('https://n.example/a?id=5&utm_source=x&utm_medium=rss&fbclid=1#c'),
      'https://n.example/a?id=5',
    );
    assert.equal(cleanUrl('https://N.Example/a?utm_campaign=y'), 'https://n.example/a');
  });
  it('unwraps aggregator redirect links to the publisher URL', () => {
    assert.equal(
      cleanUrl(
        'https://agg.example/url?q=https%3A%2F%2Fpublisher.example%2Fstory%3Futm_source%3Dagg&sa=t',
      ),
      'https://publisher.example/story',
    );
    assert.equal(
      cleanUrl('https://click.example/r/?url=https://publisher.example/x'),
      'https://publisher.example/x',
    );
    assert.equal(
      cleanUrl('https://site.example/search?q=https://other.example/'),
      'https://site.example/search?q=https://other.example/',
    );
  });
});

describe('discoverFeeds', () => {
  it('finds announced RSS, Atom and JSON feeds, resolved against <base>', () => {
    const html =
      '<html><head><base href="https://site.example/news/"><link rel="alternate" type="application/rss+xml" title="All" href="rss.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml"><link rel="stylesheet" href="x.css"><link rel="alternate" type="application/feed+json" href="https://site.example/feed.json"></head></html>';
    assert.deepEqual(
      discoverFeeds(enc(html), 'text/html', 'https://site.example/').map((f) => f.url),
      [
        'https://site.example/news/rss.xml',
        'https://site.example/atom.xml',
        'https://site.example/feed.json',
      ],
    );
  });
});

describe('OPML', () => {
  it('imports nested outlines and round-trips our export', () => {
    const opml =
      '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="News"><outline type="rss" text="A &amp; B" xmlUrl="https://a.example/feed"/></outline><outline type="link" text="Page" url="https://p.example/x"/></body></opml>';
    const entries = parseOpml(enc(opml));
    assert.deepEqual(entries, [
      { kind: 'feed', url: 'https://a.example/feed', title: 'A & B' },
      { kind: 'page', url: 'https://p.example/x', title: 'Page' },
    ]);
    const out = exportOpml(
      entries.map((e) => ({ kind: e.kind, uri: e.url, title: e.title })),
      new Date('2026-03-02T00:00:00Z'),
    );
    assert.deepEqual(parseOpml(enc(out)), entries);
    assert.throws(() => parseOpml(enc('<rss/>')), /not an OPML document/);
  });
});
