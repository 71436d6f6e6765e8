// Warm-up stream for the in-memory grouping indexes: every article, oldest first, read in
// keyset-paged batches so memory stays flat however large the store is.
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
): AsyncGenerator<GroupingStateRow> {
  let after: { firstSeen: string; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('articles')
      .select([
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
      .orderBy('first_seen')
      .orderBy('id')
      .limit(batchRows);
    if (after !== null) {
      const { firstSeen, id } = after;
      query = query.where((eb) =>
        eb.or([
          eb('first_seen', '>', firstSeen),
          eb.and([eb('first_seen', '=', firstSeen), eb('id', '>', id)]),
        ]),
      );
    }
    const rows = await query.execute();
    if (rows.length === 0) return;
    const topics = await topicsOfArticles(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      yield {
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
    const last = rows[rows.length - 1]!;
    after = { firstSeen: last.first_seen, id: last.id };
    if (rows.length < batchRows) return;
  }
}
