import type { Article } from '../../model/index.js';
import type { GroupSentence } from './article-group.js';

/** Letters and digits only, lower-cased: how two copies of one text compare whatever their spacing and quotes. */
const normalise = (text: string): string => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * True when the sentence belongs to the article's standfirst: the first paragraph repeats the
 * summary the page or feed gave (its description), and the article goes on after it. A standfirst
 * is written like a headline ("Agreement scraps tariffs on 98% of goods …", "Bank of Japan lifts
 * rate to 0.75% amid stubborn inflation"): it says what the article reports, so it carries facts,
 * and the article's own sentences state them.
 */
export function isStandfirst(sentence: GroupSentence, article: Article, lastParagraph: number): boolean {
  if (sentence.paragraph !== 0 || lastParagraph === 0 || !article.description) return false;
  const summary = normalise(article.description);
  const text = normalise(sentence.text);
  return text.length > 0 && summary.includes(text);
}
