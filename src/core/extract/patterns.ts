/**
 * Class/id and text hints, in one place so they can be read and tuned together. They are
 * general newsroom vocabulary (CMS class names, widget vendors), never a site's own names:
 * those belong in outlet hints.
 */

/** Subtrees whose class or id names page furniture rather than article text. */
export const BOILERPLATE_CLASS = new RegExp(
  [
    '(?:^|[\\s_-])(?:comment(?!ary)|disqus|social|sharing|share|sharebar|shareline|related|recommend|promo|advert|sponsor|newsletter|subscri|signup|sign-up|sidebar|breadcrumb|outbrain|taboola|popular|trending|cookie|popup|modal|paywall|overlay|toolbar|widget|pagination|pager|jump-?link|read-?more|readmore|more-?stories|most-?read|also-?read|see-?also|next-?article|prev-?article|author-?bio|author-?info|about-?the-?author|caption|credit|copyright|disclaimer|tags|tag-?list|keywords|topics|masthead|skip|visually-?hidden|sr-only|screen-?reader|print-?only|byline|dateline|timestamp|meta-?data|post-?meta|entry-?meta|article-?meta|rating|vote|login|footer|header|nav|navbar|menu|banner)',
    '(?:^|[\\s_-])(?:ad|ads|adv|advert|dfp|gpt|nav|tag|rss)(?=$|[\\s_-]|\\d)',
  ].join('|'),
);

/** Class/id of the article body itself: these are never removed as boilerplate. */
export const BODY_CLASS =
  /(?:^|[\s_-])(?:article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|story-?text|post-?body|post-?content|post-?text|entry-?content|entry-?body|body-?text|main-?content|content-?body|text-?body|rich-?text|articletext|field-?body|td-post-content|c-entry-content|article__body|article__content|story__body|content__article-body)(?=$|[\s_])/;

/** Class/id words that raise a container's content score. */
export const POSITIVE_CLASS = /article|body|content|entry|main|page|post|text|blog|story|hentry|prose/;

/** Class/id words that lower a container's content score. */
export const NEGATIVE_CLASS =
  /comment|combx|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|shoutbox|sidebar|skyscraper|sponsor|shopping|share|social|tags|tool|widget|hidden|banner|byline|author|dateline|writtenby|breadcrumb|recirc|newsletter|subscribe/;

/** Short standalone lines that are page furniture in any article body. */
export const BOILERPLATE_LINE =
  /^(?:advertisement|advertising|anzeige|publicité|publicidade|pubblicità|реклама|광고|sponsored(?: content)?|share(?: this)?(?: article| story)?|share on \w+|tweet|email|print|read more\b.*|related\b.*|recommended\b.*|more from\b.*|see also\b.*|click here\b.*|sign up\b.*|subscribe\b.*|follow us\b.*|image:.*|photo:.*|getty images|ap photo.*|reuters\/?.*|continue reading.*|don'?t miss\b.*|must read\b.*|read also\b.*|also read\b.*|watch:.*|listen:.*|more:.*|tags?:.*|tags|topics?:?|story continues below.*|\(?function\s*\(.*)$/i;

/** Text that says the page shows only a teaser to non-subscribers. */
export const PAYWALL_TEXT =
  /subscribe to (?:continue|read)|subscribers? only|already a subscriber|to continue reading|this (?:article|content) is (?:for|available to) (?:subscribers|members)|sign in to (?:continue|read)|register to continue reading|premium content|exclusive to subscribers|this story is for subscribers/i;

/** Class/id of paywall and teaser overlays. */
export const PAYWALL_CLASS = /paywall|piano|meter(?:ed)?-?wall|subscriber-only|premium-?(?:content|article|wall)|regwall|tp-modal|article-?locked|locked-?content/;

/** A short line that is a date or a "published by" line rather than prose. */
export const DATELINE =
  /^(?:(?:published|posted|updated|publicado|atualizado|pubblicato|aggiornato|veröffentlicht|опубликовано)\b.{0,80}|(?:[\p{L}-]+,\s*)?\d{1,2}\.?\s+(?:de\s+)?\p{L}+\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b.{0,20}|(?:[\p{L}-]+,\s*)?\p{L}+\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b.{0,20}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b.{0,80})$/iu;

/**
 * Sign-off lines at the foot of article bodies: copyright notices, "follow us", contact and
 * newsletter pitches, credits lines, gallery counters. Longer than furniture lines, so each
 * pattern is specific and anchored at the start.
 */
export const SIGN_OFF_LINE =
  /^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved|.{0,80}\ball rights reserved\.?$|follow (?:us|him|her|them|@|the\b|[\p{Lu}][\p{L}.-]+ [\p{Lu}][\p{L}-]+ on)|email [\p{L} .-]{2,40} at \S+@|image \d+ of \d+|\(?(?:additional )?(?:reporting|writing|editing) by\b|citation:|this (?:document|article|material|story) (?:is subject to copyright|may not be)|have a (?:news )?tip\b|more great \w+ stories|join (?:our|the) [\p{L} ]{0,30}(?:forums?|community|newsletter|conversation)|if you (?:enjoyed|liked|value) this (?:article|story)|get the latest\b.{0,60}\b(?:inbox|newsletter)|.{0,40}무단\s?전재|기사입력)/iu;

/** A byline line inside the body: "By Jane Doe - 11/18/19 11:04 PM EST", "By Jane Doe and John Roe". */
export const BYLINE_LINE =
  /^by\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})*(?:\s*[-|,•·–—]\s*.{0,60})?$/u;
