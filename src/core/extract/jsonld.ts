import type { CheerioAPI } from 'cheerio';

/** A JSON-LD node as parsed (untrusted: every field may have any shape). */
export type JsonLdNode = Record<string, unknown>;

/** What the page's structured data says about the article, if anything. */
export interface JsonLdArticle {
  /** The article node (NewsArticle, BlogPosting, …) or null. */
  article: JsonLdNode | null;
  /** Every node found, flattened (for @id references and page types). */
  nodes: JsonLdNode[];
}

const ARTICLE_TYPES = /^(?:\w+)?(?:Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|SocialMediaPosting)$/;
const MAX_NODES = 500;

/** Every JSON-LD node on the page, with @graph and arrays flattened; malformed blocks skipped. */
export function readJsonLd($: CheerioAPI): JsonLdArticle {
  const nodes: JsonLdNode[] = [];
  $('script[type="application/ld+json" i]').each((_, element) => {
    const raw = $(element).text();
    const parsed = parseLenient(raw);
    if (parsed !== undefined) collect(parsed, nodes, 0);
  });
  const articles = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  // Prefer the node that carries the body, then the one with a headline.
  const article =
    articles.find((node) => typeof node.articleBody === 'string' && node.articleBody.trim() !== '') ??
    articles.find((node) => typeof node.headline === 'string') ??
    articles[0] ??
    null;
  return { article, nodes };
}

/** The @type of a node as a list of strings. */
export function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function parseLenient(raw: string): unknown {
  const cleaned = raw
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned);
  } catch {
    // Publishers leave raw newlines and tabs inside strings; JSON forbids them, browsers don't care.
    try {
      return JSON.parse(cleaned.replace(/[\n\r\t]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, into: JsonLdNode[], depth: number): void {
  if (depth > 6 || into.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as JsonLdNode;
  into.push(node);
  if (node['@graph']) collect(node['@graph'], into, depth + 1);
  if (node.mainEntity && typeof node.mainEntity === 'object') collect(node.mainEntity, into, depth + 1);
}

/** Follow an {"@id": …} reference to the full node when the graph holds it. */
export function dereference(value: unknown, nodes: JsonLdNode[]): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const node = value as JsonLdNode;
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length === 1) {
      return nodes.find((other) => other !== node && other['@id'] === id) ?? value;
    }
  }
  return value;
}
