import type { NameMaker } from './generator-names.js';
import type { Rng } from './prng.js';

/**
 * Sentences of one story's own: written once per story from frames whose content words are
 * drawn from wide pools and from names only this story uses, then shared by the story's
 * articles. Real reports of two floods share a few words ("rain", "rescue"), not their
 * sentences; without these, stories of one topic differed only in names and clustered together.
 */

// Frames hold mostly function words: the content comes from the story's draws ({n} noun, {ns}
// plural noun, {v} past-tense verb, {a} adjective, {o} occupation) and its invented names.
const frames = [
  '{X1}, a {o} from {X2}, {said} the {a} {n} had {v} {N} {ns} since {M}.',
  'In {X2}, {N} {ns} were {v} near the old {n} of {X3} on {Day}.',
  'The {X3} {n} {v} its {a} {ns} for the first time since {M}, according to {X1}.',
  '{X1} {said} the {ns} at {X2} had been {v} twice before {M}.',
  'About {N} {ns} from {X3} {v} the {a} {n} by late afternoon.',
  'A {o} at the {X2} {n}, {X1}, {said} {N} {ns} had {v} overnight.',
  'Records kept at {X3} show the {n} {v} {N} {ns} in {M}.',
  'The {a} {n} between {X2} and {X3} was {v} by {N} {ns}.',
  '{X1}, who {v} the {X3} {n} for years, {said} the {ns} were {a}.',
  'Photographs from {X2} showed {a} {ns} beside the {n} on {Day}.',
  'By {M}, {X3} had {v} {N} {ns} and a {a} {n}.',
  'The {o} {X1} {said} {ns} in {X2} were {v} within hours.',
  'Before {M}, the {n} at {X3} was {a} and its {ns} were {v} each week.',
  '{X1} {said} {N} {ns} had {v} the {a} {n} outside {X2}.',
  'Maps of {X2} mark the {n} where {ns} {v} in {M}.',
  'Near {X3}, the {a} {n} was {v} and {N} {ns} moved away.',
  'Neighbours of the {n} in {X2} {said} the {ns} there had been {v} by {Day} evening.',
  'The last time {ns} were {v} at {X3}, in {M}, the {a} {n} stayed shut for weeks.',
];

// Headlines of a story's own, from the same draws.
const headlineFrames = [
  '{X2} {n} {v} as {ns} wait',
  '{X1}: {ns} {v} at {a} {X3} {n}',
  '{N} {ns} {v} near {X2}',
  'Inside the {a} {n} of {X3}',
];

const pools = {
  n: 'harbour warehouse clinic depot ferry quarry reservoir marketplace courthouse tunnel pier hangar silo bakery orchard vineyard pipeline mill refinery granary chapel stadium library terminal aqueduct brewery dockyard garrison lighthouse monastery observatory pavilion plantation sawmill shipyard tannery textile-works viaduct watchtower gasworks abattoir boathouse canal causeway citadel cloister dairy distillery foundry furnace kiln laboratory lockkeeper meadow mineshaft parish pharmacy printworks racecourse railhead ropeworks schoolhouse smelter spillway substation tramline weir wharf',
  ns: 'lorries cattle barrels generators tractors containers pallets ambulances volunteers students pensioners merchants fishermen nurses drivers engineers apprentices tenants shepherds carpenters plumbers electricians couriers cyclists passengers tourists pilgrims vendors welders porters clerks stewards surveyors masons bakers brewers farmhands dockers miners weavers tailors cooks gardeners lifeguards sailors tanners coopers',
  v: 'inspected evacuated rebuilt shuttered requisitioned auctioned dredged fenced reopened abandoned relocated catalogued repainted dismantled rationed salvaged patrolled mortgaged insured leased surveyed refitted sealed flooded cordoned restocked reclaimed demolished vacated fortified drained irrigated harvested ferried smuggled stockpiled audited rerouted quarantined',
  a: 'crumbling disused makeshift municipal derelict privately-owned century-old overcrowded half-built newly-painted waterlogged rusted fenced-off cramped sprawling abandoned refurbished temporary hillside riverside lakeside windswept sunlit cobbled whitewashed thatched timber-framed brick-built narrow-gauge',
  o: 'schoolteacher shopkeeper ferryman midwife pharmacist blacksmith locksmith beekeeper chemist stonemason landlord postmaster veterinarian harbourmaster librarian surveyor electrician carpenter welder baker florist greengrocer tailor cobbler glazier plumber joiner pastor notary',
};
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const words = Object.fromEntries(Object.entries(pools).map(([k, v]) => [k, v.split(' ')])) as Record<keyof typeof pools, string[]>;

/**
 * `count` sentences and two headlines of a story's own, with `{said}` left for the outlet's
 * voice. Names: a person (X1) and two places (X2, X3) no other story uses; nouns, verbs and
 * figures drawn per sentence.
 */
export function storyDetails(rng: Rng, names: NameMaker, count: number): { sentences: string[]; headlines: string[] } {
  const person = names.person();
  const own: Record<string, string> = { X1: person.full, X2: names.word(), X3: names.word() };
  const fill = (frames: string[], n: number) =>
    rng
      .shuffle(frames)
      .slice(0, n)
      .map((frame) =>
        frame
          .replace(/\{(\w+)\}/g, (whole, key: string) => {
            if (key === 'said') return whole;
            if (key in own) return own[key]!;
            if (key === 'N') return String(rng.between(3, 900));
            if (key === 'M') return rng.pick(months);
            if (key === 'Day') return rng.pick(weekdays);
            return rng.pick(words[key as keyof typeof pools]);
          })
          .replace(/\ba (?=[aeiou])/g, 'an ')
          .replace(/^./, (c) => c.toUpperCase()),
      );
  return { sentences: fill(frames, count), headlines: fill(headlineFrames, 2) };
}
