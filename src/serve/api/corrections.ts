// Editors' corrections over the API (issue 5): merge two stories, move an article (with its
// copies) out of a story or into another. Changes need the server's admin token
// (STORYLINE_ADMIN_TOKEN) as a Bearer token and are refused outright when none is set. The
// decision itself is made by the shell's `correct` (the pipeline), which records it so it holds
// when the store is replayed or reprocessed.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StorylineError } from '../../errors.js';
import type { CorrectionEffect, CorrectionRequest, Store } from '../../store/index.js';

export interface CorrectionAdmin {
  /** Bearer token that allows corrections; null turns them off. */
  token: string | null;
  correct: ((request: CorrectionRequest, note: string | null) => Promise<CorrectionEffect>) | null;
}

/** Longest editor's note kept (characters). */
export const MAX_NOTE_CHARS = 1000;

export function registerCorrectionRoutes(
  app: FastifyInstance,
  deps: { store: Store; admin: CorrectionAdmin },
): void {
  const { store, admin } = deps;

  app.get('/api/v1/corrections', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { corrections: await store.corrections() };
  });

  app.post<{ Params: { id: string }; Body: unknown }>(
    '/api/v1/stories/:id/merge',
    async (request, reply) => {
      const correct = authorise(request, admin);
      const { into, note } = readBody(request.body, 'into');
      if (into === null)
        throw new StorylineError('BAD_REQUEST', 'serve: "into" (a story id) is required');
      const from = await anArticleOf(store, request.params.id);
      const target = await anArticleOf(store, into);
      const effect = await correct({ kind: 'merge', articleId: from, withArticleId: target }, note);
      return reply.code(200).send({ effect });
    },
  );

  app.post<{ Params: { id: string }; Body: unknown }>(
    '/api/v1/articles/:id/move',
    async (request, reply) => {
      const correct = authorise(request, admin);
      const { to, note } = readBody(request.body ?? {}, 'to');
      if ((await store.getArticle(request.params.id)) === null)
        throw new StorylineError('NOT_FOUND', `serve: no article ${request.params.id}`);
      const target = to === null ? null : await anArticleOf(store, to);
      const effect = await correct(
        { kind: 'move', articleId: request.params.id, toArticleId: target },
        note,
      );
      return reply.code(200).send({ effect });
    },
  );
}

/** Any article of the story stands for it: corrections are keyed by articles. */
async function anArticleOf(store: Store, storyId: string): Promise<string> {
  const view = await store.getStory(storyId);
  const first = view?.families[0]?.articles[0];
  if (!first) throw new StorylineError('NOT_FOUND', `serve: no story ${storyId}`);
  return first.id;
}

function readBody(
  body: unknown,
  field: 'into' | 'to',
): { into: string | null; to: string | null; note: string | null } {
  if (typeof body !== 'object' || body === null)
    throw new StorylineError(
      'BAD_REQUEST',
      `serve: send {"${field}": "<story id>", "note"?: "..."}`,
    );
  const raw = body as Record<string, unknown>;
  const value = raw[field];
  if (value !== undefined && value !== null && typeof value !== 'string')
    throw new StorylineError('BAD_REQUEST', `serve: "${field}" must be a story id`);
  const note = raw.note;
  if (note !== undefined && note !== null && typeof note !== 'string')
    throw new StorylineError('BAD_REQUEST', 'serve: "note" must be text');
  const id = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  return {
    into: field === 'into' ? id : null,
    to: field === 'to' ? id : null,
    note: typeof note === 'string' ? note.slice(0, MAX_NOTE_CHARS) : null,
  };
}

function authorise(
  request: FastifyRequest,
  admin: CorrectionAdmin,
): NonNullable<CorrectionAdmin['correct']> {
  if (admin.token === null || admin.token === '' || admin.correct === null) {
    throw new StorylineError(
      'FORBIDDEN',
      'serve: corrections over the API are off (set STORYLINE_ADMIN_TOKEN on the server)',
    );
  }
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(admin.token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new StorylineError(
      'FORBIDDEN',
      'serve: a valid admin token is needed to correct stories',
    );
  return admin.correct;
}
