import { attributePoint, contentPoint, repeat, sized, splice } from './splice.js';
import type { Mutator } from './types.js';

const TAGS = [
  'item',
  'entry',
  'p',
  'div',
  'a',
  'li',
  'title',
  'span',
  'table',
  'td',
  'font',
  'b',
  'script',
  'svg',
  'x:y',
  'channel',
  'article',
  'noscript',
];

/** Tens of thousands of sibling tags: closed, unclosed or self-closing. */
export const tagBomb: Mutator = {
  name: 'tag-bomb',
  weight: 3,
  apply(input, { rng, scale }) {
    const tag = rng.pick(TAGS);
    const count = sized(rng.chance(0.2) ? 100_000 : rng.between(1000, 30_000), scale);
    const unit = rng.pick([`<${tag}>x</${tag}>`, `<${tag}>`, `<${tag}/>`, `</${tag}>`, `<${tag} a="1">y`]);
    return splice(input, contentPoint(input, rng), repeat(unit, count));
  },
};

/** Elements nested up to 100,000 deep, closed or left open, with text at the bottom. */
export const deepNesting: Mutator = {
  name: 'deep-nesting',
  weight: 3,
  apply(input, { rng, scale }) {
    const tag = rng.pick(TAGS);
    const depth = sized(rng.chance(0.3) ? 100_000 : rng.between(300, 20_000), scale);
    const closed = rng.chance(0.5);
    const nested = Buffer.concat([
      repeat(`<${tag}>`, depth),
      Buffer.from('deep text '.repeat(40)),
      closed ? repeat(`</${tag}>`, depth) : Buffer.alloc(0),
    ]);
    return splice(input, contentPoint(input, rng), nested);
  },
};

/** One attribute of megabytes (quoted, unquoted or never closed), or thousands of attributes. */
export const hugeAttribute: Mutator = {
  name: 'huge-attribute',
  weight: 3,
  apply(input, { rng, scale }) {
    let at = attributePoint(input, rng);
    let output = input;
    if (at < 0) {
      output = splice(input, contentPoint(input, rng), '<div>');
      at = attributePoint(output, rng);
    }
    const variant = rng.int(4);
    if (variant === 3) {
      const count = sized(rng.between(500, 20_000), scale);
      const many = Array.from({ length: count }, (_, i) => ` a${i}="${i}"`).join('');
      return splice(output, at, many);
    }
    const size = sized(rng.between(64 * 1024, 4 * 1024 * 1024), scale);
    const value = repeat(rng.pick(['A', ' ', '&amp;', 'é', '<', "'"]), size);
    const open = variant === 0 ? ' data-x="' : variant === 1 ? ' href=' : ' title="';
    const close = variant === 0 ? '"' : '';
    return splice(output, at, Buffer.concat([Buffer.from(open), value, Buffer.from(close)]));
  },
};

const OPENERS = [
  '<![CDATA[',
  '<!--',
  '<?xml version="1.0"',
  '<!DOCTYPE rss [',
  '<!ENTITY x "',
  '<script>',
  '<style>',
  '<textarea>',
  '<title>',
  '<a href="',
  '&#x',
  '<![if',
  '<!',
  '</',
  '<',
];

/** A construct opened and never closed: CDATA, comment, PI, DOCTYPE subset, raw-text element. */
export const unterminated: Mutator = {
  name: 'unterminated',
  weight: 8,
  apply(input, { rng }) {
    const at = contentPoint(input, rng);
    const opener = Buffer.from(rng.pick(OPENERS));
    // Cut right after the opener half the time, so nothing later can close it.
    return rng.chance(0.5) ? Buffer.concat([input.subarray(0, at), opener]) : splice(input, at, opener);
  },
};
