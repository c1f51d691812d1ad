import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, or null (set by the auth hook before any handler runs). */
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** 'public': reachable without signing in (health checks, the sign-in page). Default: sign-in required. */
    auth?: 'public';
    /** 'signin': the sign-in form's pre-session token; 'none': no CSRF check (only for non-browser endpoints). */
    csrf?: 'signin' | 'none';
  }
}

/** Cookie names. */
export const SESSION_COOKIE = 'sd_session';
export const PRESESSION_COOKIE = 'sd_presession';

/** Cookie flags: HttpOnly, SameSite=Lax, Secure whenever the request came over https (trust-proxy aware). */
export function cookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https', maxAge: maxAgeSeconds };
}

/** Does this request come from a browser that wants a page (redirect to sign-in) rather than an API client (401)? */
export function wantsPage(request: FastifyRequest): boolean {
  // Navigations ask for text/html; a favicon or API call gets 401, not a redirect to the form.
  const accept = request.headers.accept;
  return (request.method === 'GET' || request.method === 'HEAD') && (accept === undefined || /text\/html/.test(accept));
}

/**
 * A path we may redirect to after sign-in: local only ("/x", never "//host" or "/\\host"), and
 * printable ASCII only, so it is always a valid Location header (a decoded "/%00" or
 * "/%E2%80%8B" would make the redirect throw after the session was made); anything else is "/".
 */
export function localPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length < 2000 ? value : '/';
}

/** Refuse a request that is not signed in: pages redirect to the sign-in form, the rest get 401. */
export function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (wantsPage(request)) return reply.redirect(`/signin?next=${encodeURIComponent(localPath(request.url))}`, 303);
  return reply.code(401).type('text/plain; charset=utf-8').send('sign-in required');
}
