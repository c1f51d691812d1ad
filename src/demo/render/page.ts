import type { PageTemplate } from '../types.js';
import { renderHead } from './page-head.js';
import { broadsheetBody, magazineBody, opinionBody, portalBody, stateBody, wireBody } from './page-templates.js';
import type { PageView } from './page-view.js';

const bodies: Record<PageTemplate, (view: PageView) => string> = {
  wire: wireBody,
  broadsheet: broadsheetBody,
  magazine: magazineBody,
  state: stateBody,
  opinion: opinionBody,
  portal: portalBody,
};

/** A whole article page as a string (encode it with `encodeText` for the outlet's charset). */
export function renderArticlePage(view: PageView): string {
  const { outlet } = view;
  return `<!DOCTYPE html>
<html lang="${outlet.language}" class="no-js">
${renderHead(view)}
<body class="article-page template-${outlet.template} outlet-${outlet.id}">
${bodies[outlet.template](view)}
<script src="/${outlet.id}/static/app.js" defer></script>
</body>
</html>
`;
}
