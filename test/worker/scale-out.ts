// Test and bench support for scale-out runs: the partition a store holds, a single-process
// reference run, and waiting for workers to drain the queue.
import pg from 'pg';
import { Pipeline } from '../../src/pipeline.js';
import type { Store } from '../../src/store/index.js';
import type { Page } from '../../src/types.js';

export interface Partition {
  articles: number;
  /** Each family's article ids, sorted; the families sorted by their first id. */
  families: string[][];
  stories: string[][];
}

export async function partitionOf(databaseUrl: string): Promise<Partition> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = (
      await client.query<{ id: string; family_id: string; story_id: string }>(
        'SELECT id, family_id, story_id FROM articles',
      )
    ).rows;
    const group = (key: 'family_id' | 'story_id') => {
      const groups = new Map<string, string[]>();
      for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) ?? []), r.id]);
      return [...groups.values()].map((ids) => ids.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    };
    return { articles: rows.length, families: group('family_id'), stories: group('story_id') };
  } finally {
    await client.end();
  }
}

/** One process, one page after another, each page's fetch time as its clock (as workers do). */
export async function singleProcessRun(store: Store, pages: readonly Page[]): Promise<void> {
  const pipeline = await Pipeline.open(store);
  for (const page of pages) await pipeline.processPage(page, null, page.fetchedAt);
}

/** Waits until the page queue is empty and `articles` are stored; throws after `timeoutMs`. */
export async function waitForDrain(
  databaseUrl: string,
  articles: number,
  timeoutMs: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await client.query<{ queued: string; stored: string }>(
        `SELECT (SELECT count(*) FROM storyline_page_queue) AS queued, (SELECT count(*) FROM articles) AS stored`,
      );
      const { queued, stored } = r.rows[0]!;
      if (Number(queued) === 0 && Number(stored) >= articles) return;
      if (Date.now() > deadline)
        throw new Error(`workers did not drain: ${queued} queued, ${stored}/${articles} stored`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

/** Counts of rows that must equal a single-process run's (nothing lost, nothing twice). */
export async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const table of [
      'pages',
      'articles',
      'families',
      'stories',
      'article_topics',
      'article_search',
    ]) {
      out[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    return out;
  } finally {
    await client.end();
  }
}
