import { html } from '../html.js';
import { page, type Viewer } from './layout.js';

/** A short page with one message (not found, refused). */
export function renderMessage(title: string, message: string, viewer: Viewer | null): string {
  return page(title, html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the candidates</a></p>`, viewer);
}
