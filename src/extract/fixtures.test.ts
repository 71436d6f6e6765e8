// Runs every page fixture under test/fixtures/pages/<behaviour>/: input.* plus expected.json
// (written by hand, or by make-encoded.mjs for byte-level cases). expected.json checks only the
// fields it names, so a fixture states exactly the behaviour it is about.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Article, Extraction } from '../types.js';
import { extract } from './index.js';

const ROOT = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'pages');
const NOW = new Date('2031-06-01T00:00:00Z');

interface Expected {
  page: { url: string; contentType: string | null; fetchedAt?: string };
  kind: Extraction['kind'];
  code?: string;
  reasonIncludes?: string;
  encoding?: string;
  article?: Partial<Article> & {
    paragraphCount?: number;
    firstParagraphStarts?: string;
    lastParagraphEnds?: string;
    imageSrc?: string;
    imageCaptionStarts?: string;
    imageCredit?: string;
  };
  textIncludes?: string[];
  textExcludes?: string[];
  htmlIncludes?: string[];
  htmlExcludes?: string[];
  textOccurrences?: Record<string, number>;
  related?: Partial<Article>[];
}

const FIELDS = [
  'url',
  'title',
  'outlet',
  'byline',
  'published',
  'updated',
  'language',
  'credit',
  'dateline',
] as const;

function run(slug: string): { result: Extraction; expected: Expected } {
  const dir = join(ROOT, slug);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const page = {
    url: expected.page.url,
    contentType: expected.page.contentType,
    fetchedAt: new Date(expected.page.fetchedAt ?? '2031-06-01T00:00:00Z'),
    body: new Uint8Array(readFileSync(join(dir, input))),
  };
  return { result: extract(page, NOW), expected };
}

function checkArticle(a: Article, e: NonNullable<Expected['article']>): void {
  for (const f of FIELDS) if (f in e) assert.equal(a[f], e[f], `field ${f}`);
  if (e.paragraphCount !== undefined)
    assert.equal(a.paragraphs.length, e.paragraphCount, `paragraphs:\n${a.paragraphs.join('\n')}`);
  if (e.firstParagraphStarts)
    assert.ok(
      a.paragraphs[0]?.startsWith(e.firstParagraphStarts),
      `first paragraph: ${a.paragraphs[0]}`,
    );
  if (e.lastParagraphEnds)
    assert.ok(
      a.paragraphs.at(-1)?.endsWith(e.lastParagraphEnds),
      `last paragraph: ${a.paragraphs.at(-1)}`,
    );
  if (e.imageSrc)
    assert.ok(
      a.images.some((i) => i.src === e.imageSrc),
      JSON.stringify(a.images),
    );
  if (e.imageCaptionStarts)
    assert.ok(
      a.images.some((i) => i.caption?.startsWith(e.imageCaptionStarts!)),
      JSON.stringify(a.images),
    );
  if (e.imageCredit)
    assert.ok(
      a.images.some((i) => i.credit === e.imageCredit),
      JSON.stringify(a.images),
    );
}

function checkBody(a: Article, e: Expected): void {
  for (const s of e.textIncludes ?? []) assert.ok(a.text.includes(s), `text should include ${s}`);
  for (const s of e.textExcludes ?? [])
    assert.ok(!a.text.includes(s), `text should not include ${s}`);
  for (const s of e.htmlIncludes ?? [])
    assert.ok(a.html?.includes(s), `html should include ${s}:\n${a.html}`);
  for (const s of e.htmlExcludes ?? [])
    assert.ok(!a.html?.includes(s), `html should not include ${s}:\n${a.html}`);
  for (const [s, n] of Object.entries(e.textOccurrences ?? {}))
    assert.equal(a.text.split(s).length - 1, n, `occurrences of ${s}`);
}

describe('extract on page fixtures', () => {
  const slugs = readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  it('finds the fixtures', () => assert.ok(slugs.length >= 10));
  for (const slug of slugs) {
    it(`handles ${slug} as its expected.json says`, () => {
      const { result, expected } = run(slug);
      assert.equal(result.kind, expected.kind, JSON.stringify(result).slice(0, 400));
      if (result.kind === 'unreadable') {
        assert.equal(result.code, expected.code);
        if (expected.reasonIncludes)
          assert.ok(result.reason.includes(expected.reasonIncludes), result.reason);
        return;
      }
      if (result.kind === 'not-article' && expected.reasonIncludes)
        assert.ok(result.reason.includes(expected.reasonIncludes), result.reason);
      if (expected.encoding) assert.equal(result.encoding, expected.encoding);
      if (result.kind !== 'article') return;
      if (expected.article) checkArticle(result.article, expected.article);
      checkBody(result.article, expected);
      if (expected.related) {
        assert.equal(
          result.related.length,
          expected.related.length,
          JSON.stringify(result.related.map((r) => r.title)),
        );
        expected.related.forEach((r, i) => {
          for (const f of FIELDS)
            if (f in r) assert.equal(result.related[i]![f], r[f], `related[${i}].${f}`);
        });
      }
    });
  }
});
