import type { Outlet } from '../../model/index.js';

// Medium qualifiers some sources put after a name: "CNN (Online News)", "Fox News (Opinion)".
const QUALIFIER = /\s*\((online news|opinion|editorial|news|blog|wire|tv|radio|print|magazine)\)\s*$/i;

/** A stable id for an outlet known only by its name: "CNN (Online News)" → "cnn-online-news". */
export function outletIdFromName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'outlet'
  );
}

/**
 * An outlet that is not in the config, made from its name: the display name without a medium
 * qualifier, opinion kind when the name says so, and the given lean as its perspective.
 */
export function synthesiseOutlet(name: string, lean?: string | null): Outlet {
  const opinion = /\((opinion|editorial)\)\s*$/i.test(name);
  const display = name.replace(QUALIFIER, '').trim() || name.trim();
  return {
    id: outletIdFromName(name),
    name: display,
    homepage: '',
    language: 'en',
    country: '',
    kind: opinion ? 'opinion' : /\b(reuters|associated press|ap|afp|kyodo)\b/i.test(display) ? 'wire' : 'digital',
    perspective: lean ? [lean] : [],
    feeds: [],
  };
}
