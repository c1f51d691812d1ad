import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOneTimeEditor, SESSION_COOKIE } from '../../../src/web/auth/index.js';
import { BOJ, BOJ_LATE, SECURITY_TALKS } from '../../fixtures/web/world.js';
import { PASSWORD, seedStory, startDesk, type TestDesk } from '../../web/helpers/desk-app.js';
import { csrfOf, InjectClient, versionOf } from '../../web/helpers/inject.js';

/** Every page route of the desk (GET), with the ids the seed creates. */
const GET_ROUTES = [
  '/',
  '/?status=all&sort=size',
  '/stories/talks',
  '/stories/talks/export.txt',
  '/stories/talks/export.md',
  '/stories/talks/export.json',
  '/stories/nowhere',
  '/no-such-route',
];
/** Every form route (POST). */
const POST_ROUTES = [
  '/stories/talks/save',
  '/stories/talks/publish',
  '/stories/talks/reject',
  '/stories/talks/reopen',
  '/stories/talks/merge',
  '/stories/talks/move',
  '/stories/talks/split',
  '/signout',
];

let desk: TestDesk;

beforeEach(async () => {
  desk = await startDesk({ throttle: { perUser: 3, perIp: 6, windowSeconds: 60 } });
  await seedStory(desk, 'talks', SECURITY_TALKS);
  await seedStory(desk, 'boj', BOJ);
  await seedStory(desk, 'boj-late', BOJ_LATE);
});
afterEach(async () => desk.close());

describe('sign-in required', () => {
  it('sends anonymous page requests to the sign-in form and refuses anonymous forms and API calls', async () => {
    const anonymous = new InjectClient(desk.app);
    for (const url of GET_ROUTES) {
      const page = await anonymous.get(url);
      expect(page.statusCode, url).toBe(303);
      expect(page.headers.location, url).toBe(`/signin?next=${encodeURIComponent(url)}`);
      expect(page.body, url).not.toContain('Japan');
      const api = await anonymous.get(url, { accept: 'image/avif,image/webp,*/*' });
      expect(api.statusCode, url).toBe(401);
    }
    for (const url of POST_ROUTES) {
      const response = await anonymous.post(url, { version: '1', _csrf: 'x' });
      expect(response.statusCode, url).toBe(401);
    }
    expect((await desk.app.inject({ method: 'HEAD', url: '/' })).statusCode).toBe(303);
    expect(await desk.store.stories.history('talks')).toEqual([]);
  });

  it('keeps /healthz and the sign-in form open', async () => {
    const anonymous = new InjectClient(desk.app);
    expect((await anonymous.get('/healthz')).statusCode).toBe(200);
    expect((await anonymous.get('/signin')).statusCode).toBe(200);
  });

  it('opens the Atom feed only with a session or the feed token', async () => {
    const anonymous = new InjectClient(desk.app);
    expect((await anonymous.get('/published.atom')).statusCode).toBe(401);
    expect((await anonymous.get('/published.atom?token=wrong')).statusCode).toBe(401);
    const editor = new InjectClient(desk.app);
    await editor.signIn('erin', PASSWORD);
    const list = await editor.get('/');
    const feedUrl = /href="(\/published\.atom\?token=[^"]+)"/.exec(list.body)![1]!;
    expect((await anonymous.get(feedUrl)).statusCode).toBe(200);
    expect((await editor.get('/published.atom')).statusCode).toBe(200);
  });

  it('lets operators read but not edit, and ends the sessions of a removed user', async () => {
    const operator = new InjectClient(desk.app);
    await operator.signIn('otto', PASSWORD);
    expect((await operator.get('/stories/talks')).statusCode).toBe(200);
    const csrf = await operator.csrf();
    expect((await operator.post('/stories/talks/publish', { _csrf: csrf, version: '1' })).statusCode).toBe(403);
    expect((await desk.store.stories.get('talks'))!.status).toBe('candidate');
    await desk.users.remove('otto');
    expect((await operator.get('/')).statusCode).toBe(303);
  });
});

describe('CSRF', () => {
  it('refuses every form post without the session token or with another token', async () => {
    const editor = new InjectClient(desk.app);
    await editor.signIn('erin', PASSWORD);
    const other = new InjectClient(desk.app);
    await other.signIn('otto', PASSWORD);
    const othersToken = await other.csrf();
    const version = versionOf((await editor.get('/stories/talks')).body);
    for (const url of POST_ROUTES) {
      expect((await editor.post(url, { version })).statusCode, url).toBe(403);
      expect((await editor.post(url, { version, _csrf: othersToken })).statusCode, url).toBe(403);
      expect((await editor.post(url, { version, _csrf: '' })).statusCode, url).toBe(403);
    }
    expect(await desk.store.stories.history('talks')).toEqual([]);
    expect((await desk.store.stories.get('talks'))!.version).toBe(Number(version));
    // The same post with the token goes through.
    const saved = await editor.post('/stories/talks/reject', { version, reason: 'a duplicate', _csrf: await editor.csrf() });
    expect(saved.statusCode).toBe(303);
  });

  it('accepts the token in the x-csrf-token header', async () => {
    const editor = new InjectClient(desk.app);
    await editor.signIn('erin', PASSWORD);
    const csrf = await editor.csrf();
    const response = await editor.post(
      '/stories/talks/reject',
      { version: versionOf((await editor.get('/stories/talks')).body), reason: 'off topic' },
      { 'x-csrf-token': csrf },
    );
    expect(response.statusCode).toBe(303);
    expect((await desk.store.stories.get('talks'))!.status).toBe('rejected');
  });

  it('accepts same-origin JSON requests without a token, and refuses cross-site ones', async () => {
    const editor = new InjectClient(desk.app);
    await editor.signIn('erin', PASSWORD);
    const v = versionOf((await editor.get('/stories/talks')).body);
    const json = (origin: string) =>
      desk.app.inject({
        method: 'POST',
        url: '/stories/talks/reject',
        payload: JSON.stringify({ version: v, reason: 'off topic' }),
        headers: {
          cookie: `${SESSION_COOKIE}=${editor.cookies.get(SESSION_COOKIE)}`,
          'content-type': 'application/json',
          origin,
          host: 'desk.example',
        },
      });
    expect((await json('https://evil.example')).statusCode).toBe(403);
    expect((await desk.store.stories.get('talks'))!.status).toBe('candidate');
    expect((await json('http://desk.example')).statusCode).toBe(303);
    expect((await desk.store.stories.get('talks'))!.status).toBe('rejected');
  });

  it('refuses a sign-in post that does not carry the form’s pre-session token (login CSRF)', async () => {
    const client = new InjectClient(desk.app);
    expect((await client.post('/signin', { name: 'erin', password: PASSWORD })).statusCode).toBe(403);
    await client.get('/signin');
    expect((await client.post('/signin', { name: 'erin', password: PASSWORD, _csrf: 'forged' })).statusCode).toBe(403);
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});

describe('sessions and cookies', () => {
  it('issues a new session id at sign-in and drops the one planted before (fixation)', async () => {
    const attacker = new InjectClient(desk.app);
    await attacker.signIn('otto', PASSWORD);
    const planted = attacker.cookies.get(SESSION_COOKIE)!;
    const victim = new InjectClient(desk.app);
    const form = await victim.get('/signin?next=/');
    victim.cookies.set(SESSION_COOKIE, planted);
    const signedIn = await victim.post('/signin', { _csrf: csrfOf(form.body), name: 'erin', password: PASSWORD, next: '/' });
    expect(signedIn.statusCode).toBe(303);
    const fresh = victim.cookies.get(SESSION_COOKIE)!;
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh).not.toBe(planted);
    expect((await attacker.get('/')).statusCode).toBe(303);
    expect(await desk.redis.exists(desk.keys.session(planted))).toBe(0);
    const made = new InjectClient(desk.app);
    made.cookies.set(SESSION_COOKIE, 'A'.repeat(43));
    await made.signIn('erin', PASSWORD);
    expect(made.cookies.get(SESSION_COOKIE)).not.toBe('A'.repeat(43));
  });

  it('sets HttpOnly, SameSite=Lax and Path=/, and Secure only over https', async () => {
    const client = new InjectClient(desk.app);
    const response = await client.signIn('erin', PASSWORD);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    // Without TRUST_PROXY a forwarded https is not believed.
    const spoofed = await new InjectClient(desk.app, { 'x-forwarded-proto': 'https' }).signIn('erin', PASSWORD);
    expect(spoofed.cookies.find((c) => c.name === SESSION_COOKIE)!.secure).toBeFalsy();

    const proxied = await startDesk({ trustProxy: true });
    try {
      const behindTls = await new InjectClient(proxied.app, { 'x-forwarded-proto': 'https' }).signIn('erin', PASSWORD);
      expect(behindTls.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      const plain = await new InjectClient(proxied.app).signIn('erin', PASSWORD);
      expect(plain.cookies.find((c) => c.name === SESSION_COOKIE)!.secure).toBeFalsy();
    } finally {
      await proxied.close();
    }
  });

  it('signs out: the session is gone from Redis', async () => {
    const client = new InjectClient(desk.app);
    await client.signIn('erin', PASSWORD);
    const id = client.cookies.get(SESSION_COOKIE)!;
    expect((await client.post('/signout', { _csrf: await client.csrf() })).headers.location).toBe('/signin');
    expect(await desk.redis.exists(desk.keys.session(id))).toBe(0);
    client.cookies.set(SESSION_COOKIE, id);
    expect((await client.get('/')).statusCode).toBe(303);
  });

  it('redirects after sign-in only to local paths', async () => {
    const client = new InjectClient(desk.app);
    const form = await client.get('/signin');
    const response = await client.post('/signin', { _csrf: csrfOf(form.body), name: 'erin', password: PASSWORD, next: '//evil.example/x' });
    expect(response.headers.location).toBe('/');
  });

  it('sends a strict Content-Security-Policy: only our own script, by a fresh nonce, and no inline script', async () => {
    const client = new InjectClient(desk.app);
    await client.signIn('erin', PASSWORD);
    const page = await client.get('/stories/talks');
    const csp = String(page.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect([...page.body.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])).toEqual([
      `<script src="/assets/desk-keys.js" nonce="${nonce}" defer>`,
    ]);
    expect(page.body).toMatch(/<script[^>]*><\/script>/);
    const again = String((await client.get('/stories/talks')).headers['content-security-policy']);
    expect(again).not.toContain(nonce);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });
});

describe('failed sign-in limit', () => {
  it('locks a user name after too many failures, even for the right password', async () => {
    const client = new InjectClient(desk.app);
    for (let i = 0; i < 3; i++) expect((await client.signIn('erin', 'wrong password!')).statusCode).toBe(401);
    const locked = await client.signIn('erin', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    // Another user from another address is not affected.
    expect((await new InjectClient(desk.app, {}, '10.0.0.9').signIn('otto', PASSWORD)).statusCode).toBe(303);
  });

  it('locks an address after too many failures across names', async () => {
    const client = new InjectClient(desk.app, {}, '10.0.0.7');
    for (let i = 0; i < 6; i++) expect((await client.signIn(`nobody${i}`, 'wrong password!')).statusCode).toBe(401);
    expect((await client.signIn('erin', PASSWORD)).statusCode).toBe(429);
    expect((await new InjectClient(desk.app, {}, '10.0.0.8').signIn('erin', PASSWORD)).statusCode).toBe(303);
  });
});

describe('one-time editor', () => {
  it('signs in once, then never again', async () => {
    const login = await createOneTimeEditor(desk.redis, desk.keys);
    const first = new InjectClient(desk.app);
    expect((await first.signIn(login.name, login.password)).statusCode).toBe(303);
    expect((await first.get('/')).statusCode).toBe(200);
    const second = new InjectClient(desk.app, {}, '10.0.0.2');
    expect((await second.signIn(login.name, login.password)).statusCode).toBe(401);
  });

  it('expires', async () => {
    const login = await createOneTimeEditor(desk.redis, desk.keys, { ttlSeconds: 60, now: new Date(Date.now() - 120_000) });
    expect((await new InjectClient(desk.app).signIn(login.name, login.password)).statusCode).toBe(401);
  });
});
