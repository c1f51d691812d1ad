import type { Group, GroupArticle, GroupSentence } from './article-group.js';
import { sentenceMatcher, type SentenceMatcher } from './same-fact-index.js';
import { perspectiveLabel } from './perspective-label.js';
import { completeExcerpt, leansOnSentenceBefore, withoutLinkingWord, withoutSectionLabel } from './compress-sentence.js';
import { contentStems } from './content-stems.js';

/** A suggested narrative slot: who provides it, under which label, and what only they say. */
export interface SuggestedSlot {
  /** Short perspective label ("Pro-China"). */
  label: string;
  outletId: string;
  /** The outlet's articles in the group. */
  articles: string[];
  /**
   * What this outlet says that no other outlet says: its quotations (each whole) first, then the
   * rest, in reading order; for an outlet (not a wire) that says nothing of its own, its headlines.
   */
  excerpts: string[];
}

const MAX_EXCERPTS = 3;
const MIN_EXCERPT_WORDS = 3;

/** Opinion, state media and opinion pieces provide narratives first. */
function providesFirst(articles: GroupArticle[]): boolean {
  return articles.some((a) => a.opinion || a.outlet.kind === 'state-media' || a.outlet.kind === 'opinion');
}

/**
 * The outlet's sentences that no sentence of another outlet matches (`matcher` built over `all`),
 * never page furniture: its quotes and judgements first (the framing it chose), then the rest,
 * each in reading order, and sentences that lean on the one before them last.
 */
export function ownSentences(
  outletId: string,
  all: readonly GroupSentence[],
  matcher: SentenceMatcher = sentenceMatcher(all),
): GroupSentence[] {
  const own = ownSentencesByOutlet(all, matcher, (s) => s.outletId === outletId).get(outletId);
  return own ? [...inExcerptOrder(own)] : [];
}

/** An outlet's sentences that no sentence of another outlet matches, its quotes apart, each in reading order. */
interface OwnSentences {
  quotes: GroupSentence[];
  rest: GroupSentence[];
}

/**
 * The unmatched sentences (see ownSentences) of every outlet at once (one pass over the
 * sentences, whatever the number of outlets), for the outlets whose sentences `wanted` accepts.
 */
function ownSentencesByOutlet(
  all: readonly GroupSentence[],
  matcher: SentenceMatcher,
  wanted: (s: GroupSentence) => boolean = () => true,
  articleIds?: readonly string[],
  stateMedia: ReadonlySet<string> = new Set(),
): Map<string, OwnSentences> {
  const own = new Map<string, OwnSentences>();
  const keep = (s: GroupSentence) => {
    if (!wanted(s) || s.role === 'furniture' || s.stems.length < MIN_EXCERPT_WORDS) return;
    let lists = own.get(s.outletId);
    if (!lists) own.set(s.outletId, (lists = { quotes: [], rest: [] }));
    (s.role === 'quote' ? lists.quotes : lists.rest).push(s);
  };
  const { unmatchedElsewhere } = matcher;
  if (stateMedia.size > 0) {
    // State media's claims are its narrative, not reporting (as for facts): another newsroom's
    // sentence that only state media's matches is still that newsroom's own.
    all.forEach((s, i) => {
      const counts = stateMedia.has(s.outletId) ? () => true : (j: number) => !stateMedia.has(all[j]!.outletId);
      if (!matcher.someNear(i, (j) => all[j]!.outletId !== s.outletId && counts(j))) keep(s);
    });
    return own;
  }
  if (unmatchedElsewhere && articleIds) {
    // The matcher keeps them per article (a story's cache): the articles of `all` in its order, each in reading order.
    for (const id of articleIds) for (const i of unmatchedElsewhere(id)) keep(all[i]!);
    return own;
  }
  all.forEach((s, i) => {
    const matchedElsewhere = matcher.nearOtherOutlet
      ? matcher.nearOtherOutlet(i, s.outletId)
      : matcher.someNear(i, (j) => all[j]!.outletId !== s.outletId);
    if (!matchedElsewhere) keep(s);
  });
  return own;
}

/**
 * An outlet's own sentences in the order the desk is offered them: quotes and judgements first
 * (the framing it chose), then the rest; a sentence that opens on a pronoun pointing to the one
 * before ("Their coach said …") after those that say who they speak of. Lazily: a caller that
 * needs the first few tests only the sentences it reads.
 */
function* inExcerptOrder(
  own: OwnSentences,
  leans: (s: GroupSentence) => boolean = (s) => leansOnSentenceBefore(s.text),
): Generator<GroupSentence> {
  const leaning: GroupSentence[] = [];
  for (const list of [own.quotes, own.rest]) {
    for (const s of list) {
      if (leans(s)) leaning.push(s);
      else yield s;
    }
  }
  yield* leaning;
}

/**
 * The excerpt a sentence gives: the whole quotation it is part of (an editor quotes a speaker
 * whole, with the attribution, not a sentence cut out of the middle), else the sentence; without
 * a section label ("The big picture: …") or a linking word ("But …"), and a cut-off one only up
 * to its last complete clause (null when none is left: a fragment is no excerpt).
 */
function excerptOf(sentence: GroupSentence, articles: readonly GroupArticle[]): string | null {
  const { quotation } = sentence;
  const all = quotation ? articles.find((a) => a.article.id === sentence.articleId)!.sentences : [];
  const text = quotation
    ? all
        .slice(quotation.first, quotation.last + 1)
        .map((s) => s.text)
        .join(' ')
    : sentence.text;
  const whole = completeExcerpt(withoutSectionLabel(text));
  return whole === null ? null : withoutLinkingWord(whole);
}

// A sentence that leans on the one before is given with at most this many sentences before it.
const MAX_CONTEXT = 2;

/**
 * The sentences a leaning sentence points back to ("It is intended to prevent …" needs the
 * hotline named before it), so that its excerpt reads alone: the sentences before it in its
 * article, back to the first that says who or what it speaks of, at most MAX_CONTEXT of them.
 * Null when there is none that stands alone, or when one of them is cut off, page furniture,
 * already a fact or prediction of the story (the excerpt would say that again) or the end of a
 * quotation begun before it.
 */
function contextBefore(
  sentence: GroupSentence,
  articles: readonly GroupArticle[],
  leans: (s: GroupSentence) => boolean,
  listed: (s: GroupSentence) => boolean,
): string | null {
  const all = articles.find((a) => a.article.id === sentence.articleId)?.sentences ?? [];
  const context: string[] = [];
  for (let i = sentence.index - 1; i >= 0 && context.length < MAX_CONTEXT; i--) {
    const before = all[i];
    if (!before || before.truncated || before.role === 'furniture' || listed(before)) return null;
    // The end of a quotation begun further back would be cut from its start.
    if (before.quotation && before.quotation.first < before.index) return null;
    context.unshift(withoutSectionLabel(before.text));
    if (!leans(before)) return context.join(' ');
  }
  return null;
}

/**
 * An outlet whose every sentence another outlet also carries (or the story lists as a fact)
 * still framed the story: in its headline, what it chose to lead with and the words it chose
 * for it ("Top scientists slam WHO, insist COVID lab leak theory is 'viable'"). Its distinct
 * headlines, but for the story's own title, are the slot's excerpts then.
 */
function headlinesOf(articles: readonly GroupArticle[], title: string | undefined): string[] {
  const key = (t: string) => contentStems(t).join(' ');
  const seen = new Set(title ? [key(title)] : []);
  const headlines: string[] = [];
  for (const a of articles) {
    const headline = a.article.title.trim();
    const k = key(headline);
    if (headlines.length === MAX_EXCERPTS) break;
    if (k.split(' ').length < MIN_EXCERPT_WORDS || seen.has(k)) continue;
    seen.add(k);
    headlines.push(headline);
  }
  return headlines;
}

/** What the story already suggests elsewhere: the facts' and predictions' texts, and its title. */
export interface SuggestedElsewhere {
  facts: readonly string[];
  predictions: readonly string[];
  title?: string;
}

/**
 * A test of whether a sentence is already suggested as a fact or a prediction: the suggestion is
 * the sentence or a shortened form of it (compressed, or cut to a complete clause), so every
 * content word of the suggestion is in the sentence.
 */
function suggestedElsewhere(elsewhere: SuggestedElsewhere): (s: GroupSentence) => boolean {
  const texts = [...elsewhere.facts, ...elsewhere.predictions];
  const words = texts.map((t) => [...new Set(contentStems(t))]).filter((w) => w.length >= MIN_EXCERPT_WORDS);
  return (s) => {
    if (words.length === 0) return false;
    const own = new Set(s.stems);
    return words.some((w) => w.every((x) => own.has(x)));
  };
}

/**
 * One slot per outlet that can provide a narrative: opinion and state-media outlets (and
 * outlets whose piece is opinion) first, then the rest in order of first report. A wire
 * service that says nothing of its own, or has no configured perspective or lean, gets no
 * slot: it reports, it does not frame, and its country is no narrative.
 * `matcher`: one built over the group's sentences in reading order (as suggestStory builds it), if at hand.
 */
export function suggestNarratives(
  group: Group,
  actors: string[],
  matcher?: SentenceMatcher,
  elsewhere: SuggestedElsewhere = { facts: [], predictions: [] },
): SuggestedSlot[] {
  const all = group.articles.flatMap((a) => a.sentences);
  const stateMedia = new Set(group.articles.filter((a) => a.outlet.kind === 'state-media').map((a) => a.outlet.id));
  const own = ownSentencesByOutlet(
    all,
    matcher ?? sentenceMatcher(all),
    undefined,
    group.articles.map((a) => a.article.id),
    stateMedia,
  );
  // A sentence the story already lists as a fact or a prediction is no framing of the outlet's own.
  const listed = suggestedElsewhere(elsewhere);
  // Whether a sentence leans on the one before, and the excerpt it gives, depend on its article alone: kept in the story's cache.
  const { cache } = group;
  const leans = cache
    ? (s: GroupSentence) => cache.ofSentence('leans on the sentence before', s, () => leansOnSentenceBefore(s.text))
    : (s: GroupSentence) => leansOnSentenceBefore(s.text);
  const excerpt = (s: GroupSentence, articles: readonly GroupArticle[]) =>
    cache ? cache.ofSentence('narrative excerpt', s, () => excerptOf(s, articles)) : excerptOf(s, articles);
  const slots = group.outletOrder.map((outletId) => {
    const articles = group.articles.filter((a) => a.outlet.id === outletId);
    const first = articles[0]!;
    // The first MAX_EXCERPTS distinct excerpts of its own sentences not listed elsewhere, read in that order (and no further).
    const found = new Set<string>();
    const mine = own.get(outletId);
    for (const s of mine ? inExcerptOrder(mine, leans) : []) {
      if (found.size === MAX_EXCERPTS) break;
      if (listed(s)) continue;
      const text = excerpt(s, articles);
      if (text === null) continue;
      const before = leans(s) && !s.quotation ? contextBefore(s, articles, leans, listed) : null;
      const full = before ? `${before} ${text}` : text;
      // Two leaning sentences in a row: the later one's excerpt, with its context, holds the earlier one's.
      if ([...found].some((f) => f.includes(full))) continue;
      for (const f of found) if (full.includes(f)) found.delete(f);
      found.add(full);
    }
    const excerpts = found.size > 0 || first.outlet.kind === 'wire' ? [...found] : headlinesOf(articles, elsewhere.title);
    const slot: SuggestedSlot = {
      label: perspectiveLabel(first.outlet, { lean: articles.find((a) => a.lean)?.lean ?? null, actors }),
      outletId,
      articles: articles.map((a) => a.article.id),
      excerpts,
    };
    // A wire service reports for everyone: it has no national narrative, only one configured for it.
    const wireWithoutPerspective = first.outlet.kind === 'wire' && first.outlet.perspective.length === 0 && !articles.some((a) => a.lean);
    return {
      slot,
      first: providesFirst(articles),
      canProvide: !wireWithoutPerspective && (first.outlet.kind !== 'wire' || excerpts.length > 0),
    };
  });
  const provided = [...slots.filter((s) => s.first), ...slots.filter((s) => !s.first)].filter((s) => s.canProvide).map((s) => s.slot);
  // The format needs one narrative: a story only wires cover keeps the first one's slot, with no national label.
  return provided.length > 0 || slots.length === 0 ? provided : [slots[0]!.slot];
}
