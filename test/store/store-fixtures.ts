// Small, realistic inputs for store tests: fictional outlets and events, written for these
// tests. Hashes and signatures are derived from the text, so a changed text is a new revision.
import { createHash } from 'node:crypto';
import type { ArticleToSave, PageToSave } from '../../src/store/index.js';
import type { Topic } from '../../src/types.js';

export { DIALECTS, type TestDialect } from '../helpers/dialects.js';

/** A fixed clock for `processed_at` and `added_at`. */
export const FIXED_NOW = () => new Date('2026-03-02T12:00:00.000Z');

export const FERRY_STRIKE =
  'CALDER BAY, March 1 (Northwind Wire) - Ferry crews in Calder Bay walked out on Sunday over a pay offer.\n\n' +
  'The harbour authority said crossings to the outer islands would be cut to two a day.\n\n' +
  'Union leader Mara Ellison said talks could resume on Tuesday.';

export const FERRY_STRIKE_EDITED =
  'Ferry crews in Calder Bay walked out on Sunday (March 1) over a pay offer.\n\n' +
  'The harbour authority said crossings to the outer islands would be cut to two a day.\n\n' +
  'Ms Ellison, the union leader, said talks could resume on Tuesday.';

export const ORCHARD_FAIR =
  'The Linden Valley orchard fair opened on Saturday with a record 300 stalls.\n\n' +
  'Organisers expect forty thousand visitors over the weekend.';

export const TOPIC_CALDER: Topic = { kind: 'place', name: 'Calder Bay', key: 'place:calder-bay' };
export const TOPIC_ELLISON: Topic = {
  kind: 'person',
  name: 'Mara Ellison',
  key: 'person:mara-ellison',
};

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A deterministic stand-in for a MinHash signature: 16 words hashed from the text. */
export function signatureOf(text: string): Uint32Array {
  const digest = createHash('sha512').update(text).digest();
  const out = new Uint32Array(16);
  for (let i = 0; i < out.length; i++) out[i] = digest.readUInt32LE(i * 4);
  return out;
}

export interface ArticleSpec {
  id: string;
  familyId: string;
  storyId: string;
  text: string;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  position?: number;
  isOriginal?: boolean;
  credit?: string | null;
  topics?: Topic[];
}

export function articleToSave(spec: ArticleSpec): ArticleToSave {
  const paragraphs = spec.text.split('\n\n');
  return {
    id: spec.id,
    position: spec.position ?? 0,
    article: {
      url: spec.url ?? null,
      title: spec.title === undefined ? `Headline of ${spec.id}` : spec.title,
      outlet: spec.outlet === undefined ? 'Harbour Gazette' : spec.outlet,
      byline: 'By Ines Marlow',
      published: '2026-03-01T09:30:00.000Z',
      updated: null,
      dateline: 'CALDER BAY, March 1 (Northwind Wire) -',
      credit: spec.credit ?? null,
      language: 'en',
      text: spec.text,
      paragraphs,
      html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      images: [
        {
          src: 'https://harbour-gazette.example/img/ferry.jpg',
          caption: 'A moored ferry',
          credit: 'Staff',
        },
      ],
    },
    fingerprint: {
      signature: signatureOf(spec.text),
      shingleCount: spec.text.split(/\s+/).length - 2,
      paragraphHashes: paragraphs.map((p) => sha256(p).slice(0, 16)),
      textHash: sha256(spec.text),
    },
    grouping: {
      familyId: spec.familyId,
      storyId: spec.storyId,
      isOriginal: spec.isOriginal ?? true,
    },
    topics: spec.topics ?? [TOPIC_CALDER],
    wordCount: spec.text.split(/\s+/).length,
  };
}

export interface PageSpec {
  url: string;
  fetchedAt: string;
  articles: ArticleToSave[];
  /** Distinguishes pages with the same URL; defaults to the URL and fetch time. */
  body?: string;
  sourceUri?: string | null;
  mergedFamilies?: PageToSave['mergedFamilies'];
  mergedStories?: PageToSave['mergedStories'];
  familyOriginals?: PageToSave['familyOriginals'];
}

export function pageToSave(spec: PageSpec): PageToSave {
  const body = spec.body ?? `<html><body><!-- ${spec.url} ${spec.fetchedAt} --></body></html>`;
  const bytes = new TextEncoder().encode(body);
  return {
    page: {
      url: spec.url,
      fetchedAt: new Date(spec.fetchedAt),
      body: bytes,
      contentType: 'text/html; charset=utf-8',
    },
    sha256: sha256(body),
    sourceUri: spec.sourceUri ?? null,
    status: spec.articles.length > 0 ? 'processed' : 'not-article',
    note: spec.articles.length > 0 ? null : 'no article on this page',
    articles: spec.articles,
    mergedFamilies: spec.mergedFamilies ?? [],
    mergedStories: spec.mergedStories ?? [],
    familyOriginals:
      spec.familyOriginals ??
      spec.articles
        .filter((a) => a.grouping.isOriginal)
        .map((a) => ({ familyId: a.grouping.familyId, originalId: a.id })),
  };
}

/** A page's second item (an aggregator's related article), which a reprocess may drop. */
export const relatedItem = (id: string, outlet?: string) =>
  articleToSave({
    id,
    position: 1,
    familyId: 'f-rel',
    storyId: 's-rel',
    text: ORCHARD_FAIR,
    outlet,
  });
