/** What kind of newsroom an outlet is; opinion and state media provide narratives first. */
export type OutletKind = 'wire' | 'newspaper' | 'broadcaster' | 'state-media' | 'opinion' | 'magazine' | 'digital';

/** Selectors that help extraction on one outlet's pages (data, not code). */
export interface ExtractionHints {
  /** CSS selectors of the article body; the first that matches wins. */
  keep?: string[];
  /** CSS selectors removed before extraction (share bars, promos the scorer misses). */
  drop?: string[];
}

/** How hard we may hit one outlet's hosts. */
export interface Politeness {
  /** Requests at once per host (host:port), across every process. */
  maxConcurrent: number;
  /** Minimum milliseconds between two request starts on one host. */
  minDelayMs: number;
}

export interface FeedConfig {
  /** Stable id, unique across outlets (e.g. "kyodo-world"). */
  id: string;
  outletId: string;
  url: string;
  /** Base poll interval; the next-poll policy adapts within bounds around it. */
  intervalSeconds: number;
}

/** A news outlet as configured in config/outlets.yaml. */
export interface Outlet {
  id: string;
  /** Display name exactly as a Sources line prints it ("Kyodo News+", "Guardian"). */
  name: string;
  homepage: string;
  language: string;
  country: string;
  kind: OutletKind;
  /** Free-text perspective tags ("pro-China", "US-centre"), used to label narrative slots. */
  perspective: string[];
  feeds: FeedConfig[];
  hints?: ExtractionHints;
  politeness?: Partial<Politeness>;
  /** Allow fetching private/loopback addresses for this outlet (the demo outlets only). */
  allowPrivateNetwork?: boolean;
  /** Honour robots.txt for article pages (default true). */
  respectRobots?: boolean;
}
