import { isStopword } from './stopwords.js';
import { stemEnglish } from './stem.js';
import { isUnspacedScript } from './language.js';

/** One content word of a text, ready to count. */
export interface Token {
  /** Normalised key: lower-cased, stemmed for English. */
  term: string;
  /** A name: capitalised away from a sentence start, or an acronym. */
  entity: boolean;
}

/** What a text yields: its content words, multi-word names and quantities. */
export interface Tokens {
  words: Token[];
  /** Multi-word capitalised spans ("joe biden", "supreme court"), stemmed, as one key each. */
  names: string[];
  /** Numbers with a unit ("50%", "$2.5 billion" → "2.5 billion"), as one key each. */
  quantities: string[];
}

const segmenters = new Map<string, Intl.Segmenter>();

/** One cached word segmenter per language: creating one costs far more than using it. */
function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

const UNITS = new Set([
  '%',
  'percent',
  'per cent',
  'million',
  'billion',
  'trillion',
  'thousand',
  'km',
  'kilometers',
  'kilometres',
  'miles',
  'mile',
  'tons',
  'tonnes',
  'degrees',
  'dead',
  'killed',
  'people',
  'seats',
  'votes',
  'points',
]);
const SENTENCE_END = /[.!?:;"“”\n]/;
const UPPER = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u;
const NUMBER = /^\d[\d.,]*$/;

/** Normalises one word to its counting key, or null when it carries nothing (stopword, particle). */
function keyOf(raw: string, lang: string): string | null {
  let word = raw
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[’'.]/g, '');
  if (!word) return null;
  if (isUnspacedScript(lang)) return word.length < 2 && !/[\u4e00-\u9fff]/.test(word) ? null : word;
  if (isStopword(word, lang)) return null;
  if (lang === 'en') word = stemEnglish(word);
  return word.length < 2 && !NUMBER.test(word) ? null : word;
}

/**
 * Splits a text into content words with Intl.Segmenter (which segments Japanese and Chinese
 * by dictionary), marks names, and collects multi-word names and quantities.
 * `maxWords` bounds the work on long bodies.
 */
export function tokenize(text: string, lang: string, maxWords: number): Tokens {
  const words: Token[] = [];
  const names: string[] = [];
  const quantities: string[] = [];
  let span: string[] = [];
  let atSentenceStart = true;
  let previousNumber: string | null = null;
  let currency = false;
  const closeSpan = () => {
    if (span.length >= 2) names.push(span.join(' '));
    span = [];
  };
  const parts = segments(text, lang);
  // Headlines in Title Case capitalise every word: there, only acronyms mark names.
  const titleCase = looksTitleCased(parts);
  for (const part of parts) {
    const raw = part.segment;
    if (!part.isWordLike) {
      if (raw === '%' && previousNumber) quantities.push(previousNumber + '%');
      if (raw.includes('$')) currency = true;
      if (SENTENCE_END.test(raw) || (raw !== ' ' && raw !== '-' && raw !== '’' && raw !== "'")) closeSpan();
      if (SENTENCE_END.test(raw)) atSentenceStart = true;
      if (raw.trim() && raw !== '-' && raw !== '%' && raw !== '$') previousNumber = null;
      continue;
    }
    if (words.length >= maxWords) break;
    const key = keyOf(raw, lang);
    const capitalised = UPPER.test(raw);
    const acronym = ACRONYM.test(raw);
    const isName = key !== null && (acronym || (capitalised && !atSentenceStart && !titleCase));
    if (capitalised && key !== null && !titleCase && (isName || span.length > 0 || atSentenceStart)) span.push(key);
    else closeSpan();
    if (NUMBER.test(raw)) {
      if (currency) quantities.push('$' + raw);
      previousNumber = raw;
    } else {
      if (previousNumber && UNITS.has(raw.toLowerCase())) quantities.push(previousNumber + ' ' + raw.toLowerCase());
      previousNumber = null;
    }
    currency = false;
    atSentenceStart = false;
    if (key !== null) words.push({ term: key, entity: isName });
  }
  closeSpan();
  return { words, names, quantities };
}

/** A piece of text: a word, or a punctuation mark / line break between words. */
interface Segment {
  segment: string;
  isWordLike: boolean;
}

// Words (letters, marks, digits, with inner apostrophes and dots: "Biden's", "U.S"), single
// punctuation marks, and line breaks; plain spaces are skipped.
const SPACED_WORDS = /([\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*)|(\s*\n\s*)|([^\s\p{L}\p{M}\p{N}])/gu;

/**
 * Segments a text. Languages written without spaces go through Intl.Segmenter's dictionary;
 * spaced scripts through one regular expression, which gives the same words about ten
 * times faster (the segmenter dominated the per-article cost).
 */
function segments(text: string, lang: string): Segment[] {
  if (isUnspacedScript(lang))
    return [...segmenterFor(lang).segment(text)].map((s) => ({ segment: s.segment, isWordLike: s.isWordLike ?? false }));
  const out: Segment[] = [];
  for (const match of text.matchAll(SPACED_WORDS)) out.push({ segment: match[0], isWordLike: match[1] !== undefined });
  return out;
}

/** Whether most longer words of a text start with a capital, as in Title Case headlines. */
function looksTitleCased(parts: Segment[]): boolean {
  let long = 0;
  let capitalised = 0;
  for (const part of parts) {
    if (!part.isWordLike || part.segment.length < 4) continue;
    long++;
    if (UPPER.test(part.segment)) capitalised++;
  }
  return long >= 3 && capitalised / long > 0.6;
}
