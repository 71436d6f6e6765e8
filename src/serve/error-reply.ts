// One place decides how a failure looks: JSON `{ error: { code, message } }` under /api/ and for
// /healthz, a small HTML page elsewhere. Codes and statuses come from src/errors.ts; internal
// details (stack, SQL) stay in the log, never in the reply.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, describeError, isStorylineError, type ErrorCode } from '../errors.js';
import { html } from './html.js';
import { layout } from './layout.js';

export interface ErrorBody {
  error: { code: ErrorCode; status: number; message: string };
}

/** Maps any thrown value to a catalogue code; Fastify's own 4xx errors keep their status class. */
export function toErrorBody(error: unknown): ErrorBody {
  if (isStorylineError(error)) {
    // A 4xx message tells the client what to fix; a 5xx message may name tables or files, so
    // the client gets the catalogue summary and the log gets the rest.
    return error.status >= 500 ? body(error.code) : body(error.code, error.message);
  }
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  if (status === 404) return body('NOT_FOUND');
  if (status === 413) return body('INPUT_TOO_LARGE');
  if (status !== undefined && status >= 400 && status < 500) return body('BAD_REQUEST');
  return body('INTERNAL');
}

function body(code: ErrorCode, message: string = ERROR_CODES[code].summary): ErrorBody {
  return { error: { code, status: ERROR_CODES[code].status, message } };
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.startsWith('/healthz');
}

function send(request: FastifyRequest, reply: FastifyReply, err: ErrorBody, siteName: string) {
  reply.code(err.error.status).header('cache-control', 'no-store');
  if (wantsJson(request)) return reply.type('application/json; charset=utf-8').send(err);
  const title = err.error.status === 404 ? 'Not found' : 'Something went wrong';
  const page = layout({
    title,
    siteName,
    body: html`<h1>${title}</h1>
      <p>${err.error.message}</p>
      <p><a href="/">Back to the front page</a></p>`,
  });
  return reply.type('text/html; charset=utf-8').send(page.value);
}

/** Where 5xx details go: the reply carries only the catalogue summary. */
export type ErrorLog = (line: string) => void;

export function registerErrorReplies(app: FastifyInstance, siteName: string, log: ErrorLog): void {
  app.setErrorHandler((error, request, reply) => {
    const err = toErrorBody(error);
    if (err.error.status >= 500) {
      log(`serve: ${request.method} ${request.url.split('?')[0]} failed: ${describeError(error)}`);
    }
    return send(request, reply, err, siteName);
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      request,
      reply,
      body('NOT_FOUND', `serve: no page at ${request.url.split('?')[0]}`),
      siteName,
    ),
  );
}
