import type { Article, Outlet } from '../../core/model/index.js';
import { leanLabel, type Coverage } from '../../core/story/index.js';

/** The side an outlet's perspective tags put it on (left, centre, right), or null. */
function sideOf(outlet: Outlet): string | null {
  for (const tag of outlet.perspective) {
    const label = leanLabel(tag);
    if (!label) continue;
    if (/left$/i.test(label)) return 'left';
    if (/right$/i.test(label)) return 'right';
    if (label === 'Centre') return 'centre';
  }
  return null;
}

/**
 * Who covers a candidate, from its stored articles and the configured outlets alone: no
 * suggestion is recomputed to draw the page (the suggester's coverage says the same for
 * articles without a lean of their own, which is every article the pipeline stores).
 */
export function storedCoverage(articles: readonly Article[], outlets: ReadonlyMap<string, Outlet>): Coverage {
  const order = [...new Set([...articles].sort((a, b) => a.published.localeCompare(b.published)).map((a) => a.outletId))];
  const known = order.map(
    (id) =>
      outlets.get(id) ?? { id, name: id, homepage: '', language: '', country: '', kind: 'digital' as const, perspective: [], feeds: [] },
  );
  const countries = [...new Set(known.map((o) => o.country).filter((c) => c !== ''))];
  const kinds = [...new Set(known.map((o) => o.kind))];
  const sides = known.map(sideOf);
  let reason: Coverage['oneGroupReason'] = null;
  if (known.length <= 1) reason = 'single-outlet';
  else if (countries.length === 1 && known.every((o) => o.country !== '')) reason = 'country';
  else if (sides.every((s) => s !== null && s === sides[0])) reason = 'perspective';
  return { outlets: known.length, articles: articles.length, countries, kinds, oneGroup: reason !== null, oneGroupReason: reason };
}
