/**
 * Class/id and text hints of extraction, as named lists: one pattern a line, each with what it
 * is for and an example it must match (tests/core/extract/patterns.test.ts checks every one).
 * They are general newsroom vocabulary (CMS class names, widget and paywall vendors, wire
 * agencies, the same notice in several languages), never one site's own names or sentences:
 * those belong in the outlet's extraction hints in config (`drop` selectors).
 */

/** One alternative of a list: its regular expression, what it is for, and text it must match. */
export interface NamedPattern {
  pattern: RegExp;
  note: string;
  examples: readonly string[];
}

/** A list of alternatives and how they are joined into one regular expression. */
export interface PatternList {
  patterns: readonly NamedPattern[];
  /** The whole expression around the alternatives (`ALTERNATIVES` is replaced by them). */
  template: string;
  flags: string;
}

const ALTERNATIVES = 'ALTERNATIVES';
const p = (pattern: RegExp, note: string, ...examples: string[]): NamedPattern => ({ pattern, note, examples });

/** One regular expression from a list (or from some of its patterns, as the tests do). */
export function compileList(list: PatternList, patterns: readonly NamedPattern[] = list.patterns): RegExp {
  return new RegExp(list.template.replace(ALTERNATIVES, patterns.map((named) => named.pattern.source).join('|')), list.flags);
}

/** Class/id words (as a word's start) of subtrees that are page furniture rather than article text. */
export const BOILERPLATE_CLASS_WORDS: PatternList = {
  template: String.raw`(?:^|[\s_-])(?:ALTERNATIVES)`,
  flags: '',
  patterns: [
    p(/comment(?!ary)|disqus/, 'reader comments and their vendor (not "commentary", an article kind)', 'comments', 'disqus_thread'),
    p(/social|sharing|share/, 'share buttons and bars', 'social-icons', 'article-sharing', 'sharebar'),
    p(
      /related|recommend|popular|trending|more-?stories|most-?read|also-?read|see-?also/,
      'links to other articles',
      'related-links',
      'most-read',
    ),
    p(/next-?article|prev-?article|read-?more|jump-?link/, 'links onward or within the page', 'next-article', 'readmore'),
    p(/promo|advert|sponsor|outbrain|taboola/, 'advertising and its recommendation-widget vendors', 'promo-box', 'taboola-below'),
    p(/newsletter|subscri|signup|sign-up|login/, 'sign-up and subscription pitches', 'newsletter-signup', 'subscribe-cta'),
    p(/sidebar|widget|toolbar|breadcrumb|pagination|pager/, 'page chrome around the article', 'sidebar', 'breadcrumbs'),
    p(
      /masthead|footer|header|nav|menu|banner|skip/,
      'site header, footer, navigation and skip links',
      'site-footer',
      'navbar',
      'skip-link',
    ),
    p(/cookie|popup|modal|paywall|overlay/, 'consent banners, pop-ups and paywall overlays', 'cookie-consent', 'modal'),
    p(/author-?bio|author-?info|about-?the-?author/, 'author boxes', 'author-bio'),
    p(
      /byline|dateline|timestamp|meta-?data|post-?meta|entry-?meta|article-?meta/,
      'bylines and dates (read from metadata instead)',
      'byline',
      'post-meta',
    ),
    p(/caption|credit|copyright|disclaimer/, 'image captions, credits and legal notes', 'image-caption', 'photo-credit'),
    p(/tags|tag-?list|keywords|topics/, 'tag and topic lists', 'tag-list', 'topics'),
    p(/visually-?hidden|sr-only|screen-?reader|print-?only/, 'text hidden from the screen', 'sr-only', 'visually-hidden'),
    p(/rating|vote/, 'rating and voting widgets', 'star-rating'),
  ],
};

/** Class/id words that are boilerplate only as a whole word (`ad`, not `add` or `header`). */
export const BOILERPLATE_CLASS_EXACT: PatternList = {
  template: String.raw`(?:^|[\s_-])(?:ALTERNATIVES)(?=$|[\s_-]|\d)`,
  flags: '',
  patterns: [
    p(/ad|ads|adv|dfp|gpt/, 'ad slots, including Google Publisher Tag / DoubleClick ones', 'ad', 'ad-slot', 'gpt-ad', 'dfp2'),
    p(/tag|rss/, 'a tag, an RSS subscribe link', 'tag', 'rss-link'),
  ],
};

/** Class/id of the article body itself: these are never removed as boilerplate. */
export const BODY_CLASS_WORDS: PatternList = {
  template: String.raw`(?:^|[\s_-])(?:ALTERNATIVES)(?=$|[\s_])`,
  flags: '',
  patterns: [
    p(
      /article-?body|article-?content|article-?text/,
      'the usual CMS names of an article body',
      'article-body',
      'articlebody',
      'td-post-content article-content',
    ),
    p(/story-?body|story-?content|story-?text/, 'the same, called a story', 'story-body'),
    p(
      /post-?body|post-?content|post-?text|entry-?content|entry-?body/,
      'blog engines (WordPress and themes built on it)',
      'entry-content',
      'td-post-content',
    ),
    p(
      /body-?text|main-?content|content-?body|text-?body|rich-?text|field-?body/,
      'generic body containers (Drupal fields, rich-text blocks)',
      'field-body',
      'rich-text',
    ),
    p(/article__body|article__content|story__body/, 'the same in BEM notation', 'article__body', 'story__body'),
  ],
};

/** Class/id words that raise a container's content score (anywhere in the name). */
export const POSITIVE_CLASS_WORDS: PatternList = {
  template: 'ALTERNATIVES',
  flags: '',
  patterns: [
    p(/article|story|post|entry|blog/, 'names of an article', 'hentry', 'blogpost'),
    p(/body|content|main|page|text|prose/, 'names of the main content', 'maincontent', 'prose'),
  ],
};

/** Class/id words that lower a container's content score (anywhere in the name). */
export const NEGATIVE_CLASS_WORDS: PatternList = {
  template: 'ALTERNATIVES',
  flags: '',
  patterns: [
    p(/comment|combx|shoutbox|contact/, 'comments and contact forms', 'comments', 'shoutbox'),
    p(/foot|masthead|sidebar|skyscraper|scroll|tool|widget|hidden|banner|breadcrumb/, 'page chrome', 'footnote', 'skyscraper-ad'),
    p(/media|meta|byline|author|dateline|writtenby/, 'media boxes and article metadata', 'writtenby', 'media-box'),
    p(/outbrain|promo|related|sponsor|shopping|recirc/, 'advertising and recirculation', 'recirc-module'),
    p(/share|social|tags|newsletter|subscribe/, 'sharing, tags and sign-up pitches', 'social-share'),
  ],
};

/** Short standalone lines that are page furniture in any article body (the whole line). */
export const BOILERPLATE_LINE_PATTERNS: PatternList = {
  template: '^(?:ALTERNATIVES)$',
  flags: 'i',
  patterns: [
    p(
      /advertisement|advertising|anzeige|publicité|publicidade|pubblicità|реклама|광고/,
      'the ad label, in several languages',
      'Advertisement',
      'Anzeige',
    ),
    p(/sponsored(?: content)?/, 'the sponsored label', 'Sponsored content'),
    p(
      /share(?: this)?(?: article| story)?|share on \w+|tweet|email|print/,
      'share and print buttons',
      'Share this article',
      'Share on Facebook',
    ),
    p(
      /read more\b.*|read also\b.*|also read\b.*|continue reading.*|story continues below.*/,
      'links to read on',
      'Read more: the full report',
      'Story continues below advertisement',
    ),
    p(
      /related\b.*|recommended\b.*|more from\b.*|see also\b.*|more:.*/,
      'links to other articles',
      'Related: Markets fall',
      'More from Business',
    ),
    p(
      /more (?:\S+ ){0,3}(?:stories|news|articles|coverage)/,
      'the heading of a list of other articles',
      'More news',
      'More top stories',
      'More great science stories',
    ),
    p(/don'?t miss\b.*|must read\b.*/, 'teasers for other articles', "Don't miss: the week in pictures"),
    p(/click here\b.*|sign up\b.*|subscribe\b.*|follow us\b.*/, 'calls to action', 'Sign up for our newsletter', 'Follow us on X'),
    p(
      /image:.*|photo:.*|getty images|ap photo.*|reuters\/?.*/,
      'photo credits (wire agencies and picture libraries)',
      'Photo: Jane Doe',
      'AP Photo/John Roe',
    ),
    p(/watch:.*|listen:.*/, 'links to video and audio', 'Watch: the launch'),
    p(/tags?:.*|tags|topics?:?/, 'tag lists', 'Tags: politics, europe', 'Topics'),
    p(/\(?function\s*\(.*/, 'inline script that leaked into the text', '(function(d, s, id) { var js;'),
  ],
};

/** Text that says the page shows only a teaser to non-subscribers (anywhere in the page). */
export const PAYWALL_TEXT_PATTERNS: PatternList = {
  template: 'ALTERNATIVES',
  flags: 'i',
  patterns: [
    p(
      /subscribe to (?:continue|read)|to continue reading/,
      'a prompt to continue',
      'Subscribe to continue reading',
      'Register to continue reading',
    ),
    p(
      /subscribers? only|already a subscriber|exclusive to subscribers|this story is for subscribers/,
      'subscriber-only notices',
      'Already a subscriber? Log in',
    ),
    p(
      /this (?:article|content) is (?:for|available to) (?:subscribers|members)|premium content/,
      'members-only notices',
      'This article is available to subscribers',
    ),
    p(/sign in to (?:continue|read)/, 'a sign-in wall', 'Sign in to read the full story'),
  ],
};

/** Class/id of paywall and teaser overlays (anywhere in the name). */
export const PAYWALL_CLASS_WORDS: PatternList = {
  template: 'ALTERNATIVES',
  flags: '',
  patterns: [
    p(/paywall|meter(?:ed)?-?wall|regwall/, 'pay, metered and registration walls', 'paywall', 'metered-wall'),
    p(/piano|tp-modal/, 'Piano, the paywall vendor, and its modal', 'tp-modal'),
    p(
      /subscriber-only|premium-?(?:content|article|wall)|article-?locked|locked-?content/,
      'locked article bodies',
      'premium-content',
      'article-locked',
    ),
  ],
};

/** A short line that is a date or a "published by" line rather than prose (the whole line). */
export const DATELINE_PATTERNS: PatternList = {
  template: '^(?:ALTERNATIVES)$',
  flags: 'iu',
  patterns: [
    p(
      /(?:published|posted|updated|publicado|atualizado|pubblicato|aggiornato|veröffentlicht|опубликовано)\b.{0,80}/u,
      '"published …" in several languages',
      'Published 3 hours ago',
      'Atualizado em 12/03/2024',
    ),
    p(
      /(?:[\p{L}-]+,\s*)?\d{1,2}\.?\s+(?:de\s+)?\p{L}+\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b.{0,20}/u,
      'day month year, with a weekday or "de"',
      'Monday, 5 March 2024',
      '5 de março de 2024',
    ),
    p(/(?:[\p{L}-]+,\s*)?\p{L}+\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b.{0,20}/u, 'month day, year', 'March 5, 2024 10:00 ET'),
    p(/\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b.{0,80}/u, 'numeric dates, day or month first', '05.03.2024 14:00'),
    p(
      /\D{0,20}(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+[a-z]{2,4})?[\s\])}]*/u,
      'numeric dates, year first, with a time and a short label (East Asian sites)',
      '2024-03-05 14:00 JST',
      '입력 : [ 2024-03-05 14:00 ]',
      '发布时间：2024/03/05',
    ),
  ],
};

/**
 * Sign-off lines at the foot of article bodies (the line's start): copyright notices, "follow
 * us", contact and newsletter pitches, credits lines, gallery counters. Longer than furniture
 * lines, so each pattern is specific.
 */
export const SIGN_OFF_LINE_PATTERNS: PatternList = {
  template: '^(?:ALTERNATIVES)',
  flags: 'iu',
  patterns: [
    p(/copyright\b|©|\(c\)\s*\d{4}/u, 'copyright notices', '© 2024 Example Media', '(c) 2024 Example'),
    p(
      /all rights reserved|.{0,80}\ball rights reserved\.?$/u,
      '"all rights reserved", alone or ending a line',
      'Example News. All rights reserved.',
    ),
    p(
      /.{0,40}무단\s?전재/u,
      'the Korean press copyright notice ("no reproduction without permission")',
      '저작권자 © 예시뉴스 무단전재 및 재배포 금지',
    ),
    p(
      /this (?:document|article|material|story) may not be/u,
      'wire redistribution notices',
      'This material may not be published, broadcast, rewritten or redistributed.',
    ),
    p(
      /this (?:document|article|material|story|content) is (?:subject to|protected by) copyright/u,
      'copyright notices that start with "this"',
      'This article is protected by copyright.',
    ),
    p(
      /.{0,200}\bretrieved (?:on )?\d{1,2} \p{L}+ \d{4} from https?:/u,
      'a "cite this article" line (retrieved DATE from URL)',
      'Cite: Storm hits coast (2024, March 5) retrieved 6 March 2024 from https://news.example/storm',
    ),
    p(
      /follow (?:us|him|her|them|@|the\b|[\p{Lu}][\p{L}.-]+ [\p{Lu}][\p{L}-]+ on)/u,
      'follow-us pitches',
      'Follow us on Instagram',
      'Follow Jane Doe on X',
    ),
    p(/email [\p{L} .-]{2,40} at \S+@/u, 'contact lines', 'Email Jane Doe at jane@example.com'),
    p(
      /.{0,120}\b(?:can|may) be reached at\b/u,
      "a reporter's contact line",
      'Jane Doe can be reached at jane@example.com.',
      'Have a tip? John Roe may be reached at 555-0100.',
    ),
    p(/image \d+ of \d+/u, 'gallery counters', 'Image 3 of 12'),
    p(/\(?(?:additional )?(?:reporting|writing|editing) by\b/u, 'credits lines', '(Reporting by Jane Doe; Editing by John Roe)'),
    p(/join (?:our|the) [\p{L} ]{0,30}(?:forums?|community|newsletter|conversation)/u, 'community pitches', 'Join the conversation'),
    p(/if you (?:enjoyed|liked|value) this (?:article|story)/u, 'support pitches', 'If you value this article, please subscribe'),
    p(/get the latest\b.{0,60}\b(?:inbox|newsletter)/u, 'newsletter pitches', 'Get the latest headlines delivered to your inbox'),
  ],
};

/** A capitalised name of one to four words ("Jane Doe"; every word capitalised). */
const NAME = String.raw`[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}`;

/** A byline line inside the body (the whole line). */
export const BYLINE_LINE_PATTERNS: PatternList = {
  template: '^(?:ALTERNATIVES)$',
  flags: 'u',
  patterns: [
    p(
      new RegExp(String.raw`[Bb]y\s+${NAME}(?:\s*(?:,|and|&)\s*${NAME})*(?:\s*[-|,•·–—]\s*.{0,60})?`, 'u'),
      '"By" and one or more capitalised names, then perhaps a date',
      'By Jane Doe - 11/18/19 11:04 PM EST',
      'By Jane Doe and John Roe',
    ),
  ],
};

/** Subtrees whose class or id names page furniture rather than article text. */
export const BOILERPLATE_CLASS = new RegExp(
  `${compileList(BOILERPLATE_CLASS_WORDS).source}|${compileList(BOILERPLATE_CLASS_EXACT).source}`,
);
/** Class/id of the article body itself: these are never removed as boilerplate. */
export const BODY_CLASS = compileList(BODY_CLASS_WORDS);
export const POSITIVE_CLASS = compileList(POSITIVE_CLASS_WORDS);
export const NEGATIVE_CLASS = compileList(NEGATIVE_CLASS_WORDS);
export const BOILERPLATE_LINE = compileList(BOILERPLATE_LINE_PATTERNS);
export const PAYWALL_TEXT = compileList(PAYWALL_TEXT_PATTERNS);
export const PAYWALL_CLASS = compileList(PAYWALL_CLASS_WORDS);
export const DATELINE = compileList(DATELINE_PATTERNS);
export const SIGN_OFF_LINE = compileList(SIGN_OFF_LINE_PATTERNS);
export const BYLINE_LINE = compileList(BYLINE_LINE_PATTERNS);
