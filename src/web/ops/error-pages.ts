import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../html.js';
import { page, type Viewer } from '../desk/layout.js';
import { nonceOf } from '../desk/security.js';

/** The signed-in viewer of a request, for the page header (null when nobody is signed in). */
export function viewerOf(request: FastifyRequest): Viewer | null {
  const s = request.session;
  return s ? { name: s.name, role: s.role, csrf: s.csrf, nonce: nonceOf(request) } : null;
}

/** A browser asked for a page (HTML), rather than an API client or a fetch. */
function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return accept === undefined || /text\/html|\*\/\*/.test(accept);
}

/** The 403 page: what the role cannot do, and where to go instead. */
export function renderForbidden(viewer: Viewer | null, roles: readonly string[], url: string): string {
  const role = viewer?.role ?? 'nobody';
  const where =
    role === 'editor'
      ? html`Editors work on the <a href="/">candidates</a>; the queue dashboard is for operators.`
      : role === 'operator'
        ? html`Operators can read every candidate and run the <a href="/admin/queues">queue dashboard</a>; editing is for editors.`
        : html`<a href="/signin">Sign in</a> first.`;
  return page(
    'Not for your role',
    html`<h1>Not for your role</h1>
<p>${url} needs the ${roles.join(' or ')} role; you are signed in as ${viewer?.name ?? '?'} (${role}).</p>
<p>${where}</p><p class="muted">Ask an administrator for another account if you need it (<code>storydesk users add</code>).</p>`,
    viewer,
  );
}

/** Refuse a signed-in user whose role does not fit: an HTML page for browsers, one line of text otherwise. */
export function sendForbidden(request: FastifyRequest, reply: FastifyReply, roles: readonly string[]): FastifyReply {
  reply.code(403);
  if (!wantsHtml(request) && request.method === 'GET')
    return reply
      .type('text/plain; charset=utf-8')
      .send(`this needs the ${roles.join(' or ')} role; you are signed in as ${request.session?.role}`);
  return reply.type('text/html; charset=utf-8').send(renderForbidden(viewerOf(request), roles, request.url.split('?')[0]!));
}

/** The 404 page. */
export function renderNotFound(viewer: Viewer | null, url: string): string {
  return page(
    'Not found',
    html`<h1>Not found</h1><p>There is nothing at ${url}.</p>
<p><a href="/">Back to the candidates</a> · <a href="/help">Help</a></p>`,
    viewer,
  );
}

/** A small favicon (the desk's "s" on its header colour), served by storydesk itself. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d2b3a"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">s</text></svg>';

/** Unknown routes get an HTML 404 page (JSON only for clients that ask for JSON); /favicon.ico and /favicon.svg. */
export function registerErrorPages(app: FastifyInstance): void {
  const favicon = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG);
  app.get('/favicon.svg', { config: { auth: 'public' } }, favicon);
  app.get('/favicon.ico', { config: { auth: 'public' } }, favicon);
  app.setNotFoundHandler(async (request, reply) => {
    reply.code(404);
    const url = request.url.split('?')[0]!.slice(0, 300);
    if (/application\/json/.test(request.headers.accept ?? '') && !/text\/html/.test(request.headers.accept ?? ''))
      return reply.send({ error: 'not_found', path: url });
    return reply.type('text/html; charset=utf-8').send(renderNotFound(viewerOf(request), url));
  });
}
