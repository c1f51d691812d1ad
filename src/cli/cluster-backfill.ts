import { ClusterWriter } from '../adapters/store/cluster-writer.js';
import { StoryUpdater } from '../adapters/store/story-updater.js';
import type { Assignment, ClusterArticle } from '../core/cluster/index.js';
import { normaliseLang, type Article } from '../core/model/index.js';
import type { Instance } from './instance.js';

/**
 * `storydesk cluster --store`: each stream article is stored and placed by the instance's
 * own clustering writer (the state the cluster worker uses), and its candidate is updated as
 * the worker would. Run it while no cluster worker runs, so there is one writer.
 */
export function backfillPlacer({ redis, keys, store, settings }: Instance): (article: ClusterArticle) => Promise<Assignment> {
  const writer = new ClusterWriter(redis, keys, { idleWindowMs: settings.CLUSTER_WINDOW_HOURS * 3_600_000 });
  let updater: StoryUpdater | null = null;
  return async (input) => {
    updater ??= new StoryUpdater(store, new Map((await store.outlets.list()).map((o) => [o.id, o])));
    const now = new Date().toISOString();
    const article: Article = {
      id: input.id,
      outletId: input.outlet ?? 'unknown',
      feedId: 'backfill',
      url: input.canonicalUrl ?? '',
      canonicalUrl: input.canonicalUrl ?? '',
      title: input.title,
      byline: null,
      published: input.date ?? now,
      modified: null,
      lang: normaliseLang(input.lang ?? 'und'),
      description: null,
      image: null,
      section: null,
      text: input.text,
      summary: '',
      outcome: 'article',
      fetchedAt: now,
    };
    await store.articles.save(article);
    const assignment = await writer.add({ ...input, lang: article.lang });
    await updater.update(assignment.storyId, [article.id]);
    return assignment;
  };
}
