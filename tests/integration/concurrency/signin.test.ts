import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/web/auth/index.js';
import { PASSWORD, startDesk, type TestDesk } from '../../web/helpers/desk-app.js';
import { csrfOf, InjectClient } from '../../web/helpers/inject.js';

/**
 * Sign-in under concurrency (issue 19, findings 7-10 and the next= finding): attempts are
 * reserved before scrypt, so N parallel requests never check more passwords than the limit.
 */
const LIMITS = { perUser: 5, perIp: 20, windowSeconds: 900, freeFailures: 3, baseDelaySeconds: 60 };
let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

/** A client with the sign-in form loaded (its pre-session cookie and token), ready to post. */
async function ready(app: TestDesk['app'], remoteAddress: string, headers: Record<string, string> = {}) {
  const client = new InjectClient(app, headers, remoteAddress);
  const token = csrfOf((await client.get('/signin')).body);
  return { client, post: (name: string, password: string, next = '/') => client.post('/signin', { _csrf: token, name, password, next }) };
}

/** How many requests had their password checked: 401 (wrong) or 303 (right); 429 were refused before. */
const checked = (codes: number[]) => codes.filter((c) => c === 401 || c === 303).length;

describe('parallel sign-ins are counted before the password check (finding 7)', () => {
  it('200 parallel attempts at one name from one address: at most perUser checks, the right password among them gets no extra tries', async () => {
    desk = await startDesk({ throttle: LIMITS });
    const clients = await Promise.all(Array.from({ length: 200 }, () => ready(desk!.app, '10.0.0.7')));
    const codes = (await Promise.all(clients.map((c, i) => c.post('erin', i === 120 ? PASSWORD : `wrong password ${i}`)))).map(
      (r) => r.statusCode,
    );
    expect(checked(codes)).toBeLessThanOrEqual(LIMITS.perUser);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(200 - LIMITS.perUser);
    expect(codes.every((c) => [303, 401, 429].includes(c))).toBe(true);
  });

  it('200 parallel attempts at one name from 200 addresses: at most perUser checks', async () => {
    desk = await startDesk({ throttle: LIMITS });
    const clients = await Promise.all(Array.from({ length: 200 }, (_, i) => ready(desk!.app, `10.1.${i >> 8}.${i & 255}`)));
    const codes = (await Promise.all(clients.map((c, i) => c.post('erin', `wrong password ${i}`)))).map((r) => r.statusCode);
    expect(checked(codes)).toBeLessThanOrEqual(LIMITS.perUser);
  });

  it('200 parallel attempts at 200 names from one address: at most perIp checks', async () => {
    desk = await startDesk({ throttle: LIMITS });
    const clients = await Promise.all(Array.from({ length: 200 }, () => ready(desk!.app, '10.0.0.8')));
    const codes = (await Promise.all(clients.map((c, i) => c.post(`name${i}`, 'wrong password')))).map((r) => r.statusCode);
    expect(checked(codes)).toBeLessThanOrEqual(LIMITS.perIp);
  });
});

describe('the client address comes from the trusted proxy hops (finding 9)', () => {
  it('with one trusted hop, rotating the leftmost X-Forwarded-For does not reset the per-address limit', async () => {
    desk = await startDesk({ throttle: { ...LIMITS, perUser: 1000 }, trustProxy: true });
    // The proxy (10.9.9.9) appends the address it saw (203.0.113.5); the client writes the rest.
    const clients = await Promise.all(
      Array.from({ length: 60 }, (_, i) => ready(desk!.app, '10.9.9.9', { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.5` })),
    );
    const codes = (await Promise.all(clients.map((c, i) => c.post(`user${i}`, 'wrong password')))).map((r) => r.statusCode);
    expect(checked(codes)).toBeLessThanOrEqual(LIMITS.perIp);
    // Another real client behind the same proxy is not locked out by it.
    const other = await ready(desk.app, '10.9.9.9', { 'x-forwarded-for': '203.0.113.5, 203.0.113.77' });
    expect((await other.post('erin', PASSWORD)).statusCode).toBe(303);
  });
});

describe('lockout slows an attacker without locking out the owner (finding 10)', () => {
  it('past the per-name limit, the owner still signs in from an address they used before; a new address waits', async () => {
    desk = await startDesk({ throttle: LIMITS });
    const home = await ready(desk.app, '192.0.2.10');
    expect((await home.post('erin', PASSWORD)).statusCode).toBe(303);
    // An attacker elsewhere burns the name's attempts.
    for (let i = 0; i < 10; i++) await (await ready(desk.app, `198.51.100.${i}`)).post('erin', `guess ${i}`);
    const attacker = await (await ready(desk.app, '198.51.100.200')).post('erin', PASSWORD);
    expect(attacker.statusCode).toBe(429);
    const owner = await ready(desk.app, '192.0.2.10');
    expect((await owner.post('erin', PASSWORD)).statusCode).toBe(303);
  });

  it('one name from one address backs off exponentially after a few failures', async () => {
    desk = await startDesk({ throttle: { ...LIMITS, perUser: 100 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await (await ready(desk.app, '192.0.2.20')).post('erin', `typo ${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const refused = await (await ready(desk.app, '192.0.2.20')).post('erin', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same name from elsewhere is not slowed by that pair.
    expect((await (await ready(desk.app, '192.0.2.21')).post('erin', PASSWORD)).statusCode).toBe(303);
  });
});

describe('removing a user or setting a password ends their sessions (finding 8)', () => {
  it('remove then add again: the old session does not come back', async () => {
    desk = await startDesk();
    const erin = new InjectClient(desk.app);
    await erin.signIn('erin', PASSWORD);
    const old = erin.cookies.get(SESSION_COOKIE)!;
    expect((await erin.get('/')).statusCode).toBe(200);
    await desk.users.remove('erin');
    expect(await desk.redis.exists(desk.keys.session(old))).toBe(0);
    await desk.users.add('erin', 'editor', PASSWORD);
    const replay = new InjectClient(desk.app);
    replay.cookies.set(SESSION_COOKIE, old);
    expect((await replay.get('/', { accept: 'text/html' })).statusCode).toBe(303);
  });

  it('passwd ends every session of the user, on every browser', async () => {
    desk = await startDesk();
    const browsers = [new InjectClient(desk.app), new InjectClient(desk.app)];
    for (const b of browsers) await b.signIn('erin', PASSWORD);
    const otto = new InjectClient(desk.app);
    await otto.signIn('otto', PASSWORD);
    await desk.users.setPassword('erin', 'a brand new password');
    for (const b of browsers) expect((await b.get('/', { accept: 'text/html' })).statusCode).toBe(303);
    expect((await otto.get('/')).statusCode).toBe(200);
    const again = new InjectClient(desk.app);
    expect((await again.signIn('erin', PASSWORD)).statusCode).toBe(401);
    expect((await again.signIn('erin', 'a brand new password')).statusCode).toBe(303);
  });
});

describe('next= after a correct password (lower finding)', () => {
  it.each(['/\u200b', '/\u0000', '//evil.example', '/ok path'])('%j redirects home without a 500 or a second session', async (next) => {
    desk = await startDesk();
    const c = await ready(desk.app, '127.0.0.1');
    const response = await c.post('erin', PASSWORD, next);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(await desk.redis.scard(desk.keys.userSessions('erin'))).toBe(1);
  });
});
