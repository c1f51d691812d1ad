import type { OutletKind } from '../core/model/index.js';

/** Which syndication format an outlet's feeds are served in. */
export type FeedFormat = 'rss2' | 'atom' | 'rdf';

/** The encodings the demo server can serve; anything but UTF-8 goes through iconv-lite. */
export type DemoCharset = 'utf-8' | 'shift_jis';

/**
 * Where an outlet declares its charset: in the HTTP Content-Type header, only inside the
 * document (XML declaration / `<meta>`), or both. Legacy outlets often do "document" only,
 * which exercises the pipeline's charset sniffing.
 */
export type CharsetDeclaration = 'header' | 'document' | 'both';

/** The page layouts the renderer knows; each wraps the body in different markup. */
export type PageTemplate = 'wire' | 'broadsheet' | 'magazine' | 'state' | 'opinion' | 'portal';

/** One feed of an outlet: a section whose items are the outlet's articles in that section. */
export interface DemoFeed {
  /** Unique within the outlet ("world", "business"); part of the feed id and path. */
  key: string;
  title: string;
  /** Sections whose articles this feed lists. */
  sections: string[];
}

/** An outlet of a demo world: what the server serves and what `demoOutlets` configures. */
export interface DemoOutlet {
  /** Path segment and outlet id: every URL of the outlet starts with `/<id>/`. */
  id: string;
  /** Display name as a Sources line prints it. */
  name: string;
  language: string;
  country: string;
  kind: OutletKind;
  perspective: string[];
  feedFormat: FeedFormat;
  charset: DemoCharset;
  charsetDeclaration: CharsetDeclaration;
  template: PageTemplate;
  /** Whether article pages carry a JSON-LD NewsArticle block. */
  jsonLd: boolean;
  /** How article paths look under `/<id>/`; varied so URL handling is exercised. */
  urlStyle: 'dated' | 'section-slug' | 'numeric' | 'query';
  /** Appended to article links in the feed (not to canonical URLs), as trackers do. */
  feedLinkSuffix?: string;
  feeds: DemoFeed[];
  /** Extraction selectors handed to the pipeline for this outlet, when it needs them. */
  hints?: { keep?: string[]; drop?: string[] };
  /** Serves script tags, event handlers and javascript: links (the desk's XSS tests). */
  hostile?: boolean;
}

/** One article page of a demo world. */
export interface DemoArticle {
  /** Unique across the world; also the page slug's tail. */
  id: string;
  outletId: string;
  /** The expected grouping: articles with one key belong to one story. */
  storyKey: string;
  /** The section it is filed under; feeds list articles by section. */
  section: string;
  title: string;
  summary: string;
  /** UTC ISO 8601. */
  published: string;
  /** UTC ISO 8601 when the page was updated after publication. */
  modified?: string;
  author: string;
  /** Plain-text paragraphs (escaped when rendered). */
  paragraphs: string[];
  /** Caption of the lead picture. */
  imageCaption: string;
  tags: string[];
  /** Raw markup injected into the body; only the hostile outlet uses it. */
  rawBodyHtml?: string[];
}

/** A feed item that points nowhere fetchable (hostile outlet only): a javascript: link. */
export interface DemoBogusItem {
  outletId: string;
  feedKey: string;
  title: string;
  link: string;
  published: string;
}

/** A whole world: outlets, their articles, and when "now" is. */
export interface NewsWorld {
  /** UTC ISO; article times are before it. */
  baseTime: string;
  outlets: DemoOutlet[];
  articles: DemoArticle[];
  /** Extra feed items that must never become articles. */
  bogusItems: DemoBogusItem[];
}
