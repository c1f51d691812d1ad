import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';
import { cookieOptions, localPath, PRESESSION_COOKIE, refuseAnonymous, SESSION_COOKIE } from './context.js';
import { randomSecret, sameSecret } from './passwords.js';
import { SESSION_TTL_SECONDS, SessionStore } from './sessions.js';
import { renderSignin } from './signin-page.js';
import { DEFAULT_THROTTLE, SigninThrottle, type ThrottleLimits } from './throttle.js';
import { UserStore } from './users.js';

/** What the auth layer needs. */
export interface AuthDeps {
  redis: Redis;
  keys: Keys;
  now?: () => Date;
  throttle?: ThrottleLimits;
}

/** The stores behind sign-in, for routes that need them. */
export interface AuthServices {
  users: UserStore;
  sessions: SessionStore;
  throttle: SigninThrottle;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PRESESSION_TTL_SECONDS = 3600;

/**
 * Sign-in for the whole app, registered before any route: every route needs a session unless
 * its config says `auth: 'public'`; every unsafe request (POST, PUT, PATCH, DELETE) carries the
 * session's CSRF token (form field `_csrf` or header `x-csrf-token`), except same-origin JSON
 * requests (dashboards' fetch calls); /signin and /signout.
 */
export async function registerAuth(app: FastifyInstance, deps: AuthDeps): Promise<AuthServices> {
  const now = deps.now ?? (() => new Date());
  const services: AuthServices = {
    users: new UserStore(deps.redis, deps.keys, now),
    sessions: new SessionStore(deps.redis, deps.keys),
    throttle: new SigninThrottle(deps.redis, deps.keys, deps.throttle ?? DEFAULT_THROTTLE),
  };
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  app.decorateRequest('session', null);

  // Who is asking: a session counts only while its user still exists with the same role and
  // the same session epoch, so removing a user or setting a new password ends their sessions
  // at once, and a user added again under the same name never inherits the old ones.
  app.addHook('onRequest', async (request, reply) => {
    const id = request.cookies[SESSION_COOKIE];
    const session = await services.sessions.get(id);
    const user = session ? await services.users.get(session.name) : null;
    request.session = session && user && user.role === session.role && (user.sessionEpoch ?? '') === (session.epoch ?? '') ? session : null;
    if (id && !request.session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (!request.session && request.routeOptions.config?.auth !== 'public') return refuseAnonymous(request, reply);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    const mode = request.routeOptions.config?.csrf;
    if (mode === 'none') return;
    const sent = csrfOf(request);
    const expected = mode === 'signin' ? request.cookies[PRESESSION_COOKIE] : request.session?.csrf;
    if (!sameSecret(sent, expected) && !(mode === undefined && sameOriginJson(request))) {
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send('the form is out of date or did not come from the desk (CSRF check failed); reload the page and try again');
    }
  });

  app.get('/signin', { config: { auth: 'public' } }, async (request, reply) => {
    const next = localPath((request.query as { next?: unknown }).next);
    if (request.session) return reply.redirect(next, 303);
    return sendSigninForm(request, reply, { next });
  });

  app.post('/signin', { config: { auth: 'public', csrf: 'signin' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = localPath(body.next);
    // The attempt is reserved (counted) before the password is checked, so parallel attempts
    // cannot all slip under the limit while scrypt runs.
    const reservation = await services.throttle.reserve(name, request.ip);
    if (!reservation.ok) {
      const wait = reservation.waitSeconds;
      request.log.warn({ user: name.slice(0, 64), ip: request.ip, reason: reservation.reason, waitSeconds: wait }, 'sign-in throttled');
      return sendSigninForm(request, reply.code(429).header('retry-after', String(wait)), {
        next,
        name,
        error: `Too many failed sign-ins. Try again in ${wait < 120 ? `${wait} second(s)` : `${Math.ceil(wait / 60)} minute(s)`}.`,
      });
    }
    const user = name && password ? await services.users.authenticate(name, password) : null;
    if (!user) {
      await services.throttle.fail(name, request.ip);
      request.log.warn({ user: name.slice(0, 64), ip: request.ip }, 'failed sign-in');
      return sendSigninForm(request, reply.code(401), { next, name, error: 'Wrong name or password.' });
    }
    await services.throttle.succeed(name, request.ip);
    // A new session id at every sign-in: an id planted before sign-in (fixation) is dropped.
    const old = request.cookies[SESSION_COOKIE];
    if (old) await services.sessions.destroy(old);
    const session = await services.sessions.create(user.name, user.role, now(), user.sessionEpoch);
    reply.setCookie(SESSION_COOKIE, session.id, cookieOptions(request, SESSION_TTL_SECONDS));
    reply.clearCookie(PRESESSION_COOKIE, { path: '/' });
    request.log.info({ user: user.name, role: user.role }, 'signed in');
    return reply.redirect(next, 303);
  });

  app.post('/signout', async (request, reply) => {
    if (request.session) await services.sessions.destroy(request.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/signin', 303);
  });

  return services;
}

/**
 * A JSON request from our own pages (a dashboard's fetch): no form can send JSON, and a
 * cross-site fetch with it needs a CORS preflight we never grant, so same-origin is proof enough.
 */
function sameOriginJson(request: FastifyRequest): boolean {
  if (!/^application\/json\b/i.test(String(request.headers['content-type'] ?? ''))) return false;
  if (request.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = request.headers.origin;
  try {
    return typeof origin === 'string' && new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

function csrfOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  return typeof field === 'string' ? field : undefined;
}

/**
 * The form with the pre-session token, which the POST must echo (login CSRF). A token the
 * browser already holds is kept, so a second tab or a stray request does not void the form.
 */
function sendSigninForm(request: FastifyRequest, reply: FastifyReply, options: { next: string; name?: string; error?: string }) {
  const held = request.cookies[PRESESSION_COOKIE];
  const token = held && /^[A-Za-z0-9_-]{43}$/.test(held) ? held : randomSecret();
  reply.setCookie(PRESESSION_COOKIE, token, cookieOptions(request, PRESESSION_TTL_SECONDS));
  return reply.type('text/html; charset=utf-8').send(renderSignin({ ...options, token }));
}
