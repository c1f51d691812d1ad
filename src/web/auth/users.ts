import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';
import { StorydeskError } from '../../core/model/index.js';
import { decoyHash, hashPassword, randomSecret, verifyPassword } from './passwords.js';
import { endSessionsOf } from './sessions.js';

/** What a signed-in person may do: editors work on stories; operators run the pipeline's dashboards. */
export const ROLES = ['editor', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** A desk user as stored (one field of the users hash, JSON). */
export interface UserRecord {
  name: string;
  role: Role;
  /** scrypt hash with its own salt (passwords.ts). */
  hash: string;
  createdAt: string;
  /** A one-time sign-in: valid until this time (UTC ISO) and for one sign-in. */
  expiresAt?: string;
  singleUse?: boolean;
  /** When a single-use sign-in was spent. */
  usedAt?: string;
  /** Sessions carry the epoch they were opened under; a new password or a re-added user gets a new one. */
  sessionEpoch?: string;
  /** When the password was last set with `users passwd`. */
  passwordSetAt?: string;
}

/** A user as listed: no hash. */
export type UserInfo = Omit<UserRecord, 'hash'>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 1024;

// Spend a single-use record at most once, even when two sign-ins race: only one sees usedAt unset.
const SPEND_ONCE = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.usedAt then return 0 end
record.usedAt = ARGV[2]
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(record))
return 1
`;

const SWAP_IF_SAME = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`;

/** Refuse names and passwords we will not store, with a message for the CLI. */
export function checkNewUser(name: string, role: string, password: string): asserts role is Role {
  if (!NAME.test(name))
    throw new StorydeskError(
      'invalid_user',
      `user name "${name}" is not allowed: 1-64 letters, digits, "_", ".", "@" or "-", starting with a letter or digit`,
      { permanent: true },
    );
  if (!(ROLES as readonly string[]).includes(role))
    throw new StorydeskError('invalid_user', `role "${role}" is unknown: use ${ROLES.join(' or ')}`, { permanent: true });
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new StorydeskError('invalid_user', `the password is too short: at least ${MIN_PASSWORD_LENGTH} characters`, { permanent: true });
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new StorydeskError('invalid_user', `the password is too long: at most ${MAX_PASSWORD_LENGTH} characters`, { permanent: true });
}

/** Desk users in one Redis hash (name → record); passwords only as salted scrypt hashes. */
export class UserStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Add a user; refuses an existing name (remove it first) with `user_exists`. */
  async add(name: string, role: string, password: string, extra: Pick<UserRecord, 'expiresAt' | 'singleUse'> = {}): Promise<UserInfo> {
    checkNewUser(name, role, password);
    const record: UserRecord = {
      name,
      role,
      hash: await hashPassword(password),
      createdAt: this.now().toISOString(),
      sessionEpoch: randomSecret(12),
      ...extra,
    };
    const added = await this.redis.hsetnx(this.keys.users, name, JSON.stringify(record));
    if (added === 0)
      throw new StorydeskError(
        'user_exists',
        `user "${name}" already exists; change the password with \`storydesk users passwd ${name}\`, or remove it first`,
        { permanent: true },
      );
    const { hash: _hash, ...info } = record;
    return info;
  }

  /** Remove a user and end all their sessions. */
  async remove(name: string): Promise<boolean> {
    const removed = (await this.redis.hdel(this.keys.users, name)) === 1;
    await endSessionsOf(this.redis, this.keys, name);
    return removed;
  }

  /**
   * Set a new password and end every session of the user (a new session epoch, so even a
   * session this process does not know of stops working). Refuses an unknown user.
   */
  async setPassword(name: string, password: string): Promise<void> {
    const raw = await this.redis.hget(this.keys.users, name);
    if (!raw) throw new StorydeskError('unknown_user', `there is no user "${name}"`, { permanent: true });
    const record = JSON.parse(raw) as UserRecord;
    checkNewUser(name, record.role, password);
    const next: UserRecord = {
      ...record,
      hash: await hashPassword(password),
      sessionEpoch: randomSecret(12),
      passwordSetAt: this.now().toISOString(),
    };
    // Written only if the record is still the one read (no lost update with a concurrent change).
    const swapped = (await this.redis.eval(SWAP_IF_SAME, 1, this.keys.users, name, raw, JSON.stringify(next))) as number;
    if (swapped !== 1)
      throw new StorydeskError('user_changed', `user "${name}" changed meanwhile; run the command again`, { permanent: true });
    await endSessionsOf(this.redis, this.keys, name);
  }

  /** The user when they may still sign in or use a session: known and not expired. */
  async get(name: string): Promise<UserRecord | null> {
    const raw = await this.redis.hget(this.keys.users, name);
    if (!raw) return null;
    const record = JSON.parse(raw) as UserRecord;
    if (record.expiresAt && record.expiresAt <= this.now().toISOString()) {
      await this.redis.hdel(this.keys.users, name);
      return null;
    }
    return record;
  }

  /** Every user (expired one-time users left out), by name. */
  async list(): Promise<UserInfo[]> {
    const all = await this.redis.hgetall(this.keys.users);
    const now = this.now().toISOString();
    return Object.values(all)
      .map((raw) => JSON.parse(raw) as UserRecord)
      .filter((r) => !r.expiresAt || r.expiresAt > now)
      .map(({ hash: _hash, ...info }) => info)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The user when name and password match and the sign-in may be used (a single-use one is
   * spent here); null otherwise. Unknown names cost the same scrypt time as wrong passwords.
   */
  async authenticate(name: string, password: string): Promise<UserRecord | null> {
    const record = NAME.test(name) && password.length <= MAX_PASSWORD_LENGTH ? await this.get(name) : null;
    const ok = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), record?.hash ?? (await decoyHash()));
    if (!record || !ok) return null;
    if (record.singleUse) {
      const spent = (await this.redis.eval(SPEND_ONCE, 1, this.keys.users, name, this.now().toISOString())) as number;
      if (spent !== 1) return null;
    }
    return record;
  }
}
