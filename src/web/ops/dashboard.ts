import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queue } from 'bullmq';
import { requireRole } from '../auth/require-role.js';

/** Where the dashboard is mounted inside the app. */
export const DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board's page loads its own scripts and styles, all from storydesk; nothing from another
 * host (its web-font link is taken out of the page), so the dashboard works offline and no
 * third party learns who opens it.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * bull-board for every storydesk queue at /admin/queues, for signed-in operators only.
 * Behind a reverse proxy that serves storydesk under a path (`/ops/…` → `/…`) and sends
 * `X-Forwarded-Prefix: /ops`, the page's base URL carries the prefix (only with TRUST_PROXY),
 * so its scripts and API calls go back through the proxy.
 */
export async function registerDashboard(app: FastifyInstance, deps: { queues: readonly Queue[]; trustProxy: boolean }): Promise<void> {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: deps.queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'storydesk queues' } },
  });
  const operator = requireRole('operator');

  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      // The dashboard's own API calls send no CSRF token; same-origin is checked instead.
      route.config = { ...(route.config as object), csrf: 'none' };
      const existing = route.preHandler ? ([] as unknown[]).concat(route.preHandler) : [];
      route.preHandler = [operator, sameOriginWrites, ...(existing as never[])];
    });
    scope.addHook('onSend', async (request, reply, payload) => {
      reply.header('content-security-policy', DASHBOARD_CSP);
      if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
      const prefix = deps.trustProxy ? forwardedPrefix(request) : '';
      const local = withoutThirdParty(payload);
      return prefix ? local.replace(`<base href="${DASHBOARD_PATH}/"`, `<base href="${prefix}${DASHBOARD_PATH}/"`) : local;
    });
    await scope.register(adapter.registerPlugin(), { prefix: DASHBOARD_PATH });
  });
}

/** The page without tags that load from another host (bull-board links Google Fonts); its own fonts fall back to the system's. */
export function withoutThirdParty(page: string): string {
  return page
    .replace(/<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>\s*/gi, '')
    .replace(/<script\b[^>]*\bsrc="(?:https?:)?\/\/[^"]*"[^>]*>\s*<\/script>\s*/gi, '');
}

/** The proxy's path prefix, when it is a plain path ("/ops", "/a/b"); anything else is ignored. */
export function forwardedPrefix(request: Pick<FastifyRequest, 'headers'>): string {
  const raw = request.headers['x-forwarded-prefix'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().replace(/\/+$/, '') ?? '';
  return /^(\/[A-Za-z0-9._~-]+)+$/.test(value) ? value : '';
}

/** Writes (retry, clean, pause…) only from the dashboard's own page: the browser says same-origin. */
async function sameOriginWrites(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const sameOrigin = site === 'same-origin' || (site === undefined && typeof origin === 'string' && hostOf(origin) === request.host);
  if (sameOrigin) return undefined;
  return reply.code(403).type('text/plain; charset=utf-8').send('dashboard changes must come from the dashboard page (same origin)');
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
