// The JSON shapes of /api/v1. They are a public contract: add fields, never rename or remove
// them within v1. Every resource carries links to itself and to its reader page.
import type { ArticleRow, StorySummaryRow, StoryView } from '../../store/index.js';
import type { ImageInfo, Topic } from '../../types.js';
import { sanitizeHtml } from '../sanitize.js';
import { apiArticlePath, apiStoryPath, articlePath, storyPath } from '../paths.js';

export interface StorySummaryJson extends StorySummaryRow {
  links: { self: string; html: string };
}

export interface ArticleSummaryJson {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  credit: string | null;
  wordCount: number;
  isOriginal: boolean;
  firstSeen: string;
  links: { self: string; html: string };
}

export interface StoryJson {
  story: StorySummaryJson;
  families: { id: string; originalId: string; articles: ArticleSummaryJson[] }[];
  topics: Topic[];
}

export interface ArticleJson {
  id: string;
  revision: number;
  url: string | null;
  pageUrl: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  updated: string | null;
  dateline: string | null;
  credit: string | null;
  language: string | null;
  text: string;
  paragraphs: string[];
  /** The stored HTML after our own allow-list pass; null for text input. */
  html: string | null;
  images: ImageInfo[];
  wordCount: number;
  familyId: string;
  storyId: string;
  isOriginal: boolean;
  firstSeen: string;
  lastSeen: string;
  topics: Topic[];
  links: { self: string; html: string; story: string };
}

export function storySummaryJson(row: StorySummaryRow): StorySummaryJson {
  return { ...row, links: { self: apiStoryPath(row.id), html: storyPath(row.id) } };
}

export function articleSummaryJson(row: ArticleRow, originalId: string): ArticleSummaryJson {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    url: row.url ?? row.pageUrl,
    published: row.published,
    credit: row.credit,
    wordCount: row.wordCount,
    isOriginal: row.id === originalId,
    firstSeen: row.firstSeen,
    links: { self: apiArticlePath(row.id), html: articlePath(row.id) },
  };
}

export function storyJson(view: StoryView): StoryJson {
  return {
    story: storySummaryJson(view.story),
    families: view.families.map((f) => ({
      id: f.id,
      originalId: f.originalId,
      articles: f.articles.map((a) => articleSummaryJson(a, f.originalId)),
    })),
    topics: view.topics,
  };
}

export function articleJson(row: ArticleRow): ArticleJson {
  return {
    id: row.id,
    revision: row.revision,
    url: row.url,
    pageUrl: row.pageUrl,
    title: row.title,
    outlet: row.outlet,
    byline: row.byline,
    published: row.published,
    updated: row.updated,
    dateline: row.dateline,
    credit: row.credit,
    language: row.language,
    text: row.text,
    paragraphs: row.paragraphs,
    html: row.html === null ? null : sanitizeHtml(row.html).value,
    images: row.images,
    wordCount: row.wordCount,
    familyId: row.familyId,
    storyId: row.storyId,
    isOriginal: row.isOriginal,
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
    topics: row.topics,
    links: {
      self: apiArticlePath(row.id),
      html: articlePath(row.id),
      story: storyPath(row.storyId),
    },
  };
}
