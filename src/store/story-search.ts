// Search over stories: a story matches when one of its articles does, and stories are ranked by
// their best-ranked matching article. Reusing the article index keeps one full-text index to
// keep in step; a story's headline is one of its articles' titles, so it is covered too.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { StorySummaryRow } from './index.js';
import { storySummaries } from './reader-reads.js';

/** Story ids of `articleIds` (best match first), each once, in the order of its first match. */
export async function storiesOfArticles(
  db: Kysely<Database>,
  articleIds: readonly string[],
): Promise<string[]> {
  if (articleIds.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'story_id'])
    .where('id', 'in', articleIds)
    .execute();
  const storyOf = new Map(rows.map((r) => [r.id, r.story_id]));
  const seen = new Set<string>();
  for (const id of articleIds) {
    const story = storyOf.get(id);
    if (story !== undefined) seen.add(story);
  }
  return [...seen];
}

/** Stories whose articles are among `rankedArticleIds`, best first, at most `limit`. */
export async function searchStories(
  db: Kysely<Database>,
  rankedArticleIds: readonly string[],
  limit: number,
): Promise<StorySummaryRow[]> {
  const ids = await storiesOfArticles(db, rankedArticleIds);
  return storySummaries(db, ids.slice(0, limit));
}
