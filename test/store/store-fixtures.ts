// Small, realistic inputs for store tests: fictional outlets and events, written for these
// tests. Hashes and signatures are derived from the text, so a changed text is a new revision.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ArticleToSave, PageToSave } from '../../src/store/index.js';
import type { Topic } from '../../src/types.js';

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /** A URL to a new, empty database each call. */
  url: () => Promise<string>;
}

/**
 * Every dialect the store tests run against: SQLite always, PostgreSQL when
 * STORYLINE_TEST_POSTGRES_URL names a server to use (test/store/start-postgres.sh starts one).
 */
export const DIALECTS: readonly TestDialect[] = [
  { name: 'sqlite', url: async () => 'sqlite::memory:' },
  ...(process.env.STORYLINE_TEST_POSTGRES_URL
    ? [
        {
          name: 'postgres' as const,
          url: () => freshPostgresSchema(process.env.STORYLINE_TEST_POSTGRES_URL!),
        },
      ]
    : []),
];

/**
 * A new schema on the test server, and a URL whose search_path points at it: each test gets
 * an empty database for the cost of one CREATE SCHEMA. Schemas are left for the throwaway
 * cluster to take with it: use a fresh cluster per run (start-postgres.sh), since Kysely's
 * migrator introspects every schema and ~800 leftovers made each migration 2.7 s, not 0.15 s.
 */
async function freshPostgresSchema(serverUrl: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

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
