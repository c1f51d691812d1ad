/**
 * Extractive compression of a news sentence toward the shape of a neutral summary line. It only
 * removes words (a leading discourse marker, a trailing attribution, the broken-off tail of a cut
 * excerpt), never adds or reorders any, so a compressed fact stays faithful to its source; each
 * cut is kept only when what is left still reads as a sentence.
 */

// Fewer words than this left: the cut is not made.
const MIN_WORDS = 6;
// The subject clause left before a cut tail must be at least this long ("Raisi, 60." is not a fact).
const MIN_LEAD_WORDS = 5;

// Openers that tie a sentence to the one before it in the article; alone they dangle ("But …").
const LEADING_MARKER =
  /^(?:But|And|So|Yet|Still|Also|Now|Meanwhile|However|Indeed|Instead|Moreover|Additionally|Furthermore|In addition|In fact|Separately|Then)\b,?\s+/u;

// A sentence that says something of whatever the one before it named. He/She/They and the
// possessives ("They opened …", "Her victory …") always point back.
const PERSONAL_OPENER = /^(?:He|She|They|His|Her|Its|Their)\s/u;
// "It" points back ("It passed the Senate …") unless impersonal ("It is not clear …", "It may take weeks to …").
// "Likely", "unlikely" and "expected" are impersonal only before a clause ("It is likely that …"):
// before "to" they say what the thing named before will do ("It is likely to hear several matters").
const IT_OPENER = /^It(?:['’]s|\s)/u;
const IMPERSONAL_IT =
  /^It(?:['’]s|\s)(?:is|was|isn['’]t|wasn['’]t|remains|remained|has been)?\s*(?:(?:not|still|also|now|yet|immediately|entirely)\s+)*(?:clear|unclear|known|unknown|possible|impossible|(?:likely|unlikely|expected)(?!\s+to\b)|uncertain|too early|time|unusual|rare|the first|the latest|(?:may|might|will|could|would|can)\s+take)\b/u;
// "That"/"This" as the subject, before a verb ("That's roughly an 80% drop …", "This fell to …").
const DEMONSTRATIVE_SUBJECT =
  /^(?:That|This|These|Those)(?:['’]s\b|\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|means|meant|marks|marked|comes|came|follows|followed|fell|rose|left|brought|led|made|puts|put|sets|set|gives|gave|includes|included)\b)/u;
// Before a noun it names what the sentence before said ("This decision signals …", "These measures
// include …"), unless it is a time ("This week, …", "These days …") or anyone who does so
// ("Those who voted …", "Those seeking asylum …", "Those in favour …").
const DEMONSTRATIVE_NOUN =
  /^(?:This|That|These|Those)\s+(?!(?:who|whom|whose|which|that|in|at|on|with|of|from|for|under|over)\b|\p{Ll}+ing\b)\p{Ll}/u;
const DEMONSTRATIVE_TIME =
  /^(?:This|That|These|Those)\s+(?:(?:past|coming|last|next|same)\s+)?(?:morning|afternoon|evening|night|week|weekend|month|year|season|spring|summer|autumn|fall|winter|quarter|time|times|days|weeks|months|years|decade)s?\b/u;
// A preposition before a bare "this" / "that" opening the sentence points back: "For that, …",
// "Despite this, …", "Because of that, …".
const PREPOSITION_DEMONSTRATIVE = /^(?:\p{Lu}\p{Ll}*)(?:\s+(?:of|to|from|with))?\s+(?:this|that|these|those)\s*,/u;

/**
 * True when a sentence opens on a pronoun that refers to the sentence before it: alone, it does
 * not say who or what. A linking word before the pronoun ("And it will be …", "But they …") ties
 * it to the sentence before all the more.
 */
export function leansOnSentenceBefore(text: string): boolean {
  return opensOnPronounBack(text) || opensOnPronounBack(capitalise(text.replace(LEADING_MARKER, '')));
}

function opensOnPronounBack(text: string): boolean {
  return (
    PERSONAL_OPENER.test(text) ||
    (IT_OPENER.test(text) && !IMPERSONAL_IT.test(text)) ||
    DEMONSTRATIVE_SUBJECT.test(text) ||
    (DEMONSTRATIVE_NOUN.test(text) && !DEMONSTRATIVE_TIME.test(text)) ||
    PREPOSITION_DEMONSTRATIVE.test(text)
  );
}

// A section label some newsrooms open a paragraph with ("Why it matters:", "The big picture:",
// "Yes, but:"): a few words, the first capitalised, the rest not, then a colon and a new sentence.
const LEAD_LABEL = /^\p{Lu}[\p{Ll}'’]*(?:,?\s+\p{Ll}[\p{Ll}'’]*){1,3}:\s+(?=[\p{Lu}\d“"])/u;

// ", according to new census data." closing a sentence.
const ACCORDING_TAIL = /,\s+according to [^,;:“”"]+(?=[.!?]?$)/u;

// ", officials said Monday." / ", the report says." closing a sentence (only where no quote is open).
const SAID_TAIL =
  /,\s+(?:[^,;:“”"]{1,60}?\s)?(?:said|says|told [^,;:“”"]{1,40}|added|noted|announced|reported|wrote)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last week|in a statement)){0,2}(?=[.!?]?$)/u;

/**
 * Subordinate and prepositional openers: a first clause starting so is not the sentence's subject
 * ("Besides the double gain for Texas" has no verb of its own).
 */
export const SUBORDINATE_OPENER =
  /^(?:If|While|When|Though|Although|As|After|Before|Since|Because|Unless|Once|With|Without|Amid|In|On|At|Besides|Beyond|Despite|Unlike|Like|For|Under|Over|From|Among|During|Following|Given|Apart from|Aside from|Thanks to|According to|Along with)\b/u;

/** Count of letter/digit words. */
function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Upper-case the first letter (after a dropped opener). */
function capitalise(text: string): string {
  return text.replace(/^(["“‘(]?)(\p{Ll})/u, (_, open: string, c: string) => open + c.toUpperCase());
}

/** End the text with a full stop again after a tail was cut. */
function closeSentence(text: string): string {
  const t = text.replace(/[\s,;:—–-]+$/u, '');
  return /[.!?]["”’)]?$/u.test(t) ? t : `${t}.`;
}

/** A quote or a dash aside is left open: cutting here would break it. */
function hasOpenSpan(text: string): boolean {
  return /[“”"]/u.test(text) || (text.match(/\s[—–]\s|—|\s--\s/gu) ?? []).length % 2 === 1;
}

// Some word that can be a verb: an auxiliary, a lower-case word ending in -ed or -s, or a common
// irregular verb. A clause with none ("The 36-year-old New Yorker") is a noun phrase, not a statement.
const VERB_LIKE = new RegExp(
  String.raw`\b(?:\p{Ll}{2,}(?:ed|s)|` +
    (
      'is are was were be been am has have had will would can could may might must shall should do does did ' +
      'won lost led met made took gave fell rose hit cut put set let left held sent spent paid told said sold ' +
      'began became came went saw got ran upheld struck brought bought caught taught thought fought sought built ' +
      'meant kept felt dealt found stood understood withdrew drew grew knew threw flew shook woke spoke broke chose ' +
      'froze stole drove rode wrote stuck hung sang rang swam sank drank shot forgot sat read heard ate wore ' +
      'swore tore hid bit lit slid quit split spread cast cost hurt beat bet bid burst forecast ' +
      'say include show remain become come go get give make take keep hold find want need face plan expect'
    )
      .split(' ')
      .join('|') +
    String.raw`)\b`,
  'u',
);

/**
 * The clause a reader takes as the sentence's subject and verb is long enough to stand alone, and
 * has a verb of its own: a verb only in an aside after it ("Residents of the old town, who fear
 * more traffic") leaves the subject without one.
 */
function standsAlone(text: string): boolean {
  const clauses = text.split(/,\s+/u);
  const main = SUBORDINATE_OPENER.test(clauses[0] ?? '') ? clauses[1] : clauses[0];
  return main !== undefined && wordCount(main) >= MIN_LEAD_WORDS && VERB_LIKE.test(main);
}

/**
 * True when the text ends inside a clause a conjunction or relative word opened and no verb
 * followed ("Officials insist that Biden's American Families Plan"): the clause is cut short.
 */
function endsInVerblessClause(text: string): boolean {
  const opened = [...text.matchAll(/\b(?:that|which|who|whose|whether|if|because|as|while|when)\s/gu)].at(-1);
  return opened !== undefined && !VERB_LIKE.test(text.slice(opened.index + opened[0].length));
}

/**
 * True when the comma at `cut` opens an aside inside a clause that goes on after it ("saying that
 * Section 4, the formula used to …"): cutting there leaves the clause without its end.
 */
function isAsideInsideClause(body: string, cut: number): boolean {
  const before = body.slice(0, cut);
  const segment = before.slice(before.lastIndexOf(', ') + 1).trim();
  return /^(?:the|a|an)\s/u.test(body.slice(cut + 2)) && /^(?:\p{Ll}+ing\s+that|that|which|who|whose|where)\s/u.test(segment);
}

// The comma is a list's: what follows it is a short item ("Florida, Nebraska and Iowa"), or
// what comes before it since the last comma is one ("from Florida, Nebraska, …").
const LIST_ITEM = /^(?:\p{Lu}[\p{L}.'’-]*|\d[\d.,%]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u;

/** True when the comma at `cut` separates the items of a list: cutting there would change the meaning. */
function isListComma(body: string, cut: number): boolean {
  const before = body.slice(0, cut);
  const item = before
    .slice(before.lastIndexOf(', ') + 1)
    .trim()
    // The item is what follows the last word that opens a list ("22 states including Arizona").
    .replace(/^(?:.*\s)?(?:from|including|such as|like|and|or|in|of|with)\s+/iu, '');
  const after = body
    .slice(cut + 2)
    .split(/,\s+|\s+(?:and|or)\s+/u)[0]!
    .trim();
  return LIST_ITEM.test(item) && LIST_ITEM.test(after);
}

/** A cut-off excerpt ("… former President Donald...") up to its last complete clause, or null. */
function completeClauses(text: string): string | null {
  const body = text.replace(/(?:\.\.\.|…)$/u, '');
  // A dash aside the cut left open ("… related to their education — such as thousands of..."):
  // the sentence before it is whole, if it stands alone.
  if (!/[“”"]/u.test(body) && hasOpenSpan(body)) {
    const dash = Math.max(body.lastIndexOf(' — '), body.lastIndexOf(' – '), body.lastIndexOf(' -- '), body.lastIndexOf('—'));
    const kept = body.slice(0, dash);
    return dash > 0 && !hasOpenSpan(kept) && standsAlone(kept) && !endsInVerblessClause(kept) ? closeSentence(kept) : null;
  }
  // Open quotes, or a list whose items semicolons separate: any cut would break them.
  if (hasOpenSpan(body) || body.split('; ').length > 2) return null;
  // The last comma or semicolon that ends a clause, not one inside a list or before an aside.
  let cut = Math.max(body.lastIndexOf(', '), body.lastIndexOf('; '));
  while (cut > 0 && body[cut] === ',' && (isListComma(body, cut) || isAsideInsideClause(body, cut)))
    cut = Math.max(body.lastIndexOf(', ', cut - 1), body.lastIndexOf('; ', cut - 1));
  if (cut <= 0) return null;
  const kept = body.slice(0, cut);
  return standsAlone(kept) ? closeSentence(kept) : null;
}

/**
 * A cut-off excerpt ("… said the plan would...") as a reader can take it: up to its last complete
 * clause, or null when no complete statement is left (an open quotation, a subject without its
 * verb, too few words). Text that is not cut comes back as it is.
 */
export function completeExcerpt(text: string): string | null {
  const t = text.trim();
  if (!/(?:\.\.\.|…)$/u.test(t)) return t;
  const kept = completeClauses(t);
  return kept !== null && wordCount(kept) >= MIN_WORDS ? kept : null;
}

/** The sentence without a linking word that ties it to the one before ("But the number …" → "The number …"), when enough is left. */
export function withoutLinkingWord(text: string): string {
  const rest = capitalise(text.replace(LEADING_MARKER, ''));
  return rest !== text && wordCount(rest) >= MIN_WORDS ? rest : text;
}

/** The sentence without a section label some newsrooms open a paragraph with ("The big picture: …"), when enough is left. */
export function withoutSectionLabel(text: string): string {
  const rest = text.replace(LEAD_LABEL, '');
  return rest !== text && wordCount(rest) >= MIN_WORDS ? rest : text;
}

/**
 * A shorter, still faithful version of a sentence, or the sentence itself when nothing can be
 * removed safely. `truncated`: the excerpt breaks off mid-sentence ("…").
 */
export function compressSentence(text: string, truncated = false): string {
  let out = text.trim();
  const keep = (next: string | null): void => {
    if (next !== null && wordCount(next) >= MIN_WORDS) out = next;
  };
  if (truncated) keep(completeClauses(out));
  keep(out.replace(LEAD_LABEL, ''));
  keep(capitalise(out.replace(LEADING_MARKER, '')));
  if (!/[“”"]/u.test(out)) {
    keep(closeSentence(out.replace(ACCORDING_TAIL, '')));
    keep(closeSentence(out.replace(SAID_TAIL, '')));
  }
  return out;
}
