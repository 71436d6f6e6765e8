// Extraction of every page of the bundled sample corpus against sample/EXPECTED.json: the
// metadata a perfect extraction finds, the first and last paragraphs of the reporting, the
// paragraph count, and none of the corpus's clutter lines in any article text. The sample's
// outlets, agencies and templates are fictional, so nothing here can be keyed to a real site.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import type { Article } from '../types.js';
import { extract } from './index.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'sample');

interface ExpectedArticle {
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  date: string | null;
  dateline: string | null;
  credit: string | null;
  paragraphs: number;
  first: string;
  last: string;
}

interface Expected {
  notArticles: string[];
  fetchedAt: Record<string, string>;
  articles: Record<string, ExpectedArticle>;
  clutter: string[];
}

const EXPECTED = JSON.parse(readFileSync(join(SAMPLE, 'EXPECTED.json'), 'utf8')) as Expected;
/** Pages without a stated fetch time are read as if fetched well after March 2026. */
const LATER = '2026-06-01T00:00:00Z';
/** Reporter and editor credit lines closing wire copy: not counted as body paragraphs. */
const CREDIT_LINE = /^\((reporting|writing|editing|additional reporting) by/i;

function run(file: string): ReturnType<typeof extract> {
  let body = readFileSync(join(SAMPLE, file));
  if (file.endsWith('.gz')) body = gunzipSync(body);
  const name = file.replace(/\.gz$/, '');
  const at = new Date(EXPECTED.fetchedAt[file] ?? LATER);
  const contentType = name.endsWith('.txt') ? 'text/plain' : 'text/html';
  return extract({ url: `file:///sample/${file}`, fetchedAt: at, body, contentType }, at);
}

function check(ref: string, a: Article, want: ExpectedArticle): void {
  for (const k of ['title', 'outlet', 'byline', 'dateline', 'credit'] as const)
    assert.equal(a[k], want[k], `${ref}: ${k}`);
  if (want.published !== null)
    assert.equal(Date.parse(a.published ?? ''), Date.parse(want.published), `${ref}: published`);
  assert.equal(a.published?.slice(0, 10) ?? null, want.date, `${ref}: date`);
  const first = a.paragraphs.findIndex((p) => p.includes(want.first));
  const last = a.paragraphs.findIndex((p) => p.includes(want.last));
  assert.equal(first, 0, `${ref}: the reporting starts the body, got ${a.paragraphs[0]}`);
  assert.ok(last >= first, `${ref}: last paragraph of the reporting is kept`);
  // Closing notes after the last paragraph ("This is a developing story") may be kept or not.
  const count = (to: number): number =>
    a.paragraphs.slice(first, to).filter((p) => !CREDIT_LINE.test(p)).length;
  assert.ok(
    [count(last + 1), count(a.paragraphs.length)].includes(want.paragraphs),
    `${ref}: ${want.paragraphs} paragraphs, got ${count(a.paragraphs.length)}`,
  );
  for (const line of EXPECTED.clutter)
    for (const p of a.paragraphs) assert.ok(!p.includes(line), `${ref}: clutter kept: ${p}`);
}

describe('extraction of the sample corpus', () => {
  const pages = [...new Set(Object.keys(EXPECTED.articles).map((r) => r.split('#')[0]!))];

  for (const file of pages) {
    it(`finds what a perfect extraction finds in ${file}`, () => {
      const r = run(file);
      assert.equal(r.kind, 'article', `${file}: ${'reason' in r ? r.reason : ''}`);
      if (r.kind !== 'article') return;
      check(file, r.article, EXPECTED.articles[file]!);
      r.related.forEach((a, i) => {
        const ref = `${file}#${i + 1}`;
        assert.ok(EXPECTED.articles[ref], `${ref}: unexpected related article`);
        check(ref, a, EXPECTED.articles[ref]!);
      });
      const expectedRelated = Object.keys(EXPECTED.articles).filter((r) =>
        r.startsWith(`${file}#`),
      );
      assert.equal(r.related.length, expectedRelated.length, `${file}: related articles`);
    });
  }

  it('finds no article on the pages that have none', () => {
    for (const file of EXPECTED.notArticles) assert.equal(run(file).kind, 'not-article', file);
  });
});
