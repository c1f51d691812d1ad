import type { Outlet } from '../../model/index.js';
import { actorOf } from './main-actors.js';

/** Short labels for AllSides-style leans. */
const LEAN_LABELS: Record<string, string> = {
  left: 'Left',
  'lean left': 'Centre-left',
  'lean-left': 'Centre-left',
  'centre left': 'Centre-left',
  'center left': 'Centre-left',
  'centre-left': 'Centre-left',
  'center-left': 'Centre-left',
  center: 'Centre',
  centre: 'Centre',
  'lean right': 'Centre-right',
  'lean-right': 'Centre-right',
  'centre right': 'Centre-right',
  'center right': 'Centre-right',
  'centre-right': 'Centre-right',
  'center-right': 'Centre-right',
  right: 'Right',
  mixed: 'Mixed',
};

/** Demonyms for common country codes and names, for outlets with no perspective at all. */
const DEMONYMS: Record<string, string> = {
  us: 'American',
  usa: 'American',
  'united states': 'American',
  gb: 'British',
  uk: 'British',
  'united kingdom': 'British',
  jp: 'Japanese',
  japan: 'Japanese',
  cn: 'Chinese',
  china: 'Chinese',
  ru: 'Russian',
  russia: 'Russian',
  de: 'German',
  germany: 'German',
  fr: 'French',
  france: 'French',
  in: 'Indian',
  india: 'Indian',
  qa: 'Qatari',
  qatar: 'Qatari',
  ua: 'Ukrainian',
  ukraine: 'Ukrainian',
  tw: 'Taiwanese',
  taiwan: 'Taiwanese',
  kr: 'South Korean',
  il: 'Israeli',
  israel: 'Israeli',
  ir: 'Iranian',
  iran: 'Iranian',
  ca: 'Canadian',
  au: 'Australian',
  sg: 'Singaporean',
  hk: 'Hong Kong',
};

/** The short label of a lean ("lean right" → "Centre-right"), or null when it is not one. */
export function leanLabel(lean: string): string | null {
  return LEAN_LABELS[lean.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

/** The actor a tag speaks about ("pro-China" → "China", "US-centre" → "US"), or null for a general tag ("liberal"). */
export function tagActor(tag: string): string | null {
  const target = tag
    .replace(/^(pro|anti|non)[-\s]+/i, '')
    .replace(/[-\s]+(centre|center|centric|aligned|leaning|sceptic|skeptic|critical|friendly|government|state)$/i, '');
  return actorOf(target);
}

function capitalise(tag: string): string {
  const t = tag.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * The perspective label of an outlet's narrative on a story: a configured tag that speaks
 * about one of the story's actors ("pro-China" on a China–Japan story → "Pro-China"); else the
 * article's lean ("lean right" → "Centre-right"); else a general tag ("liberal" → "Liberal");
 * else the outlet's country ("Japanese", never for a wire service); else "Independent".
 */
export function perspectiveLabel(outlet: Outlet, context: { lean?: string | null; actors: string[] }): string {
  // Of the tags that speak about the story's actors, the one about its most named actor.
  const rankOf = (tag: string): number => {
    const actor = tagActor(tag);
    return actor === null ? -1 : context.actors.indexOf(actor);
  };
  const onStory = outlet.perspective.filter((tag) => rankOf(tag) >= 0).sort((a, b) => rankOf(a) - rankOf(b))[0];
  // A bare country tag ("Japan") reads as its demonym: "Japanese narrative".
  if (onStory) return DEMONYMS[onStory.trim().toLowerCase()] ?? capitalise(onStory);
  const fromLean = context.lean ? leanLabel(context.lean) : null;
  if (fromLean) return fromLean;
  const general = outlet.perspective.find((tag) => tagActor(tag) === null && tag.trim() !== '');
  if (general) return leanLabel(general) ?? capitalise(general);
  // A wire service writes for every country: its own is no perspective.
  const demonym = outlet.kind === 'wire' ? undefined : DEMONYMS[outlet.country.trim().toLowerCase()];
  if (demonym) return demonym;
  return 'Independent';
}
