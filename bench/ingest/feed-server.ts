// The benchmark's publisher: a child process serving FEEDS generated RSS feeds of ITEMS items
// each on 127.0.0.1, with ETags (so a second pass is all 304s). Prints its origin, then serves
// until its parent closes stdin. Kept out of the bench process so its CPU time is not ours.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const FEEDS = Number(process.env.FEEDS ?? 500);
const ITEMS = Number(process.env.ITEMS ?? 50);
const WORDS = [
  'harbour',
  'council',
  'ferry',
  'strike',
  'budget',
  'election',
  'flood',
  'bridge',
  'school',
  'hospital',
  'court',
  'festival',
  'market',
  'railway',
  'museum',
  'airport',
  'river',
  'orchard',
  'factory',
  'stadium',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'vin',
  'tas',
  'bru',
  'den',
  'sol',
  'qui',
  'nor',
  'pel',
  'ath',
  'rix',
  'gan',
  'dul',
  'fen',
  'hob',
  'ist',
  'jor',
  'wen',
];
const FUNCTION = [
  'the',
  'of',
  'and',
  'in',
  'said',
  'on',
  'a',
  'for',
  'with',
  'after',
  'by',
  'from',
  'that',
  'was',
  'to',
];

/** A seeded generator (mulberry32): the same (feed, item) always gives the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * ~220 words, distinct for every (feed, item): function words mixed with content words drawn
 * from an 8,000-word synthetic vocabulary, so, as with real news, unrelated items share few
 * word sequences (a template text would make every item a near-copy of every other).
 */
function body(feed: number, item: number): string {
  const next = random(feed * 100_003 + item);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const word = () => pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
  const sentence = () => {
    const words = Array.from({ length: 11 }, (_, i) => (i % 2 === 0 ? word() : pick(FUNCTION)));
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
  return Array.from(
    { length: 5 },
    () => `<p>${Array.from({ length: 4 }, sentence).join(' ')}</p>`,
  ).join('');
}

function feed(n: number): string {
  const items = Array.from(
    { length: ITEMS },
    (_, i) =>
      `<item><guid isPermaLink="false">f${n}-i${i}</guid><title>District ${n} ${WORDS[i % WORDS.length]} report ${i}</title><link>https://outlet-${n}.example/news/${i}</link><pubDate>${new Date(Date.UTC(2026, 2, 1, 0, i)).toUTCString()}</pubDate><content:encoded><![CDATA[${body(n, i)}]]></content:encoded></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Outlet ${n}</title><link>https://outlet-${n}.example/</link>${items}</channel></rss>`;
}

const server = createServer((req, res) => {
  const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  if (!m || Number(m[1]) >= FEEDS) return void res.writeHead(404).end();
  const etag = `"f${m[1]}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res
    .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag })
    .end(feed(Number(m[1])));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
