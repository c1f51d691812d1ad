import type { Job } from 'bullmq';
import type { ExtractJob } from '../src/adapters/queue/queues.js';
import { composeArticle, errorCodeOf, StorydeskError, type Article } from '../src/core/model/index.js';
import type { WorkerContext } from './context.js';
import { jobLogger } from './job-log.js';

/**
 * Fetch one page, extract it, store the article and hand it to clustering. A page that
 * fails for good is stored anyway, with the feed's summary as text and the error code on
 * the article, so nothing the feed announced is lost.
 */
export const processExtract =
  (ctx: WorkerContext) =>
  async (job: Job<ExtractJob>): Promise<{ outcome: string; chars: number }> => {
    const started = Date.now();
    const { articleId, outletId, feedId, url } = job.data;
    const log = jobLogger(ctx.log, job, { articleId, outletId, feedId, url });
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    let article: Article;
    try {
      article = await extractOne(ctx, job.data);
    } catch (error) {
      if (!(error instanceof StorydeskError)) throw error;
      const ms = Date.now() - started;
      if (!error.permanent && !lastAttempt) {
        log.warn({ outcome: 'retry', errorCode: error.code, ms, err: error.message }, 'page fetch failed; will retry');
        throw error;
      }
      log.warn(
        { outcome: 'fetch_failed', errorCode: errorCodeOf(error), ms, err: error.message },
        'page failed for good; keeping the feed summary',
      );
      article = fallbackArticle(ctx, job.data, errorCodeOf(error));
    }
    await ctx.store.articles.save(article);
    if (article.publishedIgnored) log.warn({ publishedIgnored: article.publishedIgnored }, 'publication date not believed');
    // Same id as the extract job: one clustering per article revision.
    await ctx.queues.cluster.add('cluster', job.data.add ? { articleId, add: job.data.add } : { articleId }, {
      jobId: job.id ?? articleId,
    });
    log.info(
      { outcome: article.outcome, errorCode: article.errorCode, chars: article.text.length, ms: Date.now() - started },
      'article extracted',
    );
    return { outcome: article.outcome, chars: article.text.length };
  };

async function extractOne(ctx: WorkerContext, data: ExtractJob): Promise<Article> {
  const outlet = ctx.outlets.get(data.outletId);
  if (!outlet) throw new StorydeskError('unknown_outlet', `outlet ${data.outletId} is not in the config`, { permanent: true });
  if (outlet.respectRobots !== false && !(await ctx.robotsAllowed(data.url, outlet))) {
    throw new StorydeskError('robots_disallowed', `robots.txt of ${new URL(data.url).origin} disallows this page`, { permanent: true });
  }
  const fetched = await ctx.fetchPage(data.url, outlet);
  const page = await ctx.extract(fetched.body, {
    url: fetched.finalUrl,
    contentType: fetched.contentType,
    hints: outlet.hints,
    feedSummary: data.item.summary,
  });
  return composeArticle({
    id: data.articleId,
    outletId: data.outletId,
    feedId: data.feedId,
    item: data.item,
    page,
    outletLanguage: outlet.language,
    maxChars: ctx.settings.MAX_ARTICLE_CHARS,
    firstSeenAt: data.firstSeenAt,
    fetchedAt: ctx.now().toISOString(),
  });
}

function fallbackArticle(ctx: WorkerContext, data: ExtractJob, errorCode: string): Article {
  return composeArticle({
    id: data.articleId,
    outletId: data.outletId,
    feedId: data.feedId,
    item: data.item,
    page: null,
    outcome: 'fetch_failed',
    errorCode,
    outletLanguage: ctx.outlets.get(data.outletId)?.language ?? 'und',
    maxChars: ctx.settings.MAX_ARTICLE_CHARS,
    firstSeenAt: data.firstSeenAt,
    fetchedAt: ctx.now().toISOString(),
  });
}
