// The edit view between a copy and its family's likely original. The diff itself comes from the
// families stage through `AppDeps.diff` (the CLI passes `diffCopy`): serve never imports a stage,
// it only renders what the stage computes.
import type { CopyDiff, DiffText } from '../families/index.js';
import type { ArticleRow, Store } from '../store/index.js';
import { StorylineError } from '../errors.js';
import { readArticle, readFamily } from './reads.js';

export type DiffFn = (original: DiffText, copy: DiffText) => CopyDiff;

export interface CopyEdits {
  original: ArticleRow;
  copy: ArticleRow;
  diff: CopyDiff;
}

/** Whether the reader should offer an edit view for this article. */
export function hasEdits(article: Pick<ArticleRow, 'isOriginal'>, familySize: number): boolean {
  return !article.isOriginal && familySize > 1;
}

export async function readEdits(store: Store, diff: DiffFn | null, id: string): Promise<CopyEdits> {
  if (!diff)
    throw new StorylineError('NOT_FOUND', 'serve: the edit view is not enabled on this server');
  const copy = await readArticle(store, id);
  const family = await readFamily(store, copy);
  const originalId = family?.originalId;
  if (!family || !originalId || originalId === copy.id || family.articles.length < 2) {
    throw new StorylineError('NOT_FOUND', `serve: article ${id} is not a copy of another article`);
  }
  const original =
    family.articles.find((a) => a.id === originalId) ?? (await readArticle(store, originalId));
  return { original, copy, diff: diff(original, copy) };
}
