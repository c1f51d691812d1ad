import type { Group, GroupArticle, GroupSentence } from './article-group.js';
import { sentenceMatcher } from './same-fact-index.js';
import type { Salience } from './stem-salience.js';
import { compressSentence, leansOnSentenceBefore } from './compress-sentence.js';
import { supportOf, type Support } from './outlet-support.js';
import { contentStems } from './content-stems.js';
import { restatesFromCounts } from './same-fact-score.js';
import { carrierIndex, type CarrierIndex, type Carriers } from './outlet-carriers.js';
import { type ArticleCarrierData, CarrierTable } from './carrier-table.js';
import type { SentenceCache } from './sentence-cache.js';
import { isHedgedForecast } from './sentence-role.js';
import { mainClauseMove, mainClauseWords, sameEventFromCounts } from './main-clause.js';
import { distinctiveFigures, figuresStated } from './figures.js';
import { isStandfirst } from './standfirst.js';
import { MaxFirst } from './max-first.js';

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
  /**
   * The worth of a set of fact texts, in place of the salience estimate of their overlap with a
   * neutral account. bench:suggest passes ROUGE-1 against the editors' summary: a choice that
   * knows the answer but keeps every rule here shows how far the rules themselves let facts go.
   */
  worth?: (texts: readonly string[]) => number;
}

interface Candidate {
  sentence: GroupSentence;
  /** Chosen, or set aside for a chosen fact (the selection's state). */
  taken: boolean;
  /** Position of the sentence in the pool (and the matcher). */
  at: number;
  /** Equal for candidates of the same text (whose words, figures and main clause are the same): numbered per refresh. */
  textId: number;
  /** How many outlets say it (its own included). */
  outlets: number;
  /** Its distinct stems, and the same as word ids. */
  words: Set<string>;
  distinctIds: Int32Array;
  /** The distinct stems of its main clause (what event it reports), as word ids (of MAIN_PREFIX + stem: apart from the sentence's own). */
  mainIds: Int32Array;
  /** What its main clause says moved, and which way ("yen|up"; mainClauseMove), if it says so. */
  move: string | undefined;
  /** Its distinctive figures (distinctiveFigures). */
  figures: ReadonlySet<string>;
  /** The sentence's stems as word ids, each stem's salience, and how often it came earlier in the sentence. */
  wordIds: Int32Array;
  saliences: Float64Array;
  earlier: Int32Array;
  /** What its words add with none of them chosen yet: no round's gain from it is higher (see valueBound). */
  fullGain: number;
  /** Equal for candidates whose value is equal in every round (the same stems in the same order, alike truncated). */
  valueKey: string;
}

/** What selection reads of a sentence's words (sentenceWords). */
type SentenceWords = Pick<Candidate, 'words' | 'distinctIds' | 'wordIds' | 'earlier' | 'mainIds' | 'move' | 'figures' | 'valueKey'>;

interface ChosenFact {
  sentence: GroupSentence;
  support: Support;
}

/**
 * Expected length of a neutral account in content words: the selection stops when a sentence
 * would dilute more than it adds (chosen on the fitting part of the AllSides dev events, bench:suggest).
 */
export const DEFAULT_TARGET_WORDS = 90;

// A cut-off excerpt ("… former President Donald...") is a weaker fact than a whole sentence.
const TRUNCATED_PENALTY = 0.85;
const MIN_CONTENT_WORDS = 4;
const FIGURE_WORDS = 4;
// Facts only one outlet carries never outnumber those several carry: an editor can trust
// corroborated facts as they are. Where no fact is corroborated, at most this many single-outlet
// facts (chosen on the fitting part of the AllSides dev events: 2 keeps ROUGE-1 and still puts
// half the facts on two outlets; bench:suggest).
const SINGLE_LIMIT = 2;
// Worth of a word's k-th repeat relative to its first use: neutral accounts name the story's
// main actors and objects more than once, so a repeat is worth a little, not nothing.
// (0.3: both halves of the AllSides dev events gain, 0.2–0.4 all alike.)
const REPEAT_WORTH = 0.3;
/** REPEAT_WORTH ** k for small k, looked up instead of raised in the selection's inner loop (the same numbers). */
const REPEAT_POWERS = Array.from({ length: 32 }, (_, k) => REPEAT_WORTH ** k);

/** Expected overlap a word of salience s adds on its (k+1)-th use (never more than on an earlier use). */
function worth(s: number, k: number): number {
  return s * (k === 0 ? 1 : k < REPEAT_POWERS.length ? REPEAT_POWERS[k]! : REPEAT_WORTH ** k);
}

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
  const target = options.targetWords ?? DEFAULT_TARGET_WORDS;
  const maxFacts = options.maxFacts ?? 8;
  const news = group.articles.filter((a) => !a.opinion);
  const cache = group.cache;
  const pool = factCandidates(group);
  // Every pool sentence against every other, but only through the words they share (the story's cache keeps the pairs found).
  const matcher = cache ? cache.matcher('facts', pool) : sentenceMatcher(pool);
  // Every outlet that carries a chosen fact is listed, whatever the role of its own sentence (a
  // forecast, a quote), and an article's headline says what the article reports too.
  const index = carriersIn(news.length > 0 ? news : group.articles, cache);
  // The story's cache numbers words for the story's life and keeps how many outlets match each sentence.
  const local = new Map<string, number>();
  const idOf = cache ? (w: string) => cache.wordId(w) : (w: string) => local.get(w) ?? (local.set(w, local.size), local.size - 1);
  // Sentences with the same stems (a wire copy, a stock sentence) have the same saliences and full gain: computed once.
  const gains = new Map<string, { saliences: Float64Array; fullGain: number }>();
  // Text → number (Candidate.textId).
  const textIds = new Map<string, number>();
  // What selection reads of each pool sentence's words, per article (the story's cache keeps them); null for a sentence never chosen.
  const poolWords = (news.length > 0 ? news : group.articles).flatMap((a) =>
    cache ? cache.ofArticle('fact-words', a.article, () => candidateWords(a, cache, idOf)) : candidateWords(a, cache, idOf),
  );
  // Every word of the candidates has its id now.
  const wordCount = cache ? cache.wordCount : local.size;
  // Salience by word id, asked once per word (NaN: not asked yet).
  const scores = new Float64Array(wordCount).fill(Number.NaN);
  const candidates: Candidate[] = pool.flatMap((sentence, at) => {
    const words = poolWords[at];
    if (!words) return [];
    const outlets = matcher.outletCount
      ? matcher.outletCount(at)
      : new Set([sentence.outletId, ...matcher.near(at).map((j) => pool[j]!.outletId)]).size;
    let gained = gains.get(words.valueKey);
    if (!gained) {
      const saliences = saliencesOf(sentence.stems, words.wordIds, salience, scores);
      gains.set(words.valueKey, (gained = { saliences, fullGain: fullGainOf(saliences, words.earlier) }));
    }
    let textId = textIds.get(sentence.text);
    if (textId === undefined) textIds.set(sentence.text, (textId = textIds.size));
    const candidate: Candidate = {
      sentence,
      taken: false,
      at,
      textId,
      outlets,
      words: words.words,
      distinctIds: words.distinctIds,
      mainIds: words.mainIds,
      move: words.move,
      figures: words.figures,
      wordIds: words.wordIds,
      saliences: gained.saliences,
      earlier: words.earlier,
      fullGain: gained.fullGain,
      valueKey: words.valueKey,
    };
    return [candidate];
  });

  const chosen: Candidate[] = [];
  // Chosen fact → the candidates set aside because they report the same event.
  const sameEvents = new Map<Candidate, Candidate[]>();
  // The figures the chosen facts state.
  const statedFigures = new Set<string>();
  // Uses of each word (by id) in the chosen sentences.
  const used = new Int32Array(wordCount);
  let gain = 0;
  let length = 0;
  const { worth: worthOf } = options;
  const valueWith = (c: Candidate): number => {
    if (worthOf) return worthOf([...chosen.map((x) => x.sentence.text), c.sentence.text]);
    let g = gain;
    for (let p = 0; p < c.wordIds.length; p++) g += worth(c.saliences[p]!, used[c.wordIds[p]!]! + c.earlier[p]!);
    const value = (2 * g) / (length + c.sentence.stems.length + target);
    return c.sentence.truncated ? value * TRUNCATED_PENALTY : value;
  };
  // At least valueWith(c) in every round, at a cost independent of the sentence's length: the
  // selection computes valueWith only for candidates whose bound can still beat the best found.
  // Repeats only lower a word's worth, so each word adds at most what it adds with none chosen;
  // the margin covers the sums' different rounding.
  const valueBound = (c: Candidate): number => {
    // A given worth has no bound but itself.
    if (worthOf) return valueWith(c);
    const value = ((2 * (gain + c.fullGain)) / (length + c.sentence.stems.length + target)) * (1 + 1e-9);
    return c.sentence.truncated ? value * TRUNCATED_PENALTY : value;
  };
  // Scratch for the restatement and same-event tests: 1 at the word ids and main-clause ids of the fact just chosen.
  const marked = new Uint8Array(wordCount);
  // What a take reads of another candidate's words is the same for each candidate of one text (a
  // wire copy): counted once per text and take. Per text id: same event (0 not known yet, 1 no,
  // 2 yes), and distinct words shared (−1 not known yet).
  const eventOf = new Uint8Array(textIds.size);
  const sharedOf = new Int32Array(textIds.size);
  const take = (c: Candidate): void => {
    chosen.push(c);
    c.taken = true;
    for (const f of c.figures) statedFigures.add(f);
    // What says the same as a chosen fact is never chosen: one meaning, one fact (restatesWords, counted by word id).
    // What reports the same event with other details is not chosen either, and its outlet carries the fact.
    const events: Candidate[] = [];
    for (const id of c.distinctIds) marked[id] = 1;
    for (const id of c.mainIds) marked[id] = 1;
    eventOf.fill(0);
    sharedOf.fill(-1);
    for (const other of candidates) {
      if (other === c) continue;
      const t = other.textId;
      if (eventOf[t] === 0) {
        let sharedMain = 0;
        for (const id of other.mainIds) sharedMain += marked[id]!;
        // One subject moving one way is one movement, whatever figures each outlet gives.
        const same =
          sameEventFromCounts(sharedMain, c.mainIds.length, other.mainIds.length) || (c.move !== undefined && other.move === c.move);
        eventOf[t] = same ? 2 : 1;
      }
      const event = eventOf[t] === 2;
      if (event) events.push(other);
      // A sentence whose figures the chosen facts all state says nothing they do not: its outlet
      // carries each chosen fact that states one of them.
      if (!event && !other.taken && figuresStated(other.figures, statedFigures)) {
        for (const x of chosen) {
          if (x !== c && [...other.figures].some((f) => x.figures.has(f))) sameEvents.get(x)?.push(other);
          else if (x === c && [...other.figures].some((f) => c.figures.has(f))) events.push(other);
        }
        other.taken = true;
      }
      if (other.taken) continue;
      if (sharedOf[t]! < 0) {
        let shared = 0;
        for (const id of other.distinctIds) shared += marked[id]!;
        sharedOf[t] = shared;
      }
      const shared = sharedOf[t]!;
      // One figure of the fact just chosen, and its words: another outlet's account of the same figure.
      if (
        other.figures.size === 1 &&
        other.sentence.outletId !== c.sentence.outletId &&
        shared >= FIGURE_WORDS &&
        c.figures.has([...other.figures][0]!)
      ) {
        events.push(other);
        other.taken = true;
        continue;
      }
      if (event || matcher.matches(c.at, other.at) || restatesFromCounts(shared, c.distinctIds.length, other.distinctIds.length))
        other.taken = true;
    }
    for (const id of c.distinctIds) marked[id] = 0;
    for (const id of c.mainIds) marked[id] = 0;
    sameEvents.set(c, events);
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
  // Nor does state media corroborate it: where other newsrooms carry a fact, its outlets are theirs
  // (state media's account of the story is its narrative slot, as in the seed's Sources).
  const counts = (outletId: string) => !independent || !stateMedia.has(outletId);
  // Outlets that say it in a matching sentence, or carry it in their own words or headline: the
  // index is asked only for the candidates that could be chosen next (asking all is the cost).
  const corroborated = new Map<Candidate, boolean>();
  // Each candidate's carriers, asked of the index once (for corroboration, then for a chosen fact's support).
  const carriers = new Map<Candidate, Carriers>();
  const carriersOf = (c: Candidate): Carriers => {
    let found = carriers.get(c);
    if (!found) carriers.set(c, (found = index.carriersOf(c.words, c.sentence.outletId)));
    return found;
  };
  const isCorroborated = (c: Candidate): boolean => {
    let known = corroborated.get(c);
    if (known === undefined) {
      // With state media in the group, its matching sentences are set aside (asked of the matcher, for this candidate only).
      const matching =
        independent && stateMedia.size > 0
          ? new Set([c.sentence.outletId, ...matcher.near(c.at).map((j) => pool[j]!.outletId)].filter(counts)).size
          : c.outlets;
      known = matching >= 2 || [...carriersOf(c).keys()].some(counts);
      corroborated.set(c, known);
    }
    return known;
  };
  const phases = [(c: Candidate) => ownNewsroom(c) && isCorroborated(c), ownNewsroom];
  const sets = sameValueSets(candidates, !worthOf);
  let several = 0;
  for (const [p, phase] of phases.entries()) {
    if (p === 1) several = chosen.length;
    for (;;) {
      if (chosen.length >= maxFacts) break;
      // Single-outlet facts never outnumber those several outlets carry (SINGLE_LIMIT when none are).
      if (p === 1 && chosen.length - several >= (several === 0 ? SINGLE_LIMIT : several)) break;
      // The best candidate of the phase that adds more than it dilutes: highest value (then first
      // position) among those that pass the phase's test. Sets of candidates of equal value are
      // visited by bound, highest first, until no bound reaches the best value found: the others
      // cannot beat it. The best is the same whatever the order among equal bounds.
      const stop = worthOf ? worthOf(chosen.map((x) => x.sentence.text)) : (2 * gain) / (length + target);
      const bounded: ValueSet[] = [];
      const bounds: number[] = [];
      for (const set of sets) {
        // Taken candidates stay taken: a set's first ones are skipped for good.
        while (set.start < set.members.length && set.members[set.start]!.taken) set.start++;
        if (set.start === set.members.length) continue;
        const bound = valueBound(set.members[set.start]!);
        if (bound > stop) {
          bounded.push(set);
          bounds.push(bound);
        }
      }
      const byBound = new MaxFirst(bounds);
      let best: { c: Candidate; v: number } | undefined;
      for (let i = byBound.next(); i >= 0; i = byBound.next()) {
        if (best && bounds[i]! < best.v) break;
        const { members, start } = bounded[i]!;
        const v = valueWith(members[start]!);
        if (!(v > stop) || (best && v < best.v)) continue;
        // The set's first candidate (by position) that passes the phase's test, if it beats the best.
        for (let k = start; k < members.length; k++) {
          const c = members[k]!;
          if (best && v === best.v && c.at >= best.c.at) break;
          if (!c.taken && phase(c)) {
            best = { c, v };
            break;
          }
        }
      }
      if (!best) break;
      take(best.c);
    }
  }
  if (chosen.length === 0 && candidates.length > 0) take(candidates[0]!);
  const facts = chosen.map(
    (c): ChosenFact => ({
      sentence: c.sentence,
      support: withSameEvent(withCarriers(supportOf(c.at, pool, matcher), carriersOf(c)), sameEvents.get(c) ?? []),
    }),
  );
  return orderByFirstReport(group, facts).map((c) => toFact(group, c, counts));
}

/** Candidates of equal value in every round, in order of position; `start`: the first not taken, as far as known. */
interface ValueSet {
  members: Candidate[];
  start: number;
}

/**
 * The candidates in sets of equal value in every round (the same stems in the same order, alike
 * truncated: a wire copy, a stock sentence), in order of position, so that a round computes a
 * bound and a value once per set. Without `byStems` (a given worth reads the text) each
 * candidate is a set of its own.
 */
function sameValueSets(candidates: readonly Candidate[], byStems: boolean): ValueSet[] {
  if (!byStems) return candidates.map((c) => ({ members: [c], start: 0 }));
  const sets = new Map<string, ValueSet>();
  for (const c of candidates) {
    const set = sets.get(c.valueKey);
    if (set) set.members.push(c);
    else sets.set(c.valueKey, { members: [c], start: 0 });
  }
  return [...sets.values()];
}

/**
 * The sentences a group's facts are chosen from, as a fact states them (compressed). Only
 * statements can be facts: no quote, opinion, forecast or page furniture, and no clause an
 * excerpt cut off (compression keeps its complete part when that stands alone). A lede that
 * announces a plan or schedule ("Biden will meet Putin in Geneva on June 16") is the news.
 * Opinion pieces supply none unless the group has nothing else (`withOpinionPieces`: they do,
 * for bench:suggest's measure of what that filter costs).
 */
export function factCandidates(group: Group, withOpinionPieces = false): GroupSentence[] {
  const news = group.articles.filter((a) => !a.opinion);
  const cache = group.cache;
  return (news.length > 0 && !withOpinionPieces ? news : group.articles).flatMap((a) => articleFactCandidates(a, cache));
}

/** One article's fact candidates (see factCandidates): they depend on the article alone (the story's cache keeps them). */
function articleFactCandidates(a: GroupArticle, cache: SentenceCache | undefined): GroupSentence[] {
  const compute = () =>
    a.sentences
      .filter(isFactCandidate)
      .map(asFactSentence)
      .filter((s) => !s.truncated && !leansOnSentenceBefore(s.text));
  return cache ? cache.ofArticle('fact-candidates', a.article, compute) : compute();
}

/**
 * The words of each of an article's fact candidates (sentenceWords), or null for one never
 * chosen: too short, or part of the standfirst (written like a headline: it corroborates what
 * the article reports, and never words a fact).
 */
function candidateWords(a: GroupArticle, cache: SentenceCache | undefined, idOf: (w: string) => number): (SentenceWords | null)[] {
  const standfirst = standfirstOf(a);
  return articleFactCandidates(a, cache).map((s) =>
    s.stems.length < MIN_CONTENT_WORDS || standfirst.has(s.index) ? null : sentenceWords(s, idOf),
  );
}

const NO_STANDFIRST: ReadonlySet<number> = new Set();

/** Indices of the sentences of an article's standfirst (see isStandfirst). */
function standfirstOf(a: GroupArticle): ReadonlySet<number> {
  const lastParagraph = a.sentences.at(-1)?.paragraph ?? 0;
  const at = a.sentences.filter((s) => isStandfirst(s, a.article, lastParagraph)).map((s) => s.index);
  return at.length > 0 ? new Set(at) : NO_STANDFIRST;
}

/**
 * The carrier index over these articles: the story's, kept per article between refreshes
 * (CarrierTable), or built over their sentences here.
 */
function carriersIn(articles: readonly GroupArticle[], cache: SentenceCache | undefined): CarrierIndex {
  if (cache) {
    const table = cache.ofStory('carriers', () => new CarrierTable());
    const window = articles.map((a) => ({
      id: a.article.id,
      outletId: a.outlet.id,
      data: cache.ofArticle('carrier-sentences', a.article, () => carrierSentences(a)),
    }));
    if (table.sync(window)) return table;
  }
  return carrierIndex(articles.flatMap((a) => carrierSentences(a).sentences));
}

/** An article's sentences that may carry a fact, headline first (no page furniture, at least MIN_CONTENT_WORDS), and their distinct stems. */
function carrierSentences(a: GroupArticle): ArticleCarrierData {
  const sentences = [titleSentence(a), ...a.sentences].filter((s) => s.role !== 'furniture' && s.stems.length >= MIN_CONTENT_WORDS);
  return { sentences, words: sentences.map((s) => [...new Set(s.stems)]) };
}

/** A fact's support with the outlets that carry it in their own words. */
function withCarriers(support: Support, carriers: Carriers): Support {
  for (const [outletId, at] of carriers) {
    const seen = support.get(outletId) ?? new Map<string, number>();
    for (const [articleId, index] of at) seen.set(articleId, Math.min(seen.get(articleId) ?? index, index));
    support.set(outletId, seen);
  }
  return support;
}

/** A fact's support with the outlets whose sentences report the same event. */
function withSameEvent(support: Support, events: readonly Candidate[]): Support {
  for (const { sentence } of events) {
    const seen = support.get(sentence.outletId) ?? new Map<string, number>();
    seen.set(sentence.articleId, Math.min(seen.get(sentence.articleId) ?? sentence.index, sentence.index));
    support.set(sentence.outletId, seen);
  }
  return support;
}

/**
 * What selection reads of a sentence's words that depends on the sentence alone: its distinct
 * stems, its stems as word ids, how often each came earlier in it, its main clause's words as ids,
 * and a key equal for sentences whose value is always equal (same stems in the same order).
 */
function sentenceWords(sentence: GroupSentence, idOf: (w: string) => number): SentenceWords {
  const { stems } = sentence;
  const ids = new Int32Array(stems.length);
  const earlier = new Int32Array(stems.length);
  const seen = new Map<string, number>();
  stems.forEach((w, p) => {
    ids[p] = idOf(w);
    earlier[p] = seen.get(w) ?? 0;
    seen.set(w, earlier[p]! + 1);
  });
  return {
    words: new Set(stems),
    distinctIds: Int32Array.from(new Set(ids)),
    wordIds: ids,
    earlier,
    mainIds: mainIdsOf(sentence.text, idOf),
    move: mainClauseMove(sentence.text),
    figures: distinctiveFigures(sentence.text),
    valueKey: `${sentence.truncated ? '1' : '0'}${stems.join('\u0000')}`,
  };
}

// Main-clause words are numbered apart from stems (stems hold no "\u0000"): one scratch array serves both.
const MAIN_PREFIX = '\u0000';

/** The distinct words of a sentence's main clause (mainClauseWords) as word ids. */
function mainIdsOf(text: string, idOf: (w: string) => number): Int32Array {
  return Int32Array.from(mainClauseWords(text), (w) => idOf(MAIN_PREFIX + w));
}

/** What a sentence's words add to an empty selection, each word at its repeat within the sentence. */
function fullGainOf(saliences: Float64Array, earlier: Int32Array): number {
  let g = 0;
  for (let p = 0; p < saliences.length; p++) g += worth(saliences[p]!, earlier[p]!);
  return g;
}

/** Each stem's salience (looked up once per word id in `scores`). */
function saliencesOf(stems: readonly string[], ids: Int32Array, salience: Salience, scores: Float64Array): Float64Array {
  const out = new Float64Array(stems.length);
  for (let p = 0; p < stems.length; p++) {
    let v = scores[ids[p]!]!;
    if (Number.isNaN(v)) scores[ids[p]!] = v = salience(stems[p]!);
    out[p] = v;
  }
  return out;
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

function toFact(group: Group, c: ChosenFact, counts: (outletId: string) => boolean): SuggestedFact {
  const outlets = group.outletOrder.filter((id) => c.support.has(id) && counts(id));
  return {
    text: c.sentence.text,
    outlets,
    articles: outlets.flatMap((id) => [...(c.support.get(id)?.keys() ?? [])]),
    corroborated: outlets.length >= 2,
  };
}

// Where a headline stands among its article's sentences: after all of them, so it never decides the order of facts.
const TITLE_INDEX = Number.MAX_SAFE_INTEGER;

/** An article's headline as a sentence of it (it says what the article reports): a carrier of facts, never a fact. */
function titleSentence(a: GroupArticle): GroupSentence {
  const text = a.article.title;
  return {
    text,
    paragraph: -1,
    index: TITLE_INDEX,
    truncated: false,
    quotation: null,
    articleId: a.article.id,
    outletId: a.outlet.id,
    stems: contentStems(text),
    role: 'fact',
  };
}

/**
 * A sentence that may be a fact: a statement, or the first sentence of an article announcing a
 * plan or schedule without hedging (a forecast — expected, likely, could — stays a prediction).
 */
function isFactCandidate(s: GroupSentence): boolean {
  return s.role === 'fact' || (s.role === 'prediction' && s.index === 0 && !isHedgedForecast(s.text));
}
