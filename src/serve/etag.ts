// Conditional GET for every successful GET/HEAD reply: a weak ETag from the body's hash, and
// 304 Not Modified when the client already holds it. Pages are still rendered (the hash needs
// the body) but not sent again; that saves the bandwidth, which is what feed readers polling
// every few minutes cost us. Weak, because the same bytes may be served compressed by a proxy
// (RFC 9110 §8.8.1); If-None-Match uses weak comparison (RFC 9110 §13.1.2).
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Hex characters of the SHA-256 kept in the tag: 64 bits, ample to tell versions of one URL apart. */
export const ETAG_HEX_CHARS = 16;

export function etagOf(body: string | Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('hex').slice(0, ETAG_HEX_CHARS)}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether an If-None-Match header value matches `etag` under weak comparison. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const wanted = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === wanted);
}

export function registerEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !(payload instanceof Uint8Array)) return payload;
    const existing = reply.getHeader('etag');
    const etag = typeof existing === 'string' ? existing : etagOf(payload);
    reply.header('etag', etag);
    if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-length');
    return '';
  });
}
