import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';
import { randomSecret } from './passwords.js';
import type { Role } from './users.js';

/** A signed-in browser: who, with which role, and the CSRF token its forms carry. */
export interface Session {
  id: string;
  name: string;
  role: Role;
  csrf: string;
  createdAt: string;
  /** The user's session epoch at sign-in: a password change or a re-added user has a new one, ending this session. */
  epoch?: string;
}

/** Sessions live this long after sign-in (seconds); signing in again starts a new one. */
export const SESSION_TTL_SECONDS = 12 * 3600;
const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Sessions in Redis, one key each with a TTL; ids are 256 random bits, never chosen by the client. */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSeconds = SESSION_TTL_SECONDS,
  ) {}

  /** A brand-new session (new id and CSRF token) for a user who just signed in; listed under the user so all can be ended. */
  async create(name: string, role: Role, now: Date, epoch?: string): Promise<Session> {
    const session: Session = {
      id: randomSecret(),
      name,
      role,
      csrf: randomSecret(),
      createdAt: now.toISOString(),
      ...(epoch ? { epoch } : {}),
    };
    await this.redis
      .multi()
      .set(this.keys.session(session.id), JSON.stringify(session), 'EX', this.ttlSeconds)
      .sadd(this.keys.userSessions(name), session.id)
      .expire(this.keys.userSessions(name), this.ttlSeconds)
      .exec();
    return session;
  }

  async get(id: string | undefined): Promise<Session | null> {
    if (!id || !ID_SHAPE.test(id)) return null;
    const raw = await this.redis.get(this.keys.session(id));
    return raw ? (JSON.parse(raw) as Session) : null;
  }

  async destroy(id: string): Promise<void> {
    if (ID_SHAPE.test(id)) await this.redis.del(this.keys.session(id));
  }
}

/** End every session of one user (password changed, user removed); returns how many were open. */
export async function endSessionsOf(redis: Redis, keys: Keys, name: string): Promise<number> {
  const ids = (await redis.smembers(keys.userSessions(name))).filter((id) => ID_SHAPE.test(id));
  const multi = redis.multi();
  for (const id of ids) multi.del(keys.session(id));
  multi.del(keys.userSessions(name));
  const results = await multi.exec();
  return (results ?? []).slice(0, ids.length).filter(([, deleted]) => deleted === 1).length;
}
