// What every reader route needs: its dependencies and one way to send a rendered page.
import type { FastifyReply } from 'fastify';
import type { Store } from '../../store/index.js';
import type { SafeHtml } from '../html.js';
import type { DiffFn } from '../edits.js';
import type { SummaryCache } from '../summary.js';

export interface WebDeps {
  store: Store;
  pageSize: number;
  siteName: string;
  now: () => Date;
  /** Computes the edit view between a copy and its original; null when not enabled. */
  diff: DiffFn | null;
  /** Story summaries (the enrich stage's, cached); null when the server has no summariser. */
  summaries: SummaryCache | null;
}

export type IdParams = { Params: { id: string } };
export type PagedQuery = { Querystring: Record<string, unknown> };

/** Pages say "12 minutes ago", so caches must revalidate (cheap thanks to ETags). */
export function sendPage(reply: FastifyReply, page: SafeHtml): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(page.value);
}
