// The copy-family part of the JSON API: a family with its likely original and how each copy
// edited it (/api/v1/families/:id), and one copy's full edit view (/api/v1/articles/:id/diff,
// the same reply as /edits under the name the issue asks for). Diffs come from the families
// stage through ApiDeps.diff; without it the per-copy summaries are null.
import type { FastifyInstance } from 'fastify';
import type { FamilyView, Store } from '../../store/index.js';
import type { CopyDiff, EditKind } from '../../families/index.js';
import { StorylineError, isStorylineError } from '../../errors.js';
import { readEdits, type DiffFn } from '../edits.js';
import { apiArticlePath, familyAnchor, storyPath } from '../paths.js';
import { articleSummaryJson, type ArticleSummaryJson } from './dto.js';

export interface FamilyRouteDeps {
  store: Store;
  diff: DiffFn | null;
}

type IdParams = { Params: { id: string } };

/** How one copy differs from the original, in brief; the full view is at links.diff. */
export interface CopyEditSummaryJson {
  editedPercent: number;
  copyWords: number;
  headlineRewritten: boolean;
  /** Edit kinds with a non-zero count. */
  counts: Partial<Record<EditKind, number>>;
  uniqueSentences: string[];
}

export interface FamilyJson {
  family: { id: string; storyId: string; originalId: string; size: number };
  original: ArticleSummaryJson;
  copies: {
    article: ArticleSummaryJson;
    edits: CopyEditSummaryJson | null;
    links: { diff: string };
  }[];
  links: { self: string; html: string };
}

export const apiFamilyPath = (id: string) => `/api/v1/families/${encodeURIComponent(id)}`;
export const apiDiffPath = (id: string) => `${apiArticlePath(id)}/diff`;

export function registerFamilyRoutes(app: FastifyInstance, deps: FamilyRouteDeps): void {
  app.get<IdParams>('/api/v1/families/:id', async (request) => {
    const { family, storyId } = await readFamilyById(deps.store, request.params.id);
    return familyJson(family, storyId, deps.diff);
  });

  app.get<IdParams>('/api/v1/articles/:id/diff', async (request) => {
    const { original, copy, diff } = await readEdits(deps.store, deps.diff, request.params.id);
    return {
      original: articleSummaryJson(original, original.id),
      copy: articleSummaryJson(copy, original.id),
      diff,
    };
  });
}

/** A family by id with its story, or NOT_FOUND (an id absorbed by a merge has no rows left). */
async function readFamilyById(
  store: Store,
  id: string,
): Promise<{ family: FamilyView; storyId: string }> {
  let family: (FamilyView & { storyId: string }) | null;
  try {
    family = await store.getFamily(id);
  } catch (error) {
    if (isStorylineError(error)) throw error;
    throw new StorylineError(
      'STORE_FAILED',
      `serve: unable to read family ${id}: ${String(error)}`,
    );
  }
  if (!family || family.articles.length === 0)
    throw new StorylineError('NOT_FOUND', `serve: no copy family ${id}`);
  return { family, storyId: family.storyId };
}

function familyJson(family: FamilyView, storyId: string, diff: DiffFn | null): FamilyJson {
  const original = family.articles.find((a) => a.id === family.originalId) ?? family.articles[0]!;
  const copies = family.articles.filter((a) => a.id !== original.id);
  return {
    family: {
      id: family.id,
      storyId,
      originalId: original.id,
      size: family.articles.length,
    },
    original: articleSummaryJson(original, original.id),
    copies: copies.map((copy) => ({
      article: articleSummaryJson(copy, original.id),
      edits: diff ? editSummary(diff(original, copy)) : null,
      links: { diff: apiDiffPath(copy.id) },
    })),
    links: {
      self: apiFamilyPath(family.id),
      html: `${storyPath(storyId)}#${familyAnchor(family.id)}`,
    },
  };
}

function editSummary(d: CopyDiff): CopyEditSummaryJson {
  const counts: Partial<Record<EditKind, number>> = {};
  for (const [kind, n] of Object.entries(d.counts) as [EditKind, number][])
    if (n > 0) counts[kind] = n;
  return {
    editedPercent: d.editedPercent,
    copyWords: d.copyWords,
    headlineRewritten: d.title.rewritten,
    counts,
    uniqueSentences: d.uniqueSentences,
  };
}
