/**
 * Sentence hygiene: the page furniture an extracted article still carries (datelines, bylines,
 * photo captions and credits, "Read more" links, timestamps, list fragments) told apart from the
 * reporting, and the marks a sentence should not keep. Signals are how newsrooms lay out text
 * in general (an all-capitals place and a dash before a lede, "By" and names, present-tense
 * scene lines standing alone), never one site's wording.
 */

// "TOKYO (Reuters) - ", "BRUSSELS, May 3 (Reuters) -", "WASHINGTON — ", "NEW YORK (AP) — ",
// "Beijing, Jan. 4 (Xinhua) -- ": a place (in capitals, or any place followed by an agency in
// brackets), an optional date, then a dash opening the lede.
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}.'’\-]+(?:\s+\p{Lu}[\p{Lu}.'’\-]+){0,3}`;
const ANY_PLACE = String.raw`\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){0,3}`;
const DATE_PART = String.raw`(?:,\s*(?:\p{Lu}[\p{L}.]*\.?\s+)?\d{1,2}|,\s*\p{Lu}[\p{L}.]*\.?)*`;
const AGENCY = String.raw`\(\s*\p{Lu}[\p{L}\d .&+\-]{0,24}\)`;
const DASH = String.raw`\s*(?:-{1,2}|—|–)\s+`;
const DATELINE = new RegExp(
  String.raw`^(?:${CAPS_PLACE}${DATE_PART}\s*(?:${AGENCY})?|${ANY_PLACE}${DATE_PART}\s*${AGENCY}|${AGENCY})${DASH}(?=["“‘(\p{Lu}\p{N}])`,
  'u',
);

// "By Jane Doe", "By Jane Doe and John Roe, CNN", "By JANE DOE | Staff writer".
const NAME = String.raw`\p{Lu}[\p{L}.'’\-]*(?:\s+(?:de|van|von|al|bin|da|del|la|le)?\s*\p{Lu}[\p{L}.'’\-]*){0,3}`;
const BYLINE = new RegExp(String.raw`^By\s+${NAME}(?:\s*(?:,|and|&)\s*${NAME})*(?:\s*[,|•·–—-]\s*[\p{L}\d .'’]{1,40})?\.?$`, 'u');
// "(Reporting by …; Editing by …)", "Writing by …", "Additional reporting by …", "Compiled by …".
const CREDIT_LINE = /^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|translated|edited|written)\s+by\b/iu;
// Photo and video credits: "Photo: …", "(Photo by …)", "AP Photo/…", "Getty Images", "File photo".
const MEDIA_CREDIT =
  /(?:^|\()\s*(?:photo|photograph|image|picture|video|illustration|graphic)s?\s*(?::|by\b|credit\b|courtesy\b)|\b(?:getty images|ap photo|afp via getty|shutterstock|file photo|handout via)\b|^©|\bcopyright\b\s*(?:©|\d{4})/iu;
// Links and calls to action: "Read more: …", "Sign up for …", "Click here", "Follow us on …", and
// the outlet presenting its own show ("On this episode of The Federalist Radio Hour, …").
const CALL_TO_ACTION =
  /^(?:read more|read also|also read|see also|related(?: coverage| stories| articles)?:|more on this|more:|sign up|subscribe|click here|follow (?:us|him|her)\b|watch(?: live)?:|listen:|advertisement|share this|continue reading|download the|(?:on|in) (?:this|today['’]s|this week['’]s) (?:episode|edition|installment)\b)\b|\b(?:read more|click here|sign up for our)\b/iu;
// "Updated 3:45 p.m. ET", "Published: 12 May 2021", "Last modified on …".
const TIMESTAMP = /^(?:updated|published|posted|last (?:updated|modified))\b[^.]*\d/iu;
// Photo direction marks: "(L)", "(R)", "(2nd L)", "(left)", "(centre)", "pictured", "in this photo".
const CAPTION_MARK =
  /\((?:\d(?:st|nd|rd|th)\s+)?(?:L|R|C|left|right|cent(?:re|er)|front|back|top|bottom)\)|\bpictured\b|\bin this (?:file )?(?:photo|image|picture)\b|\bseen here\b/iu;

// A caption names where the picture was taken: it ends on a place ("… in Tokyo.", "… at Lusail Stadium.").
const ENDS_ON_PLACE =
  /\b(?:in|at|near|outside|inside|on)\s+(?:the\s+|a\s+)?(?:[\p{L}\d'’.-]+\s+){0,4}?\p{Lu}[\p{L}'’.-]*(?:,\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{L}+)?)?\.$/u;
// A catenative verb ("continues to defend", "is expected to weaken"): reporting, not a picture.
const CATENATIVE =
  /\b(?:continues?|seeks?|wants?|tries|plans?|aims?|hopes?|needs?|agrees?|decides?|refuses?|fails?|begins?|starts?|vows?|pledges?|expected|set|scheduled|due|likely|poised|going)\s+to\s+\p{Ll}/u;

// A verb in the past tense: regular "-ed", or a common irregular form.
const PAST_TENSE =
  /\b(?:\p{L}{2,}ed|said|told|was|were|had|did|made|took|gave|went|came|saw|met|held|won|lost|led|left|began|became|found|got|kept|brought|thought|sent|spent|paid|sold|bought|fell|rose|struck|hit|put|set|ran|wrote|spoke|broke|chose|drove|flew|grew|knew|meant|stood|understood|built|caught|fought|taught|felt|heard|read|shot|shut|split|spread|quit|let|cut|cost|bid|forbade|forgave|forgot|froze|hid|laid|lay|lit|rode|rang|sang|sank|shook|slept|slid|spun|stole|stuck|stung|swore|swept|swam|tore|threw|woke|wore|won|wound)\b/iu;
// Present tense of the third person or a present passive: how captions describe a picture.
const PRESENT_SCENE =
  /\b(?:is|are)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|wn|ld|ht)\b|\b\p{Ll}{3,}(?<!ss|us|is|ous|ics|ess)s\s+(?:at|in|on|to|with|during|after|before|as|the|a|an|his|her|their|reporters|each|hands)\b/u;

/** Count of letter/digit words. */
function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * The sentence without marks a suggestion must not carry: a leading dateline ("TOKYO (Reuters) -
 * "), a period after a sentence that already ended (a Japanese "。." or "?."), doubled spaces.
 */
export function cleanSentence(text: string): string {
  let out = text.replace(/\s+/gu, ' ').trim();
  const dateline = DATELINE.exec(out);
  if (dateline && wordCount(out.slice(dateline[0].length)) >= 3) out = out.slice(dateline[0].length);
  out = out.replace(/([。！？!?])\s*\.$/u, '$1');
  return out;
}

/** True when the text opens with a dateline (the cleaned text no longer does). */
export function hasDateline(text: string): boolean {
  return DATELINE.test(text.trim());
}

/** Where a sentence stands, as far as telling furniture goes. */
export interface SentencePlace {
  /** The sentence is the only one of its paragraph. */
  aloneInParagraph: boolean;
}

/** True for a one-line present-tense picture description: a caption, not reporting. */
export function isCaption(text: string, place: SentencePlace): boolean {
  if (CAPTION_MARK.test(text)) return true;
  if (!place.aloneInParagraph || text.length > 200 || !text.endsWith('.')) return false;
  const words = text.split(' ').length;
  if (words < 4 || words > 20 || /[“”"]/u.test(text) || !ENDS_ON_PLACE.test(text.slice(-90)) || CATENATIVE.test(text)) return false;
  const body = text.replace(/\([^)]*\)/gu, ' ');
  // "is held", "are seen": a present passive, whose participle is no past tense.
  const tensed = body.replace(/\b(?:is|are)\s+(?:\p{L}+ly\s+)?\p{L}+/giu, ' ');
  return !PAST_TENSE.test(tensed) && PRESENT_SCENE.test(body) && !/\b(?:will|would|could|may|might|should|must|has|have)\b/iu.test(body);
}

// Marks that may follow a sentence's closing mark: quotes and brackets.
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);
const CLOSING_MARKS = new Set(['.', '!', '?', '…', '。', '！', '？']);

/** The last character of a sentence before any closing quotes or brackets ('' when none). */
export function closingMark(text: string): string {
  let end = text.length;
  while (end > 0 && (CLOSERS.has(text[end - 1]!) || text[end - 1] === ' ')) end--;
  return end > 0 ? text[end - 1]! : '';
}

/** True when an excerpt breaks off ("…" or "..." at the end). */
export function isCutOff(text: string): boolean {
  const t = text.trimEnd();
  return t.endsWith('…') || t.endsWith('...');
}

/** A list item or a heading rather than a sentence: no closing mark, or opening in lower case / with a bullet. */
export function isFragment(text: string): boolean {
  const t = text.trim();
  // An excerpt cut after a few words ("It's...", "Most Americans are...") says nothing whole.
  if (isCutOff(t) && wordCount(t) < 6) return true;
  if (/^[-•*·–—▪►]\s/u.test(t)) return true;
  if (/^\p{Ll}/u.test(t) && !/^(?:e\.g\.|i\.e\.|iPhone|eBay)/u.test(t)) return true;
  // A sentence closes with . ! ? (or a cut excerpt's …), perhaps inside quotes or brackets.
  return !CLOSING_MARKS.has(closingMark(t));
}

/** True for page furniture: byline, credit, caption, call to action, timestamp, fragment. */
// Every credit, call to action and caption mark above contains one of these (a cheap test first).
const FURNITURE_WORD =
  /photo|image|picture|video|illustration|graphic|getty|shutterstock|handout|©|copyright|read|click|sign up|subscri|follow|watch|listen|advert|share|continu|download|related|more|see also|\(|pictured|seen here|episode|edition|installment/i;

export function isFurniture(text: string, place: SentencePlace = { aloneInParagraph: false }): boolean {
  const t = text.trim();
  if (BYLINE.test(t) || CREDIT_LINE.test(t) || TIMESTAMP.test(t) || isFragment(t)) return true;
  if (FURNITURE_WORD.test(t) && (MEDIA_CREDIT.test(t) || CALL_TO_ACTION.test(t) || CAPTION_MARK.test(t))) return true;
  return place.aloneInParagraph && isCaption(t, place);
}
