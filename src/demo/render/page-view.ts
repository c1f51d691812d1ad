import type { DemoArticle, DemoOutlet } from '../types.js';

/** Everything a page template needs, with absolute URLs already resolved. */
export interface PageView {
  outlet: DemoOutlet;
  article: DemoArticle;
  /** Canonical URL of the page. */
  canonicalUrl: string;
  homepageUrl: string;
  imageUrl: string;
  /** Other articles of the same outlet, for "related" and "most read" lists. */
  related: Array<{ title: string; url: string }>;
}
