import type { AddDecision, Queues } from '../../adapters/queue/queues.js';
import type { Store } from '../../adapters/store/store.js';
import { articleIdFor, StorydeskError, type FeedItem, type Outlet } from '../../core/model/index.js';
import { canonicalUrl } from '../../core/poll/canonical-url.js';

/** Feed id of articles editors add by hand (they came from no feed). */
export const EDITOR_FEED_ID = 'editor';

/** What adding a URL did. */
export interface AddedArticle {
  articleId: string;
  outlet: Outlet;
  url: string;
}

/**
 * The configured outlet a URL belongs to: the one whose homepage or a feed shares its host
 * (a "www." prefix aside), or null.
 */
export function outletForUrl(url: string, outlets: ReadonlyMap<string, Outlet>): Outlet | null {
  const host = hostOf(url);
  if (!host) return null;
  for (const outlet of outlets.values()) {
    const hosts = [outlet.homepage, ...outlet.feeds.map((f) => f.url)].map(hostOf);
    if (hosts.includes(host)) return outlet;
  }
  return null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * An editor adds a page to candidate `storyId` by its URL: the page goes through the normal
 * pipeline (extract queue: guarded fetch, robots, extraction; then the one clustering writer),
 * and the cluster step puts it into this candidate. The decision is in the history at once.
 * Refuses a URL that is not http(s), an unknown outlet, and an article the store already has.
 */
export async function addArticleByUrl(
  deps: { store: Store; queues: Pick<Queues, 'extract'>; outlets: ReadonlyMap<string, Outlet> },
  request: { storyId: string; url: string; outletId: string; by: string; now: Date },
): Promise<AddedArticle> {
  const raw = request.url.trim();
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new StorydeskError('invalid_form', `"${raw.slice(0, 200)}" is not a web address (give the article's full http or https URL)`, {
      permanent: true,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new StorydeskError('invalid_form', 'only http and https addresses can be added', { permanent: true });
  const outlet = request.outletId ? (deps.outlets.get(request.outletId) ?? null) : outletForUrl(parsed.href, deps.outlets);
  if (!outlet) {
    throw new StorydeskError(
      'invalid_form',
      request.outletId
        ? `there is no configured outlet "${request.outletId}"`
        : `no configured outlet has the host ${parsed.hostname}: choose the outlet`,
      { permanent: true },
    );
  }
  const canonical = canonicalUrl(parsed.href);
  const articleId = articleIdFor(canonical);
  const where = await deps.store.stories.storyOf(articleId);
  if (where === request.storyId) throw new StorydeskError('invalid_form', 'that article is already in this candidate', { permanent: true });
  if (where)
    throw new StorydeskError('invalid_form', `that article is already in candidate ${where}: open it and move the article here`, {
      permanent: true,
    });
  const at = request.now.toISOString();
  const add: AddDecision = { kind: 'add', storyId: request.storyId, articleId, url: parsed.href, by: request.by, at };
  const item: FeedItem = {
    guid: parsed.href,
    link: parsed.href,
    canonicalUrl: canonical,
    title: '',
    summary: '',
    published: null,
    author: null,
    categories: [],
    image: null,
    language: null,
  };
  // One job per article and candidate: pressing Add twice queues it once.
  await deps.queues.extract.add(
    'extract',
    { articleId, feedId: EDITOR_FEED_ID, outletId: outlet.id, url: parsed.href, canonicalUrl: canonical, item, firstSeenAt: at, add },
    { jobId: `add-${articleId}-${request.storyId}` },
  );
  await deps.store.stories.appendHistory(request.storyId, add);
  return { articleId, outlet, url: parsed.href };
}
