import { html } from '../html.js';
import { page } from '../desk/layout.js';

/** The sign-in form; `token` is the pre-session CSRF token also held in a cookie. */
export function renderSignin(options: { token: string; next: string; error?: string; name?: string }): string {
  return page(
    'Sign in',
    html`<form class="signin" method="post" action="/signin">
<h1>Sign in</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<input type="hidden" name="_csrf" value="${options.token}">
<input type="hidden" name="next" value="${options.next}">
<label>Name <input name="name" autocomplete="username" required value="${options.name ?? ''}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button class="primary" type="submit">Sign in</button>
</form>`,
  );
}
