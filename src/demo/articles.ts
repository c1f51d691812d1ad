import { hostileOutletSpec, demoOutletSpecs } from './outlet-specs.js';
import { ASIAN_CUP_FINAL, asianCupDrafts } from './stories/asian-cup-final.js';
import { BOJ_RATE_HIKE, bojDrafts } from './stories/boj-rate-hike.js';
import type { ArticleDraft } from './stories/draft.js';
import { hostileDrafts } from './stories/hostile.js';
import { japaneseDrafts } from './stories/japanese-local.js';
import { SECURITY_TALKS, securityTalksDrafts } from './stories/security-talks.js';
import { singleDrafts } from './stories/singles.js';
import { EU_AUSTRALIA_TRADE, tradeDealDrafts } from './stories/trade-deal.js';
import { TYPHOON_LUSONG, typhoonDrafts } from './stories/typhoon.js';
import type { DemoArticle, DemoBogusItem, NewsWorld } from './types.js';

/** The story keys that several outlets cover: the candidates the demo must produce. */
export const DEMO_STORY_KEYS = [SECURITY_TALKS, BOJ_RATE_HIKE, TYPHOON_LUSONG, EU_AUSTRALIA_TRADE, ASIAN_CUP_FINAL] as const;

/** Every hand-written article draft of the honest outlets. */
export const demoDrafts: readonly ArticleDraft[] = [
  ...securityTalksDrafts,
  ...bojDrafts,
  ...typhoonDrafts,
  ...tradeDealDrafts,
  ...asianCupDrafts,
  ...singleDrafts,
  ...japaneseDrafts,
];

export interface DemoWorldOptions {
  /** "Now" for the world: every article is published before it. */
  baseTime: Date;
  /** Add the hostile outlet (script tags, event handlers, javascript: links). */
  hostile?: boolean;
}

/** The hand-written demo world, placed in time relative to `baseTime`. */
export function buildDemoWorld(options: DemoWorldOptions): NewsWorld {
  const base = options.baseTime.getTime();
  const drafts = options.hostile ? [...demoDrafts, ...hostileDrafts] : [...demoDrafts];
  const outlets = options.hostile ? [...demoOutletSpecs, hostileOutletSpec] : [...demoOutletSpecs];
  const bogusItems: DemoBogusItem[] = options.hostile
    ? [
        {
          outletId: 'hostile',
          feedKey: 'all',
          title: 'Click here <img src=x onerror=alert("bogus")>',
          link: 'javascript:alert(document.cookie)',
          published: isoMinutesBefore(base, 50),
        },
      ]
    : [];
  return {
    baseTime: new Date(base).toISOString(),
    outlets: outlets.map((outlet) => structuredClone(outlet)),
    articles: drafts.map((draft) => placeInTime(draft, base)),
    bogusItems,
  };
}

function placeInTime(draft: ArticleDraft, base: number): DemoArticle {
  const { minutesAgo, updatedAfterMinutes, ...rest } = draft;
  const article: DemoArticle = {
    ...rest,
    tags: [...rest.tags],
    paragraphs: [...rest.paragraphs],
    published: isoMinutesBefore(base, minutesAgo),
  };
  if (rest.rawBodyHtml) article.rawBodyHtml = [...rest.rawBodyHtml];
  if (updatedAfterMinutes !== undefined) article.modified = isoMinutesBefore(base, minutesAgo - updatedAfterMinutes);
  return article;
}

function isoMinutesBefore(base: number, minutes: number): string {
  // Whole seconds: feed dates (RFC 822) carry no milliseconds, so pages and feeds agree.
  return new Date(Math.floor((base - minutes * 60_000) / 1000) * 1000).toISOString();
}
