import type { Rng } from '../prng.js';
import { contentPoint, insertAll, prologPoint, repeat, sized, splice } from './splice.js';
import type { Mutator } from './types.js';

/** "Billion laughs": ten levels of internal entities, each referencing the previous ten times. */
export function billionLaughsDoctype(root: string, levels = 10): string {
  const declarations = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level < levels; level++) declarations.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  return `<!DOCTYPE ${root} [${declarations.join('')}]>`;
}

/** "Quadratic blowup": one large entity referenced many times, which no nesting limit catches. */
function quadraticDoctype(root: string, rng: Rng): string {
  return `<!DOCTYPE ${root} [<!ENTITY big "${'x'.repeat(rng.between(1000, 60_000))}">]>`;
}

/** External entities (XXE): a reader that resolves them leaks local files or calls out. */
function externalDoctype(root: string): string {
  return `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "http://169.254.169.254/latest/meta-data/">%remote;]>`;
}

/** Prepend an entity-expanding DOCTYPE and reference its entity from element content. */
export const entityBomb: Mutator = {
  name: 'entity-bomb',
  weight: 3,
  apply(input, { rng }) {
    const variant = rng.int(3);
    const root = rng.pick(['rss', 'feed', 'rdf:RDF', 'html', 'x']);
    const doctype = variant === 0 ? billionLaughsDoctype(root) : variant === 1 ? quadraticDoctype(root, rng) : externalDoctype(root);
    const reference = variant === 0 ? `&lol${rng.between(3, 9)};` : variant === 1 ? '&big;' : '&xxe;';
    const references = variant === 1 ? rng.between(100, 50_000) : rng.between(1, 20);
    const prolog = prologPoint(input);
    const body = input.subarray(prolog);
    // References go into element content after the prolog, never into the DOCTYPE itself.
    const inserts = Array.from({ length: Math.min(references, 50) }, () => ({
      at: contentPoint(body, rng),
      bytes: repeat(reference, Math.ceil(references / Math.min(references, 50))),
    }));
    return Buffer.concat([input.subarray(0, prolog), Buffer.from(doctype), insertAll(body, inserts)]);
  },
};

const REFERENCES = ['&amp;', '&#38;', '&#x26;', '&nbsp;', '&lt;', '&undefined-entity;', '&#99999999;', '&#x0;', '&#xD800;', '&amp', '&'];

/** Thousands of entity and character references (and broken ones) in one text run. */
export const referenceFlood: Mutator = {
  name: 'reference-flood',
  weight: 5,
  apply(input, { rng, scale }) {
    const count = sized(rng.between(1000, 200_000), scale);
    const unit = rng.chance(0.5) ? '&amp;' : Array.from({ length: 8 }, () => rng.pick(REFERENCES)).join('');
    return splice(input, contentPoint(input, rng), repeat(unit, Math.ceil(count / (unit === '&amp;' ? 1 : 8))));
  },
};
