import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { sendForbidden } from '../ops/error-pages.js';
import { refuseAnonymous } from './context.js';
import type { Role } from './users.js';

/**
 * A preHandler that admits signed-in users with one of `roles`: anonymous requests go to the
 * sign-in form (pages) or get 401; other roles get 403. Use on any route:
 * `app.get('/metrics', { preHandler: requireRole('operator') }, handler)`.
 */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async function checkRole(request: FastifyRequest, reply: FastifyReply) {
    if (!request.session) return refuseAnonymous(request, reply);
    // Browsers get a page that says what the role can do instead; API clients one line of text.
    if (!roles.includes(request.session.role)) return sendForbidden(request, reply, roles);
  };
}
