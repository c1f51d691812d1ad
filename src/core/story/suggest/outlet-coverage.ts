import type { OutletKind } from '../../model/index.js';
import type { Group } from './article-group.js';
import { leanLabel } from './perspective-label.js';

/** Who covers a story: how many outlets, from where, of which kinds, and whether they are all one group. */
export interface Coverage {
  outlets: number;
  articles: number;
  /** Distinct countries, in order of first report ("" when unknown is left out). */
  countries: string[];
  kinds: OutletKind[];
  /** Only one group of outlets covers it: a single outlet, one country, or one side. */
  oneGroup: boolean;
  /** Why oneGroup is set: 'single-outlet', 'country' or 'perspective'; null when it is not. */
  oneGroupReason: 'single-outlet' | 'country' | 'perspective' | null;
}

/** The side a lean or perspective tag puts an outlet on, or null when it says none. */
function sideOf(value: string): string | null {
  const label = leanLabel(value);
  if (!label) return null;
  if (label.endsWith('left') || label === 'Left') return 'left';
  if (label.endsWith('right') || label === 'Right') return 'right';
  return label === 'Centre' ? 'centre' : null;
}

/** Coverage of a group. */
export function coverageOf(group: Group): Coverage {
  const outlets = group.outletOrder.map((id) => group.outlets.get(id)!);
  const countries = [...new Set(outlets.map((o) => o.country).filter((c) => c !== ''))];
  const kinds = [...new Set(outlets.map((o) => o.kind))];
  const sides = group.outletOrder.map((id) => {
    const articles = group.articles.filter((a) => a.outlet.id === id);
    const lean = articles.find((a) => a.lean)?.lean;
    const tags = [lean, ...articles[0]!.outlet.perspective].filter((v): v is string => Boolean(v));
    return tags.map(sideOf).find((s) => s !== null) ?? null;
  });
  let reason: Coverage['oneGroupReason'] = null;
  if (outlets.length <= 1) reason = 'single-outlet';
  else if (countries.length === 1 && outlets.every((o) => o.country !== '')) reason = 'country';
  else if (sides.every((s) => s !== null && s === sides[0])) reason = 'perspective';
  return { outlets: outlets.length, articles: group.articles.length, countries, kinds, oneGroup: reason !== null, oneGroupReason: reason };
}
