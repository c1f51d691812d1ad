/** web/auth: users, sessions, sign-in, CSRF and the role check other routes use. */
export { registerAuth, type AuthDeps, type AuthServices } from './plugin.js';
export { requireRole } from './require-role.js';
export { createOneTimeEditor, type OneTimeLogin } from './one-time.js';
export { UserStore, ROLES, type Role, type UserInfo, type UserRecord, MIN_PASSWORD_LENGTH } from './users.js';
export { SessionStore, SESSION_TTL_SECONDS, type Session } from './sessions.js';
export { SigninThrottle, DEFAULT_THROTTLE, type ThrottleLimits } from './throttle.js';
export { SESSION_COOKIE, PRESESSION_COOKIE } from './context.js';
export { hashPassword, verifyPassword } from './passwords.js';
