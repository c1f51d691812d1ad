import type { ExtractedPage, ExtractionOutcome } from '../model/index.js';
import { extractDomBody } from './body.js';
import { readJsonLd } from './jsonld.js';
import { decodeInput, loadDocument } from './load.js';
import { extractMetadata } from './metadata.js';
import { limitsOf, type ExtractOptions } from './options.js';
import { decideOutcome } from './outcome.js';
import { readPageSignals } from './signals.js';
import { structuredBody } from './structured-body.js';

export type { ExtractOptions, ExtractLimits } from './options.js';
export { DEFAULT_LIMITS } from './options.js';

/**
 * HTML bytes or text → the article: metadata and main text as blocks, with an outcome that
 * says whether the page is an article at all. Pure, and never throws: whatever goes wrong
 * becomes outcome `extraction_failed` with empty paragraphs, so the caller keeps the feed's
 * summary as the text.
 */
export function extractArticle(input: string | Uint8Array, options: ExtractOptions): ExtractedPage {
  try {
    return extract(input, options);
  } catch {
    return emptyPage('extraction_failed');
  }
}

function extract(input: string | Uint8Array, options: ExtractOptions): ExtractedPage {
  const limits = limitsOf(options);
  const $ = loadDocument(decodeInput(input, options.contentType), limits);
  const { article, nodes } = readJsonLd($);
  const { ogType, ...metadata } = extractMetadata($, options.url, article, nodes);
  const signals = readPageSignals($, article, nodes, ogType, metadata.published !== null);
  const dom = extractDomBody($, options.hints, metadata.title);
  // Structured data wins only where it is complete and the page's own text is not (hints win over both).
  const paragraphs = dom.source === 'hint' ? dom.paragraphs : (structuredBody(article, dom.paragraphs) ?? dom.paragraphs);
  const outcome = decideOutcome(paragraphs, signals, limits.minArticleChars, options.feedSummary);
  return { ...metadata, paragraphs: outcome === 'article' ? paragraphs : [], outcome };
}

function emptyPage(outcome: ExtractionOutcome): ExtractedPage {
  return {
    title: null,
    byline: null,
    published: null,
    modified: null,
    lang: null,
    canonicalUrl: null,
    description: null,
    image: null,
    section: null,
    paragraphs: [],
    outcome,
  };
}
