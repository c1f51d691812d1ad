import type { ExtractedPage } from '../model/index.js';
import type { CheerioAPI } from 'cheerio';
import { extractByline } from './byline.js';
import { parseDate } from './dates.js';
import { dereference, type JsonLdNode } from './jsonld.js';
import { firstMeta, readMetaTags } from './meta-tags.js';
import { normalizeSpace, resolveUrl } from './text.js';

/** Everything about a page except its body text. */
export type PageMetadata = Omit<ExtractedPage, 'paragraphs' | 'outcome'> & {
  /** og:type, lower-cased (article, website, video.other…), for the outcome decision. */
  ogType: string | null;
};

/** Read the metadata from the loaded document and its JSON-LD (structured data first). */
export function extractMetadata($: CheerioAPI, url: string, article: JsonLdNode | null, nodes: JsonLdNode[]): PageMetadata {
  const tags = readMetaTags($);
  const base = baseUrl($, url);
  const ld = (key: string): unknown => (article ? article[key] : undefined);
  return {
    title: extractTitle($, tags, stringOf(ld('headline'))),
    byline: extractByline($, tags, article, nodes),
    published:
      parseDate(ld('datePublished')) ??
      parseDate(
        firstMeta(tags, [
          'article:published_time',
          'og:article:published_time',
          'datepublished',
          'published_time',
          'pubdate',
          'publishdate',
          'publish-date',
          'parsely-pub-date',
          'sailthru.date',
          'dc.date.issued',
          'dcterms.created',
          'dc.date',
          'date',
          'og:published_time',
        ]),
      ) ??
      timeAttribute($, [
        'time[itemprop~="datePublished"]',
        '[itemprop~="datePublished"]',
        'time[pubdate]',
        'article time[datetime]',
        'time[datetime]',
      ]) ??
      parseDate(ld('dateCreated')),
    modified:
      parseDate(ld('dateModified')) ??
      parseDate(firstMeta(tags, ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified'])) ??
      timeAttribute($, ['time[itemprop~="dateModified"]', '[itemprop~="dateModified"]']),
    lang: normalizeLang(
      $('html').attr('lang') ??
        $('html').attr('xml:lang') ??
        firstMeta(tags, ['content-language', 'og:locale', 'language', 'dc.language']) ??
        stringOf(ld('inLanguage')),
    ),
    canonicalUrl: resolveUrl($('link[rel~="canonical" i]').attr('href'), base) ?? resolveUrl(firstMeta(tags, ['og:url']), base),
    description: firstMeta(tags, ['og:description', 'description', 'twitter:description', 'dc.description']) ?? stringOf(ld('description')),
    image: resolveUrl(
      firstMeta(tags, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']) ??
        imageOf(ld('image'), nodes) ??
        $('link[rel~="image_src"]').attr('href'),
      base,
    ),
    section: firstMeta(tags, ['article:section', 'section', 'parsely-section', 'og:article:section']) ?? sectionOf(ld('articleSection')),
    ogType: firstMeta(tags, ['og:type'])?.toLowerCase() ?? null,
  };
}

function baseUrl($: CheerioAPI, url: string): string {
  return resolveUrl($('base[href]').attr('href'), url) ?? url;
}

/** JSON-LD headline, og:title, twitter:title, the first h1, then <title> without its site suffix. */
function extractTitle($: CheerioAPI, tags: Map<string, string>, headline: string | null): string | null {
  const siteName = firstMeta(tags, ['og:site_name', 'application-name']);
  const candidates = [
    headline,
    firstMeta(tags, ['og:title', 'twitter:title']),
    normalizeSpace($('h1').first().text()),
    normalizeSpace($('title').first().text()),
  ];
  for (const candidate of candidates) {
    if (candidate) return stripSiteName(candidate, siteName);
  }
  return null;
}

function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—»·]\s+|\s+-\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  const looksLikeSite = (siteName && last.toLowerCase().includes(siteName.toLowerCase().slice(0, 12))) || last.split(' ').length <= 3;
  return looksLikeSite ? parts.slice(0, -1).join(' - ').trim() || title : title;
}

function timeAttribute($: CheerioAPI, selectors: string[]): string | null {
  for (const selector of selectors) {
    const element = $(selector).first();
    if (element.length === 0) continue;
    const parsed = parseDate(element.attr('datetime') ?? element.attr('content') ?? normalizeSpace(element.text()));
    if (parsed) return parsed;
  }
  return null;
}

/** "en_US" / "EN-us" → "en-US"; null for empty or malformed tags. */
function normalizeLang(raw: string | null | undefined): string | null {
  const match = /^\s*([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2,4}))?/.exec(raw ?? '');
  if (!match) return null;
  const region = match[2];
  const primary = match[1]!.toLowerCase();
  if (!region) return primary;
  return `${primary}-${region.length === 2 ? region.toUpperCase() : region[0]!.toUpperCase() + region.slice(1).toLowerCase()}`;
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return normalizeSpace(value) || null;
  if (Array.isArray(value)) return stringOf(value[0]);
  return null;
}

function sectionOf(value: unknown): string | null {
  return stringOf(value);
}

function imageOf(value: unknown, nodes: JsonLdNode[], depth = 0): string | null {
  if (depth > 3 || value == null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageOf(value[0], nodes, depth + 1);
  const node = dereference(value, nodes);
  if (node && typeof node === 'object') return imageOf((node as JsonLdNode).url ?? (node as JsonLdNode).contentUrl, nodes, depth + 1);
  return null;
}
