// Warm-up stream for the in-memory grouping indexes: every article in the order the pipeline
// first stored it (see migration 003), read in keyset-paged batches so memory stays flat
// however large the store is.
import type { Kysely } from 'kysely';
import { decodeSignature, fromJson } from './codec.js';
import type { Database } from './schema.js';
import { topicsOfArticles } from './topics.js';
import type { GroupingStateRow } from './index.js';

/** Rows per query: large enough to amortise the round trip, small enough to keep memory flat. */
export const GROUPING_STATE_BATCH_ROWS = 500;

export async function* groupingState(
  db: Kysely<Database>,
  batchRows = GROUPING_STATE_BATCH_ROWS,
  from = 0,
): AsyncGenerator<GroupingStateRow> {
  let afterSeq = from;
  for (;;) {
    const rows = await db
      .selectFrom('articles')
      .select([
        'seq',
        'id',
        'title',
        'text',
        'credit',
        'published',
        'word_count',
        'signature',
        'shingle_count',
        'paragraph_hashes',
        'text_hash',
        'family_id',
        'story_id',
        'first_seen',
      ])
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(batchRows)
      .execute();
    if (rows.length === 0) return;
    const topics = await topicsOfArticles(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      yield {
        seq: r.seq,
        id: r.id,
        title: r.title,
        text: r.text,
        credit: r.credit,
        published: r.published,
        wordCount: r.word_count,
        fingerprint: {
          signature: decodeSignature(r.signature),
          shingleCount: r.shingle_count,
          paragraphHashes: fromJson<string[]>(r.paragraph_hashes),
          textHash: r.text_hash,
        },
        familyId: r.family_id,
        storyId: r.story_id,
        topics: topics.get(r.id) ?? [],
        firstSeen: r.first_seen,
      };
    }
    afterSeq = rows[rows.length - 1]!.seq;
    if (rows.length < batchRows) return;
  }
}
