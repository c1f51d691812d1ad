import type { Group } from './article-group.js';
import type { Salience } from './stem-salience.js';
import { contentStems } from './content-stems.js';

/**
 * The most central headline: the one whose words the outlets share most (mean salience of its
 * distinct content words, gently favouring fuller headlines). News pieces are preferred over
 * opinion; ties go to the first report.
 */
export function centralHeadline(group: Group, salience: Salience): { title: string; articleId: string | null } {
  const news = group.articles.filter((a) => !a.opinion && a.article.title.trim() !== '');
  const pool = news.length > 0 ? news : group.articles.filter((a) => a.article.title.trim() !== '');
  let best: { title: string; articleId: string | null; score: number } = { title: '', articleId: null, score: -1 };
  for (const ga of pool) {
    const stems = [...new Set(contentStems(ga.article.title))];
    const score = stems.reduce((sum, w) => sum + salience(w), 0) / Math.sqrt(stems.length || 1);
    if (score > best.score) best = { title: ga.article.title.trim(), articleId: ga.article.id, score };
  }
  return { title: best.title, articleId: best.articleId };
}
