// extract() must never throw and must stay bounded in time on any bytes: random input, tag
// soup, and pathological shapes (deep nesting, one huge element, tens of thousands of links).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Extraction, Page } from '../types.js';
import { extract } from './index.js';

const NOW = new Date('2031-01-01T00:00:00Z');
const page = (body: Uint8Array, contentType: string | null = null): Page => ({
  url: 'https://t.example/a',
  fetchedAt: NOW,
  body,
  contentType,
});
const html = (s: string): Page => page(new TextEncoder().encode(s), 'text/html');
const KINDS = new Set<Extraction['kind']>(['article', 'not-article', 'unreadable']);

/** extract() catches anything thrown inside it (so a batch never stops); these tests check
 *  that nothing is thrown in the first place: an outcome from that safety net fails them. */
function assertClean(r: Extraction): void {
  assert.ok(KINDS.has(r.kind));
  assert.ok(
    !(r.kind === 'not-article' && r.reason.includes(': failed on ')),
    r.kind === 'not-article' ? r.reason : '',
  );
}

/** Generous bound for the heavy shapes (CPU ms): each takes about a second or less; the bound
 *  catches quadratic blow-ups, not small regressions. CPU time (process.cpuUsage), not wall
 *  time: on a shared, loaded 2-core machine the wall clock runs several times slower. */
const HEAVY_BOUND_MS = 8000;

function timed(p: Page): { result: Extraction; ms: number } {
  const start = process.cpuUsage();
  const result = extract(p, NOW);
  const used = process.cpuUsage(start);
  return { result, ms: (used.user + used.system) / 1000 };
}

const TAGS = [
  'div',
  'p',
  'a',
  'span',
  'script',
  'style',
  'article',
  'table',
  'td',
  'li',
  'ul',
  'h1',
  'img',
  'br',
  'iframe',
  '!--',
  '![CDATA[',
];

describe('extract on hostile input', () => {
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(null, 'text/html', 'text/plain', 'text/html; charset=shift_jis'),
        (bytes, type) => {
          assertClean(extract(page(bytes, type), NOW));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on tag soup', () => {
    const piece = fc.oneof(
      fc
        .constantFrom(...TAGS)
        .chain((t) =>
          fc.constantFrom(
            `<${t}>`,
            `</${t}>`,
            `<${t} class="content article">`,
            `<${t} href="javascript:x">`,
          ),
        ),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '&amp;',
        '&#0;',
        '&#x110000;',
        '<',
        '>',
        '"',
        "'",
        '\u0000',
        '\ud800',
        '<script type="application/ld+json">{"@type":"NewsArticle","author":[null,{}]}</script>',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (parts) => {
        const r = extract(html(parts.join('')), NOW);
        assertClean(r);
        if (r.kind === 'article') assert.ok(!/<script|javascript:/i.test(r.article.html ?? ''));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on odd page URLs, content types and fetch times', () => {
    const doc = new TextEncoder().encode(
      '<html><head><link rel="canonical" href="::bad"><meta property="og:image" content="javascript:x"></head><body><div class="content"><p>' +
        'A paragraph long enough to count as an article body, written twice over. '.repeat(6) +
        '</p></div></body></html>',
    );
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.integer(), (url, type, ms) => {
        const r = extract(
          { url, body: doc, contentType: type, fetchedAt: new Date(ms * 1e6) },
          NOW,
        );
        assert.ok(KINDS.has(r.kind));
      }),
      { numRuns: 100 },
    );
    const invalidClock = extract(
      {
        url: 'x',
        body: new TextEncoder().encode(
          'Title\nA line of prose that is long enough to be a body paragraph on its own, surely.\nRelated Articles\nOutlet\n5 minutes ago\nHeadline\nBody text.',
        ),
        contentType: 'text/plain',
        fetchedAt: new Date(NaN),
      },
      NOW,
    );
    assertClean(invalidClock);
  });

  it('handles 100,000 nested divs without overflowing the stack', { timeout: 60_000 }, () => {
    const depth = 100_000;
    const doc = `<html><body>${'<div>'.repeat(depth)}<p>${'Deep text sits at the bottom of the page. '.repeat(10)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const { result, ms } = timed(html(doc));
    assertClean(result);
    assert.ok(ms < HEAVY_BOUND_MS, `${ms} ms`);
  });

  it('handles 20 MB of text in one element', { timeout: 60_000 }, () => {
    const big = 'All work and no play makes a very long paragraph. '.repeat(400_000);
    const { result, ms } = timed(html(`<html><body><p>${big}</p></body></html>`));
    assert.equal(result.kind, 'article');
    assert.ok(ms < HEAVY_BOUND_MS, `${ms} ms`);
  });

  it('handles a 20 MB text dump in one line and 20,000 related items', { timeout: 60_000 }, () => {
    const oneLine = page(
      new TextEncoder().encode(`Title\n${'word '.repeat(4_000_000)}.`),
      'text/plain',
    );
    const a = timed(oneLine);
    assert.equal(a.result.kind, 'article');
    const items = Array.from(
      { length: 20_000 },
      (_, i) => `Outlet ${i}\n${(i % 50) + 1} minutes ago\nHeadline ${i}\nBody ${i}.`,
    );
    const dump = `Title\n${'A sentence of the main story that is long enough to count. '.repeat(5)}\nRelated Articles\n${items.join('\n\n')}`;
    const b = timed(page(new TextEncoder().encode(dump), 'text/plain'));
    assert.ok(b.result.kind === 'article' && b.result.related.length === 20_000);
    assert.ok(a.ms + b.ms < HEAVY_BOUND_MS, `${a.ms} + ${b.ms} ms`);
  });

  it('handles 50,000 links and finds no article in them', { timeout: 60_000 }, () => {
    const links = Array.from(
      { length: 50_000 },
      (_, i) => `<li><a href="/n/${i}">Headline number ${i}</a></li>`,
    ).join('');
    const { result, ms } = timed(html(`<html><body><ul>${links}</ul></body></html>`));
    assert.equal(result.kind, 'not-article');
    assert.ok(ms < HEAVY_BOUND_MS, `${ms} ms`);
  });
});
