import type { Group, GroupSentence } from './article-group.js';
import { sentenceMatcher, type SentenceMatcher } from './same-fact-index.js';
import type { Salience } from './stem-salience.js';
import { compressSentence } from './compress-sentence.js';
import { supportOf, type Support } from './outlet-support.js';
import { contentStems } from './content-stems.js';
import { restatesWords } from './same-fact-score.js';

/** A suggested fact: a sentence and the outlets and articles that support it. */
export interface SuggestedFact {
  text: string;
  /** Outlet ids that support it, in order of first report. */
  outlets: string[];
  /** Article ids the sentence (or a matching one) was found in. */
  articles: string[];
  /** Two or more outlets say it. */
  corroborated: boolean;
}

/** Knobs of fact selection. */
export interface FactOptions {
  /** Expected length of a neutral account, in content words: the selection stops when a sentence would dilute more than it adds. */
  targetWords?: number;
  /** Upper bound on the number of facts. */
  maxFacts?: number;
}

interface Candidate {
  sentence: GroupSentence;
  /** Position of the sentence in the pool (and the matcher). */
  at: number;
  /** How many outlets say it (its own included). */
  outlets: number;
  /** Its distinct stems. */
  words: Set<string>;
  /** The sentence's stems as word ids, each stem's salience, and how often it came earlier in the sentence. */
  wordIds: Int32Array;
  saliences: Float64Array;
  earlier: Int32Array;
}

interface ChosenFact {
  sentence: GroupSentence;
  support: Support;
}

// A cut-off excerpt ("… former President Donald...") is a weaker fact than a whole sentence.
const TRUNCATED_PENALTY = 0.85;
const MIN_CONTENT_WORDS = 4;
// Worth of a word's k-th repeat relative to its first use: neutral accounts name the story's
// main actors and objects more than once, so a repeat is worth a little, not nothing.
// (0.3: both halves of the AllSides dev events gain, 0.2–0.4 all alike.)
const REPEAT_WORTH = 0.3;

/** The sentence as a fact states it: compressed (attribution tails, dangling openers, cut-off tails dropped), restemmed. */
function asFactSentence(s: GroupSentence): GroupSentence {
  const text = compressSentence(s.text, s.truncated);
  return text === s.text ? s : { ...s, text, stems: contentStems(text), truncated: /(\.\.\.|…)$/u.test(text) };
}

/**
 * Facts for a group: first sentences that two or more outlets support, then the most central
 * single-outlet sentences where corroboration is thin. Selection is greedy on expected overlap
 * with a neutral account (word salience), so each added sentence must carry more shared,
 * named, early substance than it dilutes; near-duplicates merge into one fact with all their
 * outlets. Opinion pieces supply no facts unless the group has nothing else.
 */
export function suggestFacts(group: Group, salience: Salience, options: FactOptions = {}): SuggestedFact[] {
  const target = options.targetWords ?? 90;
  const maxFacts = options.maxFacts ?? 8;
  const news = group.articles.filter((a) => !a.opinion);
  const cache = group.cache;
  // Only statements can be facts: no quote, opinion, forecast or page furniture, and no clause
  // an excerpt cut off (compression keeps its complete part when that stands alone).
  const pool = (news.length > 0 ? news : group.articles)
    .flatMap((a) => a.sentences)
    .filter((s) => s.role === 'fact')
    .map((s) => (cache ? cache.ofSentence('fact-form', s, () => asFactSentence(s)) : asFactSentence(s)))
    .filter((s) => !s.truncated);
  // Every pool sentence against every other, but only through the words they share (the story's cache keeps the pairs found).
  const matcher = cache ? cache.matcher('facts', pool) : sentenceMatcher(pool);
  const outletsSaying = outletCounter(pool, matcher);
  const wordIds = new Map<string, number>();
  const candidates: Candidate[] = pool.flatMap((sentence, at) =>
    sentence.stems.length >= MIN_CONTENT_WORDS
      ? [{ sentence, at, outlets: outletsSaying(at), words: new Set(sentence.stems), ...scoredWords(sentence.stems, salience, wordIds) }]
      : [],
  );

  const chosen: Candidate[] = [];
  const taken = new Set<Candidate>();
  // Uses of each word (by id) in the chosen sentences.
  const used = new Int32Array(wordIds.size);
  let gain = 0;
  let length = 0;
  // Expected overlap a word of salience s adds on its (k+1)-th use.
  const worth = (s: number, k: number): number => s * (k === 0 ? 1 : REPEAT_WORTH ** k);
  const valueWith = (c: Candidate): number => {
    let g = gain;
    for (let p = 0; p < c.wordIds.length; p++) g += worth(c.saliences[p]!, used[c.wordIds[p]!]! + c.earlier[p]!);
    const value = (2 * g) / (length + c.sentence.stems.length + target);
    return c.sentence.truncated ? value * TRUNCATED_PENALTY : value;
  };
  const take = (c: Candidate): void => {
    chosen.push(c);
    taken.add(c);
    // What says the same as a chosen fact is never chosen: one meaning, one fact.
    for (const other of candidates) if (!taken.has(other) && (matcher.matches(c.at, other.at) || restatesWords(c.words, other.words))) taken.add(other);
    for (let p = 0; p < c.wordIds.length; p++) {
      const k = used[c.wordIds[p]!]!;
      used[c.wordIds[p]!] = k + 1;
      gain += worth(c.saliences[p]!, k);
    }
    length += c.sentence.stems.length;
  };

  // A claim only state media makes is a narrative, not a fact: single-outlet facts come from other newsrooms.
  const stateMedia = new Set(group.articles.filter((a) => a.outlet.kind === 'state-media').map((a) => a.outlet.id));
  const independent = candidates.some((c) => !stateMedia.has(c.sentence.outletId));
  // A fact other newsrooms carry is worded as they word it, not as state media does.
  const ownNewsroom = (c: Candidate) => !independent || !stateMedia.has(c.sentence.outletId);
  const phases = [(c: Candidate) => c.outlets >= 2 && ownNewsroom(c), ownNewsroom];
  for (const phase of phases) {
    for (;;) {
      if (chosen.length >= maxFacts) break;
      let best: Candidate | null = null;
      let bestValue = (2 * gain) / (length + target);
      for (const c of candidates) {
        if (taken.has(c) || !phase(c)) continue;
        const v = valueWith(c);
        if (v > bestValue) [best, bestValue] = [c, v];
      }
      if (!best) break;
      take(best);
    }
  }
  if (chosen.length === 0 && candidates.length > 0) take(candidates[0]!);
  // Every outlet that carries a fact is listed, whatever the role of its sentence (a forecast, a quote).
  const carriers = (news.length > 0 ? news : group.articles)
    .flatMap((a) => a.sentences)
    .filter((s) => s.role !== 'furniture' && s.stems.length >= MIN_CONTENT_WORDS)
    .map((sentence) => ({ sentence, words: new Set(sentence.stems) }));
  const facts = chosen.map((c): ChosenFact => ({ sentence: c.sentence, support: withRestatements(c, supportOf(c.at, pool, matcher), carriers) }));
  return orderByFirstReport(group, facts).map((c) => toFact(group, c));
}

/** The support of a chosen fact with the outlets whose sentences restate it in other words (every outlet that carries it). */
function withRestatements(fact: Candidate, support: Support, carriers: readonly { sentence: GroupSentence; words: Set<string> }[]): Support {
  for (const c of carriers) {
    const s = c.sentence;
    if (support.get(s.outletId)?.has(s.articleId) || !restatesWords(fact.words, c.words)) continue;
    const seen = support.get(s.outletId) ?? new Map<string, number>();
    seen.set(s.articleId, Math.min(seen.get(s.articleId) ?? s.index, s.index));
    support.set(s.outletId, seen);
  }
  return support;
}

/** Sentence position → how many outlets say what it says (its own outlet and those of the matching sentences). */
function outletCounter(pool: readonly GroupSentence[], matcher: SentenceMatcher): (at: number) => number {
  const outletIds = new Map<string, number>();
  const outletOf = Int32Array.from(pool, (s) => outletIds.get(s.outletId) ?? (outletIds.set(s.outletId, outletIds.size), outletIds.size - 1));
  // seenAt[o] = 1 + the position last counted for outlet o.
  const seenAt = new Int32Array(outletIds.size);
  return (at) => {
    seenAt[outletOf[at]!] = at + 1;
    let count = 1;
    matcher.someNear(at, (j) => {
      const o = outletOf[j]!;
      if (seenAt[o] !== at + 1) {
        seenAt[o] = at + 1;
        count++;
      }
      return false; // visit them all
    });
    return count;
  };
}

/** A sentence's stems as word ids (numbered in `wordIds`), with their saliences and how often each came earlier in it. */
function scoredWords(stems: readonly string[], salience: Salience, wordIds: Map<string, number>): Pick<Candidate, 'wordIds' | 'saliences' | 'earlier'> {
  const ids = new Int32Array(stems.length);
  const saliences = new Float64Array(stems.length);
  const earlier = new Int32Array(stems.length);
  const seen = new Map<string, number>();
  stems.forEach((w, p) => {
    let id = wordIds.get(w);
    if (id === undefined) wordIds.set(w, (id = wordIds.size));
    ids[p] = id;
    saliences[p] = salience(w);
    earlier[p] = seen.get(w) ?? 0;
    seen.set(w, earlier[p]! + 1);
  });
  return { wordIds: ids, saliences, earlier };
}

/** Facts in order of their first report, then by where they stand in that report. */
function orderByFirstReport(group: Group, chosen: ChosenFact[]): ChosenFact[] {
  const rank = new Map(group.articles.map((a, i) => [a.article.id, i]));
  // (rank of the first article that says it, index of the sentence that says it there)
  const firstReport = (c: ChosenFact): [number, number] => {
    let best: [number, number] = [Infinity, Infinity];
    for (const at of c.support.values()) {
      for (const [articleId, index] of at) {
        const r = rank.get(articleId) ?? Infinity;
        if (r < best[0] || (r === best[0] && index < best[1])) best = [r, index];
      }
    }
    return best;
  };
  const keys = new Map(chosen.map((c) => [c, firstReport(c)]));
  return [...chosen].sort((a, b) => keys.get(a)![0] - keys.get(b)![0] || keys.get(a)![1] - keys.get(b)![1]);
}

function toFact(group: Group, c: ChosenFact): SuggestedFact {
  const outlets = group.outletOrder.filter((id) => c.support.has(id));
  return {
    text: c.sentence.text,
    outlets,
    articles: outlets.flatMap((id) => [...(c.support.get(id)?.keys() ?? [])]),
    corroborated: outlets.length >= 2,
  };
}
