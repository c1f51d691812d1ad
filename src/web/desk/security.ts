import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DESK_CSS_HASH } from './layout.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A fresh random value per response: the only script a desk page may run carries it. */
    cspNonce: string;
  }
}

/**
 * The desk's Content-Security-Policy: our own hashed stylesheet, and one script of ours (the
 * keyboard shortcuts, served by storydesk) admitted by this response's nonce, so text from
 * a feed cannot run even if it slipped past escaping; forms post only to us, no framing.
 * Images only from us or data: (the coverage chart is inline SVG), so a hostile article
 * cannot even make the browser fetch.
 */
export function deskCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${DESK_CSS_HASH}`,
    "img-src 'self' data:",
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The nonce of one request (made on first use). */
export function nonceOf(request: FastifyRequest): string {
  if (!request.cspNonce) request.cspNonce = randomBytes(16).toString('base64');
  return request.cspNonce;
}

/**
 * Security headers on every response. A route that needs another policy (a dashboard with its
 * own scripts) sets its own Content-Security-Policy header and keeps it.
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.decorateRequest('cspNonce', '');
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', deskCsp(nonceOf(request)));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
