// A store of realistic shape for the reader benchmark, generated from a fixed seed: stories of
// heavy-tailed size (most have a few articles, a few have dozens), copy families inside them,
// a few hundred outlets, a few thousand topics, articles of ~400 words. Fictional words only.
// The file is built once per generator version and reused: building 100 thousand articles
// through the store's savePage takes most of an hour on a loaded 2-core box, so an interrupted
// build resumes where it stopped (batches already stored are skipped by their content hash).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { pageToSave, type SeedArticle, type SeedPage } from '../../src/serve/testing/seed-store.js';
import type { Topic } from '../../src/types.js';

/** Bump when the generated data changes, so a cached file of the old shape is not reused. */
const GENERATOR_VERSION = 2;
export const OUTLETS = 300;
export const TOPICS = 3000;
/** Largest story (articles): a big running story on a busy day. */
export const MAX_STORY = 80;
/** Paragraphs per article, words per paragraph: ~400-word articles. */
const PARAGRAPHS = 8;
const WORDS = 50;
/** The generated news spans this many days before `BENCH_NOW`. */
const SPAN_DAYS = 14;
export const BENCH_NOW = new Date('2026-11-22T12:00:00Z');
/** Story ids in BenchStore.sampleStories. */
const SAMPLE_STORIES = 2000;
/** Articles written per savePage (one transaction), consecutive in time. */
const ARTICLES_PER_SAVE = 25;

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same store everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'har',
  'bo',
  'lin',
  'den',
  'mar',
  'vel',
  'tor',
  'ka',
  'ri',
  'sel',
  'on',
  'qu',
  'ast',
  'ner',
  'pol',
  'e',
  'vi',
  'stra',
  'mo',
  'dan',
];

function word(rand: () => number, syllables = 1 + Math.floor(rand() * 3)): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(i === 0 ? cap(word(rand)) : word(rand));
  return `${out.join(' ')}.`;
}

function paragraph(rand: () => number): string {
  const parts: string[] = [];
  let left = WORDS;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(rand() * 12));
    parts.push(sentence(rand, n));
    left -= n;
  }
  return parts.join(' ');
}

/** Heavy-tailed story size: Pareto with shape 1.3, at least 1, at most MAX_STORY (mean ~4). */
function storySize(rand: () => number): number {
  return Math.min(MAX_STORY, Math.floor(1 / (1 - rand()) ** (1 / 1.3)));
}

export interface BenchStore {
  path: string;
  articles: number;
  stories: number;
  /** The largest story and one of median size: the story pages we time. */
  bigStory: string;
  typicalStory: string;
  /** Up to 2,000 story ids spread over the store, for loads over many URLs. */
  sampleStories: string[];
}

function plan(articles: number): { sizes: number[] } {
  const rand = prng(7);
  const sizes: number[] = [];
  let total = 0;
  while (total < articles) {
    const size = Math.min(storySize(rand), articles - total);
    sizes.push(size);
    total += size;
  }
  // One story of the largest size, so the story page is timed at its worst.
  sizes[0] = Math.min(MAX_STORY, articles);
  return { sizes };
}

function storyPages(s: number, size: number, outletNames: string[], topics: Topic[]): SeedPage[] {
  const rand = prng(1000 + s);
  const headline = `${cap(word(rand, 3))} ${word(rand)} ${word(rand, 2)} after ${word(rand)} ${word(rand, 3)}`;
  const original = Array.from({ length: PARAGRAPHS }, () => paragraph(rand));
  // Stories are spread over the span; a story's articles over up to two days after it broke.
  const start = BENCH_NOW.getTime() - rand() * SPAN_DAYS * 86_400_000;
  const storyTopics = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => {
    // Squaring skews picks towards the first topics: a few topics are in many stories.
    const i = Math.floor(rand() ** 2 * topics.length);
    return topics[i]!;
  }).filter((t, i, all) => all.findIndex((o) => o.key === t.key) === i);
  const pages: SeedPage[] = [];
  for (let a = 0; a < size; a++) {
    // About half the articles of a story are copies of its wire text (one family), the others
    // write their own (families of one).
    const isCopy = a > 0 && rand() < 0.5;
    const familyId = isCopy || a === 0 ? `f${s}-0` : `f${s}-${a}`;
    const paragraphs = isCopy
      ? original
          .map((p, k) => (k === 0 ? `${cap(word(rand))} ${p}` : p))
          .slice(0, PARAGRAPHS - (a % 3))
      : a === 0
        ? original
        : Array.from({ length: PARAGRAPHS }, () => paragraph(rand));
    const at = new Date(Math.min(BENCH_NOW.getTime(), start + rand() * 2 * 86_400_000));
    const outlet = outletNames[Math.floor(rand() ** 1.5 * outletNames.length)]!;
    const article: SeedArticle = {
      id: `a${s}-${a}`,
      familyId,
      storyId: `s${s}`,
      isOriginal: !isCopy,
      article: {
        title: a === 0 ? headline : `${headline}: ${word(rand, 2)} ${word(rand)}`,
        outlet,
        byline: `${cap(word(rand))} ${cap(word(rand, 2))}`,
        published: at.toISOString(),
        paragraphs,
        images:
          a % 4 === 0
            ? [
                {
                  src: `https://img.example/${s}/${a}.jpg`,
                  caption: sentence(rand, 10),
                  credit: cap(word(rand)),
                },
              ]
            : [],
      },
      topics: storyTopics.slice(0, 2 + (a % 3)),
    };
    pages.push({
      url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${s}/${a}`,
      fetchedAt: at.toISOString(),
      articles: [article],
    });
  }
  return pages;
}

/** Opens (building when missing) a store of `articles` generated articles under tmpdir. */
export async function benchStore(
  articles: number,
  progress: (line: string) => void,
): Promise<{ store: Store; info: BenchStore }> {
  const dir = join(tmpdir(), 'storyline-serve-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `v${GENERATOR_VERSION}-${articles}.db`);
  const { sizes } = plan(articles);
  const sorted = sizes.map((n, s) => ({ n, s })).sort((a, b) => a.n - b.n || a.s - b.s);
  const info: BenchStore = {
    path,
    articles,
    stories: sizes.length,
    bigStory: 's0',
    typicalStory: `s${sorted[Math.floor(sorted.length / 2)]!.s}`,
    sampleStories: Array.from(
      { length: Math.min(SAMPLE_STORIES, sizes.length) },
      (_, i) => `s${(i * 7919) % sizes.length}`,
    ),
  };
  if (existsSync(path)) return { store: await openStore(`sqlite:${path}`), info };
  if (existsSync(`${path}.building`)) progress(`serve bench: resuming the build of ${path}`);

  const building = `${path}.building`;
  const store = await openStore(`sqlite:${building}`, { now: () => BENCH_NOW });
  const rand = prng(3);
  const outletNames = Array.from(
    { length: OUTLETS },
    () => `${cap(word(rand, 2))} ${cap(word(rand, 2))}`,
  );
  const topics: Topic[] = Array.from({ length: TOPICS }, (_, i) => {
    const name = `${cap(word(rand, 2))} ${cap(word(rand, 3))}`;
    const kind = (['person', 'organisation', 'place', 'theme'] as const)[i % 4]!;
    return { kind, name, key: `${kind}:${name.toLowerCase().replace(/\s+/g, '-')}-${i}` };
  });
  const started = performance.now();
  let done = 0;
  // Pages go in time order, as an ingest would store them, several to a transaction: one
  // commit per article made building 100 thousand take over half an hour on a loaded box.
  const all = sizes.flatMap((n, s) => storyPages(s, n, outletNames, topics));
  all.sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt));
  for (let i = 0; i < all.length; i += ARTICLES_PER_SAVE) {
    const batch = all.slice(i, i + ARTICLES_PER_SAVE);
    const last = batch[batch.length - 1]!;
    const page = pageToSave({
      url: last.url,
      fetchedAt: last.fetchedAt,
      articles: batch.flatMap((p) => p.articles),
    });
    if (!(await store.hasPage(page.sha256))) await store.savePage(page);
    const before = done;
    done += batch.length;
    if (Math.floor(done / 10_000) > Math.floor(before / 10_000)) {
      const rate = Math.round(done / ((performance.now() - started) / 1000));
      progress(`serve bench: stored ${done} of ${articles} generated articles (${rate}/s)`);
    }
  }
  await store.close();
  renameSync(building, path);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  return { store: await openStore(`sqlite:${path}`), info };
}

/**
 * A store already on disk (a copy of a build in progress, or a real one): the largest story
 * and one of median size are looked up instead of known from the plan.
 */
export async function existingStore(path: string): Promise<{ store: Store; info: BenchStore }> {
  const store = await openStore(`sqlite:${path}`);
  const stats = await store.stats();
  const sample = [];
  for (let offset = 0; offset < SAMPLE_STORIES; offset += 500) {
    sample.push(...(await store.listStories({ limit: 500, offset })));
  }
  const bySize = [...sample].sort((a, b) => a.articleCount - b.articleCount);
  const info: BenchStore = {
    path,
    articles: stats.articles,
    stories: stats.stories,
    bigStory: bySize[bySize.length - 1]?.id ?? 's0',
    typicalStory: bySize[Math.floor(bySize.length / 2)]?.id ?? 's0',
    sampleStories: sample.map((s) => s.id),
  };
  return { store, info };
}
