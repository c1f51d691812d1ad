import type { FastifyInstance } from 'fastify';
import { DESK_CSS_HASH } from './layout.js';

/**
 * The desk's Content-Security-Policy: nothing loads or runs but our own hashed stylesheet;
 * no scripts at all, forms post only to us, no framing. Images only from us or data: (the
 * coverage chart is inline SVG), so a hostile article cannot even make the browser fetch.
 */
export const DESK_CSP = [
  "default-src 'none'",
  `style-src ${DESK_CSS_HASH}`,
  "img-src 'self' data:",
  "script-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Security headers on every response. A route that needs another policy (a dashboard with its
 * own scripts) sets its own Content-Security-Policy header and keeps it.
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DESK_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
