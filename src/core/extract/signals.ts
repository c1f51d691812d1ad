import type { CheerioAPI } from 'cheerio';
import { typesOf, type JsonLdNode } from './jsonld.js';
import { PAYWALL_CLASS, PAYWALL_TEXT } from './patterns.js';

/** What the untouched page says about its kind, read before furniture is removed. */
export interface PageSignals {
  /** Structured data or tags say this is an article (og:type article, JSON-LD Article, a publish time). */
  articleEvidence: boolean;
  /** The page says its content is for subscribers (isAccessibleForFree false, paywall markup or text). */
  paywall: boolean;
  /** A player or video object is the page's main content candidate. */
  video: boolean;
  /** Teasers: `<article>` elements and headings that are links. */
  teasers: number;
}

const VIDEO_HOSTS =
  /youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|jwplayer|jwplatform|brightcove|players\.|\/embed\/video/i;

/** Read the signals the outcome decision needs. */
export function readPageSignals(
  $: CheerioAPI,
  article: JsonLdNode | null,
  nodes: JsonLdNode[],
  ogType: string | null,
  hasPublished: boolean,
): PageSignals {
  const types = nodes.flatMap(typesOf);
  const free = article?.isAccessibleForFree;
  const lockedByData = free === false || (typeof free === 'string' && free.toLowerCase() === 'false');
  const paywallMarkup = $('[class],[id]')
    .toArray()
    .some((element) => PAYWALL_CLASS.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`.toLowerCase()));
  const paywallText = PAYWALL_TEXT.test($('body').text().slice(0, 200_000));
  const players =
    $('video').length +
    $('iframe')
      .toArray()
      .filter((element) => VIDEO_HOSTS.test(element.attribs.src ?? '')).length;
  return {
    articleEvidence: article !== null || ogType === 'article' || hasPublished,
    paywall: lockedByData || paywallMarkup || paywallText,
    video: (ogType?.startsWith('video') ?? false) || types.includes('VideoObject') || players > 0,
    teasers: $('article').length + $('h2 a[href], h3 a[href]').length,
  };
}
