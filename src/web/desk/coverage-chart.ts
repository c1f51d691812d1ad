import type { Outlet } from '../../core/model/index.js';
import { html, type Html } from '../html.js';

/** Counts of outlets per value, most first, then by name. */
export function countBy(outlets: Outlet[], key: (o: Outlet) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const outlet of outlets) counts.set(key(outlet) || 'unknown', (counts.get(key(outlet) || 'unknown') ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const BAR_HEIGHT = 16;
const GAP = 4;
const LABEL_WIDTH = 110;
const BAR_WIDTH = 140;

/**
 * A small inline SVG: the candidate's outlets by country and by kind, one bar per value
 * (no script, no style attributes, so the CSP need not allow either).
 */
export function coverageChart(outlets: Outlet[]): Html {
  const groups: [string, [string, number][]][] = [
    ['By country', countBy(outlets, (o) => o.country)],
    ['By kind', countBy(outlets, (o) => o.kind)],
  ];
  const max = Math.max(1, ...groups.flatMap(([, rows]) => rows.map(([, n]) => n)));
  let y = 0;
  const parts: Html[] = [];
  for (const [heading, rows] of groups) {
    y += 14;
    parts.push(html`<text x="0" y="${y}" font-weight="600">${heading}</text>`);
    y += GAP;
    for (const [label, n] of rows) {
      const width = Math.max(2, Math.round((n / max) * BAR_WIDTH));
      parts.push(html`<g><title>${label}: ${n} outlet(s)</title><text x="0" y="${y + BAR_HEIGHT - 4}">${label}</text>
<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="#4a7fb5"></rect>
<text x="${LABEL_WIDTH + width + 4}" y="${y + BAR_HEIGHT - 4}">${n}</text></g>`);
      y += BAR_HEIGHT + GAP;
    }
    y += GAP * 2;
  }
  const width = LABEL_WIDTH + BAR_WIDTH + 30;
  return html`<svg class="coverage" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Coverage: ${outlets.length} outlet(s) by country and kind" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">${parts}</svg>`;
}
