import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A browser-like cookie jar over app.inject: keeps cookies, reads CSRF tokens from pages. */
export class InjectClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  private absorb(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.absorb(
      await this.app.inject({
        method: 'GET',
        url,
        remoteAddress: this.remoteAddress,
        headers: { ...this.headers, ...this.cookieHeader(), ...headers },
      }),
    );
  }

  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.absorb(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        remoteAddress: this.remoteAddress,
        headers: { ...this.headers, ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      }),
    );
  }

  /** Sign in through the form (with its pre-session token); returns the final response. */
  async signIn(name: string, password: string): Promise<LightMyRequestResponse> {
    const form = await this.get('/signin');
    return this.post('/signin', { _csrf: csrfOf(form.body), name, password, next: '/' });
  }

  /** The CSRF token of the signed-in session, read from the list page. */
  async csrf(): Promise<string> {
    return csrfOf((await this.get('/')).body);
  }
}

/** The first `_csrf` hidden field of a page. */
export function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

/** The `version` hidden field of a candidate page. */
export function versionOf(page: string): string {
  const match = /name="version" value="(\d+)"/.exec(page);
  if (!match) throw new Error('no version on the page');
  return match[1]!;
}
