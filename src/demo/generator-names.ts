import type { Rng } from './prng.js';

const onsets = ['b', 'br', 'd', 'dr', 'f', 'g', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'tr', 'v', 'z', 'sh', 'th'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const codas = ['', '', '', 'n', 'r', 'l', 's', 'k', 'm', 'th'];

/**
 * Invents pronounceable names that no other call of the same instance returns, so every
 * story's entities are its own and stories stay separable by their proper nouns.
 */
export class NameMaker {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A new capitalised word of two or three syllables ("Velmora", "Kastrin"). */
  word(syllables?: number): string {
    for (let tries = 0; ; tries++) {
      const count = syllables ?? this.rng.between(2, 3);
      let w = '';
      for (let i = 0; i < count; i++) w += this.rng.pick(onsets) + this.rng.pick(vowels) + (i === count - 1 ? this.rng.pick(codas) : '');
      // After many collisions, lengthen: the space of names is large but not endless.
      if (tries > 20) w += this.rng.pick(vowels) + this.rng.pick(onsets);
      const name = w.charAt(0).toUpperCase() + w.slice(1);
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }

  /** A new person: given name and surname, both invented. */
  person(): { full: string; surname: string } {
    const given = this.word(2);
    const surname = this.word(this.rng.between(2, 3));
    return { full: `${given} ${surname}`, surname };
  }
}

/** Words for outlet names: invented towns make them unique, the nouns make them newsy. */
export const outletNouns = [
  'Courier',
  'Herald',
  'Ledger',
  'Dispatch',
  'Tribune',
  'Observer',
  'Wire',
  'Post',
  'Chronicle',
  'Gazette',
  'Times',
  'Review',
  'Bulletin',
  'Monitor',
  'Sentinel',
  'Journal',
  'Record',
  'Star',
  'Daily',
  'News',
];

/** Section names for generated feeds; numbered when an outlet needs more. */
export const sectionNames = [
  'world',
  'business',
  'politics',
  'science',
  'sport',
  'culture',
  'health',
  'technology',
  'environment',
  'local',
];
