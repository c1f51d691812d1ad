/**
 * What a sentence of a news article does: states a fact, forecasts, quotes or argues, or is page
 * furniture. Facts are neutral, attributable statements; predictions are forward-looking claims
 * about uncertain events; quotes and opinion (direct speech, loaded words, the writer's own
 * "should") belong to the outlet's narrative. Each test is a general signal of English news
 * writing (tense, modality, quotation, evaluative vocabulary), not a list fitted to a corpus.
 * docs/story-format.md gives the labelling guide the labelled set follows.
 */
import { closingMark, isFurniture, type SentencePlace } from './sentence-hygiene.js';

export type SentenceRole = 'fact' | 'prediction' | 'quote' | 'furniture';

export const SENTENCE_ROLES: readonly SentenceRole[] = ['fact', 'prediction', 'quote', 'furniture'];

// Hedged or scheduled futures: the claim is about what may or is planned to happen.
// "may" is also the verb of permission ("Residents may return after 6 p.m.", "States may not ban
// it"): it hedges only before a verb of what happens to someone or something ("may be", "may not
// have", "may take weeks"), not before an act someone is allowed or forbidden; "might" does not permit.
const HEDGED_FUTURE =
  /\b(?:is|are|was|were|be|been|remains?|seems?|appears?)\s+(?:widely\s+|now\s+|also\s+|still\s+)?(?:expected|set|scheduled|due|poised|likely|unlikely|slated|on track|projected|forecast|predicted|anticipated|bound)\s+to\b|\b(?:could|may|might)\s+(?:\p{Ll}+ly\s+)?(?:be|become|come|take|see|face|reach|rise|fall|happen|lead|lose|win|end|begin|start|soon|also|still|eventually|well)\b|\bmight\s+not\b|\bmay\s+not\s+(?:\p{Ll}+ly\s+)?(?:be|become|have|happen|come|take|see|face|reach|rise|fall|lead|lose|win|end|begin|start|last|survive|work|need|get|know|realize|realise|matter|mean|succeed)\b|\b(?:likely|unlikely)\s+to\b|\b(?:forecasts?|forecast|predicts?|predicted|projects?|projected|expects?|anticipates?|estimates?)\s+(?:that\s+)?(?:\p{L}+\s+){0,6}?(?:will|would|could|to(?!\s+(?:the|a|an|its|their|his|her|this|that|these|those|our|my|\p{L}*[^s\P{L}]s)\b))\b|\bstands?\s+to\s+(?:gain|lose|benefit|profit|suffer)\b|\bexpected\s+(?:to|by|in|later)\b|\b(?:expect|forecast|predict|anticipate)s?\s+(?:the|a|an|another|further|more|its|their)\s|\bis to (?:vote|decide|meet|rule|announce)\b/iu;
// A time still to come: a weaker sign than a modal, since a past event may name its own target date.
const TIME_AHEAD =
  /\bin the (?:coming|next) (?:days|weeks|months|years)\b|\blater (?:this|next) (?:week|month|year|spring|summer|autumn|fall|winter)\b|\b(?:next|coming|upcoming) (?:week|month|year|session|round|election|vote|summit|meeting)\b|\bby (?:the end of )?(?:this |next )?(?:spring|summer|autumn|fall|winter|year-end)\b|\bdeadline\b/iu;
// A hedge on how things are, not on what will happen: "Harris may be comfortable as …", "protection
// might be lower than …", "could be a turning point". A passive ("could be delayed"), a progressive
// ("could be heading for"), an ability or readiness ("may be able to") keep it a forecast, and so
// does a time to come or a condition in the sentence (see presentHedge).
const PRESENT_HEDGE =
  /^(?:may|might|could)\s+(?:well\s+|also\s+|still\s+|even\s+|\p{Ll}+ly\s+)?be\s+(?!(?:\p{L}+(?:ed|en|ing)|able|about|ready|set|held|made|built|sold|cut|hit|paid|put|shut|spent|sent|lost|won|kept|left|told|brought|bought|caught|found|hurt|run|struck|met|led|shot|fought|read|seen|known|shown|given|taken|done)\b)[\p{L}\p{N}$]/iu;
// Plans and intentions of the present: "plans to", "intends to", "aims to", "is preparing to".
const PLAN =
  /(?<!\b(?:a|an|the|its|their|his|her|our|this|that)\s|\b(?:a|an|no|any)\s(?:\p{L}+\s){1,2})\b(?:plans?|intends?|aims?|is planning|are planning|is preparing|are preparing|is seeking|are seeking|hopes?|vows?|pledges?|promises?|threatens?)\s+to(?!\s+(?:the|a|an|its|their|his|her|this|that|these|those|our|my|\p{L}*[^s\P{L}]s)\b)\b|\b(?:is|are)\s+(?:considering|weighing|mulling|exploring)\b|\b(?:is|are|was|were|remains?)\s+(?:\p{L}+ly\s+)?(?:likely|unlikely|probable|imminent)\b(?!\s+that)/iu;
// "will" / "shall" as the verb of the sentence, not "the will of the people".
const WILL =
  /(?<!\b(?:the|free|good|ill|political|popular|own|his|her|its|their|our|your|my)\s)\b(?:will|won['’]t|shall|is going to|are going to)\s+(?!of\b)\p{L}/iu;
// A plain "will" or a reported "would" forecasts only with a time to come or a condition; without
// one it states what was decided ("Australia will scrap its 5% tariff" under a concluded deal).
const WHEN_OR_IF =
  /\b(?:if|unless|once|until|when|soon|tomorrow|tonight|next|later|coming|upcoming|eventually|by (?:the )?(?:end|spring|summer|autumn|fall|winter|then)|this (?:week|weekend|month|year|spring|summer|autumn|fall|winter)|(?:on |by )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:in|by|from) (?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:19|20)\d\d|within \d+|in \d+ (?:days|weeks|months|years))\b/u;
// "when … will": an indirect question ("a date for when borders will reopen", "it is unclear when
// it will open"); a clause of time takes no "will" in English, so this "when" is no condition.
const WH_QUESTION = /\b(?:when|whether|if)\s+(?:[^,;:.]{0,60}?\s)?(?:will|won['’]t|would)\b/giu;
// "is set to" / "is scheduled to" after an announcing verb: the schedule announced is the news.
const SCHEDULED = /\b(?:is|are)\s+(?:set|scheduled|slated|due)\s+to\b/iu;
// A reporting or announcing verb in the past tense before a "will": the will is reported, the news is the announcement.
const ANNOUNCED =
  /\b(?:said|says|announced|confirmed|told|declared|stated|revealed|disclosed|decided|agreed|ruled|voted|signed|approved|passed|unveiled|launched|introduced|ordered)\b/iu;

// An announcing verb in the attribution that closes the sentence ("…, the Biden administration
// announced Monday."): what someone will do is their decision, announced; "said" is not enough
// ("Rates will rise next year, economists said" forecasts).
const ANNOUNCED_AFTER =
  /,\s+(?:[^,;:]{1,80}\s)?(?:announced|confirmed|declared|decided|agreed|ruled|ordered|unveiled)(?:\s+(?:on\s+)?\p{L}+)?(?:[.!]?$|,\s+(?:\p{Ll}+ly\s+)?\p{Ll}+ing\b)/iu;

// Direct speech: a quotation of several words, or a sentence that opens inside quotation marks.
const QUOTE_SPAN = /[“"]([^”"]+)[”"]/gu;
// The writer's own judgement: obligation (not a requirement in the passive, "must be ratified"),
// first and second person, exclamations.
const OBLIGATION = /\b(?:should|ought to|must(?!\s+(?:be|have been)\s+\p{L}+(?:ed|en)\b)|needs? to)\b/iu;
// Capitalised only where it opens the sentence ("My idea was …", "We gathered …"): mid-sentence
// "US" or "Our Lady" is not the writer. The reader addressed ("If you were lucky enough …",
// "… could mean you have to wait") is the writer's voice too: a report does not speak to its reader.
const FIRST_OR_SECOND_PERSON =
  /\b(?:I|we|us|our|my|me|I'm|we're|let's|let me|you|your|you're|you've|you'll)\b|^(?:We|Our|My|Let's|Let me|You|Your|You're|You've|You'll)\b/u;
// Someone else's words reported: the obligation after it is theirs, not the writer's.
const REPORTING =
  /\b(?:said|says|told|tells|argued|argues|warned|warns|urged|urges|noted|notes|insisted|insists|added|stressed|pointed out|wrote|writes|according to)\b/iu;
// Evaluative words a neutral report does not use in its own voice.
const LOADED =
  /\b(?:disastrous|shameful|outrageous|disgraceful|absurd|ridiculous|naive|naïve|reckless|dangerous game|hypocrisy|hypocritical|extremist|woke|sham|hoax|witch hunt|so-called|egregious|appalling|horrific|stunning|shocking|brazen|baseless|bogus|lying|insane|pathetic|terrible|brilliant|heroic|cowardly|tyrannical|draconian|catastrophic|scandalous|unhinged|despicable|corrupt|propaganda|hegemon\p{L}*|bullying|rogue|regime)\b/iu;

// Stance adverbs and evaluative constructions: the writer weighing in ("clearly", "is welcome",
// "not provocation but prudence", "It is not China that …").
const STANCE =
  /\b(?:clearly|obviously|surely|frankly|sadly|unfortunately|arguably|undeniably|of course|no doubt|deserves?|is welcome|the surest|the best hope|a mistake|(?:is|are|was|were)\s+(?:right|wrong)\s+to)\b|\b(?:is|are|was)\s+not\s+(?:\p{L}+\s+){1,2}but\b|^It(?:'s|’s| is)\s+not\b/iu;

/** Count of letter/digit words. */
function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** The sentence with quoted spans taken out (so a quoted "will" or "should" is not the writer's). */
function unquoted(text: string): string {
  return text.replace(QUOTE_SPAN, ' ');
}

/** True when a sentence quotes someone directly: a quoted span of four or more words, or one that opens the sentence. */
export function isDirectQuote(text: string): boolean {
  const t = text.trim();
  if (/^[“"‘]/u.test(t) && wordCount(t) >= 4) return true;
  for (const m of t.matchAll(QUOTE_SPAN)) if (wordCount(m[1]!) >= 4) return true;
  // The end of a quotation that began in the sentence before: 'Kaoru only needs one chance," he said.'
  const straight = (t.match(/"/gu) ?? []).length;
  if (straight % 2 === 1 || (/”/u.test(t) && !/“/u.test(t))) return true;
  // An unclosed quotation (the excerpt cut inside a quote).
  return /[“]/u.test(t) && !/[”]/u.test(t);
}

/** True when the writer (not a source) argues: obligation, first or second person, exclamation, loaded words, a question. */
export function isOpinion(text: string): boolean {
  const own = unquoted(text);
  const obligation = OBLIGATION.exec(own);
  if (obligation && !REPORTING.test(own)) return true;
  const mark = closingMark(text);
  return mark === '!' || mark === '?' || FIRST_OR_SECOND_PERSON.test(own) || LOADED.test(own) || STANCE.test(own);
}

/** True when a sentence makes a claim about what is yet to happen, as of the day it was published. */
// Where a sentence's news ends and a qualifying clause begins: a relative, participial or
// appositive clause (", which …", ", agreeing …", ", the highest …", " — …", "documents that call …").
const CLAUSE_BOUNDARY =
  /,\s+(?:which|where|who|whose|while|a|an|the|as|after|before|with|including|amid)\s|\s(?:who|which)\s|,\s+\p{Ll}+ing\s|\s[—–]\s|\s--\s|(?<!\b(?:said|says|announced|confirmed|stated|believes?|thinks?|told \p{L}+))\s+that\s/u;
// A verb in the past tense that reports an event (reporting verbs excluded: "said" only reports).
const PAST_EVENT =
  /\b(?!(?:said|told|announced|stated|reported|added|noted|confirmed|expected|scheduled|planned)\b)(?:\p{L}{3,}ed|held|met|made|took|gave|won|lost|led|began|became|found|sent|spent|paid|sold|bought|fell|rose|struck|hit|ran|wrote|broke|chose|drove|flew|grew|built|caught|fought|shot|cut)\b/iu;
// A reporting verb with a backshifted "would" / "could": "Ueda said further increases would follow".
const REPORTED_FUTURE =
  /\b(?:said|says|told \p{L}+|warned|predicted|signalled|signaled|indicated)\s+(?:that\s+)?(?:\p{L}+\s+){1,8}?(?:would|could|might)\s+(?!have\b)\p{L}/iu;
// A year to come after "by", "in", "until", "before".
const YEAR_AHEAD = /\b(by|in|until|before)\s+(?:the\s+end\s+of\s+|fiscal\s+)?((?:19|20)\d\d)\b/giu;

// A fronted participial or subordinate clause up to the comma before the main clause's subject (a
// capitalised word or a determiner): "Upset by …, Trump ordered", "After weeks of talks that could …, the".
// A capitalised word before "by" opening a sentence is a participle ("Upset by", "Stung by", "Backed by").
const OPENER =
  /^(?:\p{Lu}\p{Ll}+(?:ed|en|ing)|\p{Lu}\p{Ll}+(?=\s+by\s)|After|Although|Though|While|Despite|Amid|Following|With)\b[^;:]*?,\s+(?=(?:the|a|an|his|her|its|their)\s|\p{Lu})/u;

// A non-restrictive relative clause closed by a comma: ", which plans to allow travel from mid-2022,".
const ASIDE = /,\s+(?:which|who|whose)\s[^,;:]*,/gu;

// "economists had predicted …", "had been expected to": a forecast made before what the sentence reports.
const PAST_PERFECT = /\bhad\s+(?:been\s+)?(?:\p{L}+ly\s+)?$/iu;

// The modal and plan signs, global so that every match can be read.
const MODAL_OR_PLAN = [HEDGED_FUTURE, PLAN].map((re) => new RegExp(re.source, `${re.flags}g`));
const PLAN_ALL = MODAL_OR_PLAN[1]!;

// A document as the subject of "aims to" / "intends to" ("The legislation, while narrow, intends to
// bolster hate crime tracking"): a text has a purpose, not a plan; what it is for is a fact of it.
const DOCUMENT_SUBJECT =
  /\b(?:bill|legislation|law|measure|order|policy|program|programme|proposal|rule|act|regulation|package|agreement|treaty|resolution|strategy|initiative|framework|guidance|guidelines)s?(?:,[^,]{1,60},)?\s+(?:\p{Ll}+ly\s+)?$/iu;

// A past expectation set beside what happened: "more than the 3% it was expected to report", "than
// expected", "was expected to pass but was defeated". The figure or outcome is the news, not a forecast.
const PAST_EXPECTATION = /^(?:(?:was|were)\s+(?:\p{L}+\s+)?)?(?:expected|forecast|predicted|projected|anticipated)\b/iu;
const COMPARED_BEFORE =
  /\b(?:than|short of|below|above|beat|beating|missed|missing|exceeded|exceeding|topped|topping|compared with)\s+(?:[^,;:]*\s)?$/iu;
const CONTRASTED_AFTER = /^[^,;:]*\bbut\s+(?:was\s+|were\s+)?(?:\p{L}+ly\s+)?\p{L}{3,}ed\b/iu;

/** True when the forecast at `at` (its text `sign`) is an expectation of the past set beside the outcome. */
function pastExpectation(text: string, at: number, sign: string): boolean {
  if (!PAST_EXPECTATION.test(sign)) return false;
  return COMPARED_BEFORE.test(text.slice(0, at)) || CONTRASTED_AFTER.test(text.slice(at + sign.length));
}

/** True when the text names a condition or a time ("if wages rise", "on Friday"), not an indirect question. */
function conditioned(text: string): boolean {
  return WHEN_OR_IF.test(text.replace(WH_QUESTION, ' '));
}

/** The "by/in/until/before <year>" of the text whose year is after the one it was published in. */
function yearsAhead(text: string, publishedIso: string): RegExpMatchArray[] {
  const year = Number(publishedIso.slice(0, 4));
  return Number.isFinite(year) ? [...text.matchAll(YEAR_AHEAD)].filter((m) => Number(m[2]) > year) : [];
}

/** True when the text has a time still to come or a condition ("by Friday", "next year", "if wages rise"). */
function timeToCome(text: string, publishedIso: string): boolean {
  return TIME_AHEAD.test(text) || conditioned(text) || yearsAhead(text, publishedIso).length > 0;
}

/** True when the modal at `at` hedges how things are now (PRESENT_HEDGE), in a text with no time to come. */
function presentHedge(text: string, at: number, publishedIso: string): boolean {
  return PRESENT_HEDGE.test(text.slice(at)) && !timeToCome(text, publishedIso);
}

/**
 * The first match of `re` (global) in `text` that is not a past perfect forecast, a document's
 * purpose, a past expectation beside the outcome nor a hedge on the present.
 */
function firstFuture(re: RegExp, text: string, publishedIso: string): { at: number; text: string } | null {
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    if (PAST_PERFECT.test(before) || pastExpectation(text, m.index, m[0]) || presentHedge(text, m.index, publishedIso)) continue;
    if (!(re === PLAN_ALL && DOCUMENT_SUBJECT.test(before))) return { at: m.index, text: m[0] };
  }
  return null;
}

/** Where the first sign of a future stands in the text, or -1; `strong` when it is a modal or a plan rather than a date. */
function futureSign(own: string, publishedIso: string): { at: number; strong: boolean } {
  const found: { at: number; strong: boolean }[] = [];
  for (const re of MODAL_OR_PLAN) {
    const m = firstFuture(re, own, publishedIso);
    // "X announced he is set to remove …": an announced schedule, not a forecast.
    if (m && !(SCHEDULED.test(m.text) && ANNOUNCED.test(own.slice(0, m.at)))) found.push({ at: m.at, strong: true });
  }
  const timed = conditioned(own);
  const reported = REPORTED_FUTURE.exec(own);
  if (reported && timed) found.push({ at: reported.index, strong: true });
  const will = WILL.exec(own);
  // "X announced Tuesday that she will join …": the announcement is the news, not a forecast.
  // Announced in the closing attribution, a "will" and its date are a decision made, not a
  // forecast; a hedge ("could close next year, the company announced") still forecasts.
  const announced = ANNOUNCED_AFTER.test(own) && !/\b(?:could|may|might|would)\b/iu.test(own);
  if (will && timed && !ANNOUNCED.test(own.slice(0, will.index)) && !announced) found.push({ at: will.index, strong: true });
  if (!announced) {
    const time = TIME_AHEAD.exec(own);
    if (time) found.push({ at: time.index, strong: false });
    for (const m of yearsAhead(own, publishedIso)) found.push({ at: m.index!, strong: false });
  }
  return found.sort((a, b) => a.at - b.at)[0] ?? { at: -1, strong: false };
}

/**
 * True when a sentence makes a claim about what is yet to happen, as of the day it was
 * published. A past event qualified by a future ("agreed to set up a hotline, which is expected
 * to open by spring"; "adopted documents that call for … by 2027") is a fact: the future has to
 * be in the sentence's news, or follow no past event at all.
 */
// Every sign of a future above contains one of these (a cheap test first: most sentences have none).
const FUTURE_WORD =
  /\b(?:will|won|shall|going|would|could|may|might|expect|set|schedul|due|poised|likely|unlikely|slated|track|project|forecast|predict|anticipat|bound|estimat|stand|coming|upcoming|next|later|deadline|plan|intend|aim|prepar|seek|hope|vow|pledg|promis|threat|consider|weigh|mull|explor|probab|imminent|is to)|[12]\d\d\d/i;

export function isForwardLooking(sentence: string, publishedIso: string): boolean {
  if (!FUTURE_WORD.test(sentence)) return false;
  // An aside between commas qualifies a noun; where the rest reports a past event ("Australia, which
  // plans to allow travel from mid-2022, lifted a ban …"), that event is the news, not the aside's plan.
  const whole = unquoted(sentence);
  const rest = whole.replace(ASIDE, '');
  const aside = rest !== whole && PAST_EVENT.test(rest) ? rest : whole;
  // A fronted clause sets the scene; the main clause after it is the news, forecast or not ("Upset
  // by reports that it could detract from a platform he wants to launch later this year, Trump
  // ordered …" reports an order; "Backed by a large majority, the speaker will push the bill
  // through next week" forecasts, though "Backed" reads as a past event).
  const opener = OPENER.exec(aside);
  const own = opener ? aside.slice(opener[0].length) : aside;
  const sign = futureSign(own, publishedIso);
  if (sign.at < 0) return false;
  const before = own.slice(0, sign.at);
  const boundary = CLAUSE_BOUNDARY.exec(before);
  const news = boundary ? before.slice(0, boundary.index) : before;
  // A date alone ("restore hedgerows by 2050") after a past event is that event's target.
  if (!sign.strong && PAST_EVENT.test(before)) return false;
  return !(boundary && PAST_EVENT.test(news));
}

/**
 * True when a forward-looking sentence hedges ("is expected to", "likely", "could", "forecasts"):
 * a forecast, as opposed to a plan or schedule announced as the news ("Biden will meet Putin in
 * Geneva on June 16, the White House said").
 */
export function isHedgedForecast(text: string): boolean {
  return HEDGED_FUTURE.test(unquoted(text));
}

// Whose hedge it is: a source's ("officials said", "the study suggested", "according to") is reported.
const REPORTED_HEDGE = /\b(?:suggest(?:s|ed)?|found|finds|show(?:s|ed)|believes?|believed|thinks?|say|estimated?)\b/iu;
const MODAL = /\b(?:may|might|could)\b/giu;

/** True when the writer, not a source, hedges how things are ("Harris may be comfortable as …"): a judgement. */
function speculates(text: string, publishedIso: string): boolean {
  const own = unquoted(text);
  if (REPORTING.test(own) || REPORTED_HEDGE.test(own)) return false;
  return [...own.matchAll(MODAL)].some((m) => presentHedge(own, m.index, publishedIso));
}

/** The role of one sentence of an article published at `publishedIso`. */
export function sentenceRole(text: string, publishedIso: string, place: SentencePlace = { aloneInParagraph: false }): SentenceRole {
  if (isFurniture(text, place)) return 'furniture';
  if (isDirectQuote(text) || isOpinion(text)) return 'quote';
  if (isForwardLooking(text, publishedIso)) return 'prediction';
  return speculates(text, publishedIso) ? 'quote' : 'fact';
}
