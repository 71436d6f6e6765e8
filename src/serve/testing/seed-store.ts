// Test support: fills a real store (openStore('sqlite::memory:')) with pages of our own
// invention through savePage, the same door the pipeline uses. Not imported by the app.
import { createHash } from 'node:crypto';
import type { ArticleToSave, PageToSave, Store } from '../../store/index.js';
import type { Article, Topic } from '../../types.js';

export interface SeedArticle {
  id: string;
  familyId: string;
  storyId: string;
  isOriginal?: boolean;
  article?: Partial<Article>;
  topics?: Topic[];
}

export interface SeedPage {
  url: string;
  fetchedAt: string;
  articles: SeedArticle[];
}

const SIGNATURE_BINS = 64;

function baseArticle(seed: SeedArticle, url: string): Article {
  const paragraphs = seed.article?.paragraphs ?? [
    `Body of ${seed.id}, first paragraph.`,
    'Second paragraph.',
  ];
  return {
    url,
    title: `Headline of ${seed.id}`,
    outlet: 'Harbour Gazette',
    byline: null,
    published: null,
    updated: null,
    dateline: null,
    credit: null,
    language: 'en',
    html: null,
    images: [],
    ...seed.article,
    paragraphs,
    text: seed.article?.text ?? paragraphs.join('\n\n'),
  };
}

function toSave(seed: SeedArticle, position: number, url: string): ArticleToSave {
  const article = baseArticle(seed, url);
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  return {
    id: seed.id,
    position,
    article,
    fingerprint: {
      signature: new Uint32Array(SIGNATURE_BINS),
      shingleCount: article.paragraphs.length,
      paragraphHashes: article.paragraphs.map(hash),
      textHash: hash(article.text),
    },
    grouping: {
      familyId: seed.familyId,
      storyId: seed.storyId,
      isOriginal: seed.isOriginal ?? true,
    },
    topics: seed.topics ?? [],
    wordCount: article.text.split(/\s+/).filter(Boolean).length,
  };
}

export function pageToSave(seed: SeedPage): PageToSave {
  const articles = seed.articles.map((a, i) => toSave(a, i, seed.url));
  const body = new TextEncoder().encode(
    `${seed.url}\n${articles.map((a) => a.article.text).join('\n')}`,
  );
  const originals = new Map<string, string>();
  for (const a of seed.articles) if (a.isOriginal ?? true) originals.set(a.familyId, a.id);
  return {
    page: { url: seed.url, fetchedAt: new Date(seed.fetchedAt), body, contentType: 'text/html' },
    sha256: createHash('sha256').update(body).digest('hex'),
    sourceUri: null,
    status: 'processed',
    note: null,
    articles,
    mergedFamilies: [],
    mergedStories: [],
    familyOriginals: [...originals].map(([familyId, originalId]) => ({ familyId, originalId })),
  };
}

export async function seedStore(store: Store, pages: SeedPage[]): Promise<void> {
  for (const page of pages) await store.savePage(pageToSave(page));
}
