import type { Group, GroupArticle } from './article-group.js';
import type { SentenceCache } from './sentence-cache.js';
import type { Salience } from './stem-salience.js';
import { contentStems } from './content-stems.js';
import { isOpinion } from './sentence-role.js';

// Headlines that announce a format rather than state the news: an explainer, a list, annotations,
// a roundup ("What We Know About …", "3 Other Takeaways From …", "…, Annotated", "By The Numbers").
const FORMAT_HEADLINE =
  /\b(?:here['’]s|here is|what (?:we|you) (?:know|need to know)|what to (?:know|watch|expect)|things to know|takeaways?|explained|explainer|annotated|by the numbers|a look at|live updates?|perspectives?:|opinion:|analysis:)/iu;

/**
 * True when a headline states news as a story's title does: not a question, an exclamation, the
 * writer's judgement or address to the reader (isOpinion), nor a format ("What we know about …").
 */
export function statesNews(title: string): boolean {
  return !isOpinion(title) && !FORMAT_HEADLINE.test(title);
}

/**
 * The most central headline: the one whose words the outlets share most (mean salience of its
 * distinct content words, gently favouring fuller headlines). News pieces are preferred over
 * opinion, and headlines that state news over questions, judgements and formats; ties go to the
 * first report.
 */
export function centralHeadline(group: Group, salience: Salience): { title: string; articleId: string | null } {
  const titled = group.articles.filter((a) => a.article.title.trim() !== '');
  const news = titled.filter((a) => !a.opinion);
  const stating = news.filter((a) => headlineOf(a, group.cache).statesNews);
  const pool = stating.length > 0 ? stating : news.length > 0 ? news : titled;
  let best: { title: string; articleId: string | null; score: number } = { title: '', articleId: null, score: -1 };
  for (const ga of pool) {
    const { stems } = headlineOf(ga, group.cache);
    const score = stems.reduce((sum, w) => sum + salience(w), 0) / Math.sqrt(stems.length || 1);
    if (score > best.score) best = { title: ga.article.title.trim(), articleId: ga.article.id, score };
  }
  return { title: best.title, articleId: best.articleId };
}

/** What the choice reads of an article's headline: whether it states news, and its distinct content words. */
interface Headline {
  title: string;
  statesNews: boolean;
  stems: string[];
}

/** The article's Headline, computed once per headline when the story's cache is at hand. */
function headlineOf(a: GroupArticle, cache: SentenceCache | undefined): Headline {
  const { title } = a.article;
  const compute = (): Headline => ({ title, statesNews: statesNews(title), stems: [...new Set(contentStems(title))] });
  if (!cache) return compute();
  const kept = cache.ofArticle('headline', a.article, compute);
  // The cache keeps an article's values while its text stays the same: a new headline is read again.
  return kept.title === title ? kept : compute();
}
