// Editors' corrections to story grouping: recorded, and their outcome (decided by the story
// index, which knows the stories) written to the rows in the same transaction.
import type { Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import { ensureStory, mergeStory, placeFamily, storyOfFamily } from './groups.js';
import { recountStories } from './recount.js';
import type { Database } from './schema.js';

/** The correction as the editor asked it, keyed by articles (ids survive a rebuild). */
export type CorrectionRequest =
  | { kind: 'merge'; articleId: string; withArticleId: string }
  | { kind: 'move'; articleId: string; toArticleId: string | null };

export interface CorrectionRow {
  id: number;
  request: CorrectionRequest;
  /** articles.seq of the last article stored when it was made (replay it right after). */
  afterSeq: number;
  note: string | null;
  createdAt: string;
}

/** What the grouping decided the correction changes. */
export interface CorrectionEffect {
  mergedStories: { from: string; into: string }[];
  moved: { familyId: string; from: string; to: string } | null;
}

export interface CorrectionToSave {
  request: CorrectionRequest;
  effect: CorrectionEffect;
  note?: string | null;
  /** False when re-applying a stored correction (reprocessing): only the effect is written. */
  record: boolean;
}

/** Records a correction (when asked) and writes its effect; returns its id (0 when not recorded). */
export async function saveCorrection(
  db: Kysely<Database>,
  dialect: StoreDialect,
  input: CorrectionToSave,
  at: string,
): Promise<number> {
  return dialect.writeTransaction(db, async (trx) => {
    let id = 0;
    if (input.record) {
      const { request } = input;
      const last = await trx
        .selectFrom('articles')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      const row = await trx
        .insertInto('corrections')
        .values({
          kind: request.kind,
          article_id: request.articleId,
          other_article_id: request.kind === 'merge' ? request.withArticleId : request.toArticleId,
          after_seq: Number(last?.seq ?? 0),
          note: input.note ?? null,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = Number(row.id);
    }
    await applyEffect(trx, input.effect, at);
    return id;
  });
}

async function applyEffect(
  db: Kysely<Database>,
  effect: CorrectionEffect,
  at: string,
): Promise<void> {
  const touched = new Set<string>();
  for (const { from, into } of effect.mergedStories) {
    if (await mergeStory(db, from, into, at)) touched.add(into);
  }
  if (effect.moved) {
    const { familyId, from, to } = effect.moved;
    await ensureStory(db, to, at);
    await placeFamily(db, familyId, to, at, await storyOfFamily(db, familyId));
    touched.add(from).add(to);
  }
  await recountStories(db, touched);
}

/** Every correction, oldest first: the order they must be re-applied in. */
export async function listCorrections(db: Kysely<Database>): Promise<CorrectionRow[]> {
  const rows = await db.selectFrom('corrections').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    request:
      r.kind === 'merge'
        ? { kind: 'merge', articleId: r.article_id, withArticleId: r.other_article_id ?? '' }
        : { kind: 'move', articleId: r.article_id, toArticleId: r.other_article_id },
    afterSeq: Number(r.after_seq),
    note: r.note,
    createdAt: r.created_at,
  }));
}
