import { load } from 'cheerio/slim';

const cache = new Map<string, string | null>();

/**
 * The text of an HTML named character reference (`mdash` → "—"), or null when HTML has no
 * such name. Feeds use HTML names that XML does not define; a reader decodes them. The table
 * is htmlparser2's (through cheerio), so every HTML5 name is known.
 */
export function htmlEntity(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9]{1,31}$/.test(name)) return null;
  const known = cache.get(name);
  if (known !== undefined) return known;
  const reference = `&${name};`;
  const decoded = load(reference, null, false).text();
  const value = decoded === reference ? null : decoded;
  if (cache.size < 4096) cache.set(name, value);
  return value;
}
