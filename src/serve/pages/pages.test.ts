import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frontPage, countsLine, outletList } from './front.js';
import { storyPage } from './story.js';
import { articleBody, articlePage } from './article.js';
import { TOPICS_SHOWN, sourceLabel, topicTags } from './parts.js';
import type { ArticleRow } from '../../store/index.js';
import { assertInert } from '../testing/assert-inert.js';
import { HOSTILE, NOW, articleRow, storySummary, storyView } from '../testing/fixture-rows.js';

describe('front page', () => {
  it('lists each story with its outlets, counts and a relative update time', () => {
    const out = frontPage({ stories: [storySummary()], page: 1, hasNext: false, now: NOW }).value;
    assert.match(
      out,
      /<a href="\/stories\/s1">Old swing bridge reopens after two-year repair<\/a>/,
    );
    assert.match(out, /Harbour Gazette, Lantern Wire, Valley Courier · 3 articles, 1 copy/);
    assert.match(out, /<time datetime="2026-11-22T11:48:00.000Z" [^>]*>12 minutes ago<\/time>/);
  });

  it('links to the next and previous pages only when they exist', () => {
    const first = frontPage({ stories: [storySummary()], page: 1, hasNext: true, now: NOW }).value;
    assert.match(first, /href="\/\?page=2"/);
    assert.doesNotMatch(first, /rel="prev"/);
    const third = frontPage({ stories: [storySummary()], page: 3, hasNext: false, now: NOW }).value;
    assert.match(third, /rel="prev" href="\/\?page=2"/);
    assert.doesNotMatch(third, /rel="next"/);
  });

  it('summarises long outlet lists and counts copies beyond each family', () => {
    assert.equal(outletList(['A', 'B', 'C', 'D', 'E', 'F']), 'A, B, C, D and 2 more');
    assert.equal(countsLine({ articleCount: 1, familyCount: 1 }), '1 article, 0 copies');
  });

  it('escapes a hostile headline and outlet names', () => {
    const story = storySummary({
      headline: HOSTILE.script + HOSTILE.attribute,
      outlets: [HOSTILE.broken],
    });
    const out = frontPage({ stories: [story], page: 1, hasNext: false, now: NOW }).value;
    assertInert(out);
    assert.match(out, /&lt;script&gt;alert\(&quot;pwned&quot;\)&lt;\/script&gt;/);
  });
});

describe('story page', () => {
  it('puts the bigger family first and its likely original at the head of the list', () => {
    const out = storyPage(storyView(), NOW).value;
    const f1 = out.indexOf('id="family-f1"');
    const f2 = out.indexOf('<li id="family-f2"');
    assert.ok(f1 > 0 && f1 < f2, 'two-copy family before the single article');
    assert.match(out, /Other coverage: 1 article with no copies/);
    const a1 = out.indexOf('href="/articles/a1"');
    const a2 = out.indexOf('href="/articles/a2"');
    assert.ok(a1 > 0 && a1 < a2, 'original listed before its copy');
    assert.equal(out.match(/likely original/g)?.length, 1, 'single articles are not marked');
  });

  it('shows topics as tags', () => {
    const out = storyPage(storyView(), NOW).value;
    assert.match(
      out,
      /<ul class="tags" aria-label="Topics"><li data-kind="place"><a href="\/topics\/place%3Aport-elwyn">Port Elwyn<\/a><\/li>/,
    );
  });

  it('escapes hostile titles, outlets and topic names', () => {
    const view = storyView();
    view.families[0]!.articles[0] = articleRow({
      id: 'x"><b',
      title: HOSTILE.script,
      outlet: HOSTILE.attribute,
      familyId: 'f2',
    });
    view.topics.push({ kind: 'theme', name: HOSTILE.broken, key: 'theme:x' });
    const out = storyPage(view, NOW).value;
    assertInert(out);
    assert.match(out, /href="\/articles\/x%22%3E%3Cb"/);
  });
});

describe('shared page parts', () => {
  it('names the outlet, else the host, and adds the wire credit only when it differs', () => {
    const row = (over: Partial<ArticleRow>) => articleRow({ credit: null, ...over });
    assert.equal(
      sourceLabel(row({ outlet: 'Harbour Gazette', credit: 'Lantern Wire' })),
      'Harbour Gazette (via Lantern Wire)',
    );
    assert.equal(
      sourceLabel(row({ outlet: 'Lantern Wire', credit: 'lantern wire' })),
      'Lantern Wire',
    );
    assert.equal(
      sourceLabel(row({ outlet: null, url: 'https://www.valley.example/x' })),
      'valley.example',
    );
    assert.equal(
      sourceLabel(row({ outlet: null, url: null, pageUrl: 'file:///x.txt' })),
      'unknown outlet',
    );
  });

  it('folds topics beyond the first dozen into a details element', () => {
    const topics = Array.from({ length: TOPICS_SHOWN + 3 }, (_, i) => ({
      kind: 'theme' as const,
      name: `Theme ${i}`,
      key: `theme:${i}`,
    }));
    const out = topicTags(topics).value;
    assert.match(out, /<details class="more-tags"><summary>3 more topics<\/summary>/);
    assert.equal(out.match(/<li /g)?.length, TOPICS_SHOWN + 3);
    assert.doesNotMatch(topicTags(topics.slice(0, 2)).value, /details/);
  });
});

describe('article page', () => {
  it('renders metadata, paragraphs, family and story links and a source link', () => {
    const out = articlePage(articleRow(), NOW).value;
    assert.match(out, /<h1>Old swing bridge reopens after two-year repair<\/h1>/);
    assert.match(out, /<dt>Byline<\/dt><dd>Mara Quill<\/dd>/);
    assert.match(out, /<dt>Dateline<\/dt><dd>PORT ELWYN, Nov 22 \(Lantern Wire\) -<\/dd>/);
    assert.match(out, /<dt>Language<\/dt><dd>en<\/dd>/);
    assert.match(out, /<p>The bridge opened at dawn.<\/p><p>Traffic resumed by noon.<\/p>/);
    assert.match(out, /href="\/stories\/s1#family-f1"/);
    assert.match(
      out,
      /<a href="https:\/\/harbourgazette.example\/news\/bridge-reopens" rel="nofollow noopener noreferrer">/,
    );
  });

  it('shows a file:// source as text, not as a link', () => {
    const out = articlePage(
      articleRow({ url: null, pageUrl: 'file:///data/in/page.html' }),
      NOW,
    ).value;
    assert.match(out, /<code>file:\/\/\/data\/in\/page.html<\/code>/);
    assert.doesNotMatch(out, /href="file:/);
  });

  it('renders images with captions and credits, dropping unsafe sources', () => {
    const out = articlePage(
      articleRow({
        images: [
          {
            src: 'https://img.example/bridge.jpg',
            caption: 'The bridge at dawn.',
            credit: 'Ivo Penn',
          },
          { src: HOSTILE.jsUrl, caption: 'Crowd at the opening.', credit: null },
        ],
      }),
      NOW,
    ).value;
    assert.match(
      out,
      /<figure><img src="https:\/\/img.example\/bridge.jpg" alt="" loading="lazy"><figcaption>The bridge at dawn. <small>Photo: Ivo Penn<\/small><\/figcaption><\/figure>/,
    );
    assert.match(out, /<figure><figcaption>Crowd at the opening.<\/figcaption><\/figure>/);
    assertInert(out);
  });

  it('neutralises hostile title, byline, body, html and source URL', () => {
    const row = articleRow({
      title: HOSTILE.script,
      byline: HOSTILE.singleQuote,
      dateline: HOSTILE.attribute,
      language: '" onload="x',
      url: HOSTILE.jsUrl,
      paragraphs: [HOSTILE.broken, HOSTILE.script],
      html: `<p onclick="x">ok</p>${HOSTILE.script}<a href="${HOSTILE.jsUrl}">link</a>${HOSTILE.broken}`,
    });
    const out = articlePage(row, NOW).value;
    assertInert(out);
    assert.doesNotMatch(
      out,
      /lang="&quot;/,
      'an invalid language tag is dropped, not just escaped',
    );
    assert.match(out, /<code>javascript:alert\(document.cookie\)<\/code>/);
  });

  it('does not repeat images the body html already shows, and leads with the first other one', () => {
    const out = articlePage(
      articleRow({
        html: '<p>Text.</p><img src="https://img.example/in-body.jpg?a=1&amp;b=2">',
        images: [
          { src: 'https://img.example/in-body.jpg?a=1&b=2', caption: null, credit: null },
          { src: 'https://img.example/lead.jpg', caption: 'Lead.', credit: null },
          { src: 'https://img.example/later.jpg', caption: 'Later.', credit: null },
        ],
      }),
      NOW,
    ).value;
    assert.equal(out.match(/in-body\.jpg/g)?.length, 1);
    const lead = out.indexOf('lead.jpg');
    const text = out.indexOf('<p>Text.</p>');
    const later = out.indexOf('later.jpg');
    assert.ok(lead < text && text < later, 'lead image, body, then the rest');
  });

  it('uses the sanitised html when it has text, the paragraphs otherwise', () => {
    const withHtml = articleBody({
      html: '<p>One <em>two</em></p>',
      paragraphs: ['x'],
      text: 'x',
    }).value;
    assert.equal(withHtml, '<p>One <em>two</em></p>');
    const empty = articleBody({
      html: '<script>x</script>',
      paragraphs: ['Fallback.'],
      text: 'Fallback.',
    }).value;
    assert.equal(empty, '<p>Fallback.</p>');
  });
});
