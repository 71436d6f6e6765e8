// Headers sent with every response. Pages work without script; the one progressive script
// comes from our own /static/app.js, and nothing inline may run; styles come only from our own /static/app.css, images from anywhere over https (article
// photos live on the outlets' CDNs). OWASP Secure Headers Project is the checklist we follow.
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  // Our own /static/app.js only: no inline script, no eval, nothing from elsewhere.
  "script-src 'self'",
  "connect-src 'none'",
  "img-src 'self' https: data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Readers' paths (what they read) are nobody else's business, outlets included.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
});

export function registerSecurityHeaders(app: FastifyInstance): void {
  // onRequest rather than onSend, so error replies and 404s carry the headers as well.
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}
