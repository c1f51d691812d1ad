/** One item of a feed as the renderers see it: absolute URLs, plain-text fields. */
export interface FeedItemView {
  title: string;
  link: string;
  /** Stable id: a URL for permalink guids, else an opaque string. */
  guid: string;
  guidIsPermaLink: boolean;
  /** Plain text, or markup when `summaryIsHtml` (the hostile outlet). */
  summary: string;
  summaryIsHtml: boolean;
  published: string;
  updated: string;
  author: string;
  categories: string[];
  imageUrl: string | null;
}

/** One feed as the renderers see it. */
export interface FeedView {
  title: string;
  description: string;
  /** The outlet's homepage (absolute). */
  homepageUrl: string;
  /** The feed's own URL (absolute), for self links and the RDF channel id. */
  feedUrl: string;
  language: string;
  /** Newest item time, or the world's base time for an empty feed. */
  updated: string;
  /** Encoding named in the XML declaration. */
  encodingLabel: string;
  /** Minutes east of UTC that dates are written in (Japanese outlets send +0900). */
  utcOffsetMinutes: number;
  items: FeedItemView[];
}
