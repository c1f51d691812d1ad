/**
 * How high ROUGE-1 could go: sentences picked greedily knowing the editors' summary (each step
 * adds the sentence that raises F1 most, as score-suggest.mjs computes it: the first 120 content
 * words against the whole summary). Not a method, a bound: run over the sentences storydesk may
 * state as facts, and over every sentence of the excerpts, it says how much of the gap to the
 * goal selection could close at all.
 */
import { buildGroup } from '../../src/core/story/suggest/article-group.js';
import { factCandidates } from '../../src/core/story/suggest/suggest-facts.js';
import { suggestStory, type StreamGroup } from '../../src/core/story/index.js';

// The scorer's content words (score-suggest.mjs): lower-cased letter/digit runs minus its stop list.
const STOP = new Set(
  'the a an of to in and or for on at by with from as is are was were be been it its that this he she they his her their has have had will would not but'.split(
    ' ',
  ),
);
const tokens = (t: string): string[] => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));

/** ROUGE-1 F1 of the joined texts against the reference tokens, as score-suggest.mjs computes it. */
export function rougeF1(texts: readonly string[], reference: readonly string[]): number {
  const mine = tokens(texts.join(' ')).slice(0, 120);
  const got = new Map<string, number>();
  for (const w of mine) got.set(w, (got.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of reference) {
    const c = got.get(w) ?? 0;
    if (c > 0) {
      hit++;
      got.set(w, c - 1);
    }
  }
  const r = reference.length ? hit / reference.length : 0;
  const p = mine.length ? hit / mine.length : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** F1 of the greedy oracle over the given sentences. */
function oracle(sentences: readonly string[], reference: readonly string[]): number {
  const chosen: string[] = [];
  let best = 0;
  for (;;) {
    let pick: string | null = null;
    for (const s of sentences) {
      if (chosen.includes(s)) continue;
      const f = rougeF1([...chosen, s], reference);
      if (f > best) [best, pick] = [f, s];
    }
    if (pick === null) return best;
    chosen.push(pick);
  }
}

/**
 * Mean oracle F1 over groups: from the fact candidates, from every sentence, and under
 * storydesk's own rules (suggestStory choosing by ROUGE instead of salience: one fact per
 * meaning, corroborated facts first, single-outlet facts never outnumbering them).
 */
export function ceilings(groups: { group: StreamGroup; summary: string }[]): {
  factCandidates: number;
  factCandidatesWithOpinionPieces: number;
  anySentence: number;
  withRules: number;
} {
  let facts = 0;
  let withOpinion = 0;
  let any = 0;
  let rules = 0;
  for (const { group, summary } of groups) {
    const reference = tokens(summary);
    const worth = (texts: readonly string[]) => rougeF1(texts, reference);
    const chosen = suggestStory(group.articles, group.outlets, { leans: group.leans, worth }).facts.map((f) => f.text);
    rules += rougeF1(chosen, reference);
    const built = buildGroup(group.articles, group.outlets, group.leans);
    facts += oracle(
      factCandidates(built).map((s) => s.text),
      reference,
    );
    withOpinion += oracle(
      factCandidates(built, true).map((s) => s.text),
      reference,
    );
    any += oracle(
      built.articles.flatMap((a) => a.sentences.map((s) => s.text)),
      reference,
    );
  }
  const n = Math.max(1, groups.length);
  return { factCandidates: facts / n, factCandidatesWithOpinionPieces: withOpinion / n, anySentence: any / n, withRules: rules / n };
}
