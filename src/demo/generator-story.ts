import { angleSentences, fillerSentences, topics, type Topic } from './generator-topics.js';
import type { NameMaker } from './generator-names.js';
import { storyDetails } from './generator-details.js';
import type { Rng } from './prng.js';
import type { DemoOutlet } from './types.js';

/** One synthetic story: a topic plus entities and numbers that only it uses. */
export interface StorySeed {
  key: string;
  topic: Topic;
  /** Placeholder values shared by every article about the story. */
  values: Record<string, string>;
  /** The topic's sentences this story's reports draw on (each story tells its own part). */
  facts: string[];
  /** Sentences and headlines only this story has (see generator-details.ts). */
  details: string[];
  headlines: string[];
  /** UTC ms of the first report. */
  startsAt: number;
}

/** How one outlet words things. */
export interface OutletVoice {
  said: [string, string];
  percent: string;
  wireDateline: boolean;
  /** Word swaps this outlet always makes ("officials" → "authorities"), applied in one pass. */
  swaps: { pattern: RegExp; to: Map<string, string> };
}

/** Interchangeable wordings; each outlet settles on one of each, as house styles do. */
const synonymSets: string[][] = [
  ['people', 'residents', 'citizens'],
  ['officials', 'authorities', 'the authorities'],
  ['warned', 'cautioned'],
  ['killed', 'left dead'],
  ['residents', 'locals', 'inhabitants'],
  ['announced', 'unveiled', 'disclosed'],
  ['expected', 'forecast', 'projected'],
  ['criticism', 'censure', 'scrutiny'],
  ['government', 'administration', 'cabinet'],
  ['company', 'firm', 'group'],
  ['shares', 'stock'],
  ['workers', 'employees', 'staff'],
  ['began', 'started', 'kicked off'],
  ['destroyed', 'wrecked', 'ruined'],
  ['crucial', 'decisive', 'critical'],
  ['immediately', 'straight away', 'at once'],
  ['questions', 'doubts', 'queries'],
  ['remained', 'stayed', 'were still'],
  ['largest', 'biggest'],
  ['reported', 'recorded', 'logged'],
];

/** An outlet's house style: which wording of each synonym set it uses. */
export function pickSwaps(rng: Rng): OutletVoice['swaps'] {
  const to = new Map<string, string>();
  for (const set of synonymSets) {
    const choice = rng.pick(set);
    for (const word of set) if (word !== choice && !to.has(word)) to.set(word, choice);
  }
  const words = [...to.keys()].sort((a, b) => b.length - a.length);
  return { pattern: new RegExp(`\\b(?:${words.join('|')})\\b`, 'g'), to };
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const backgroundTemplates = [
  'Concerns over {T1} have dominated public debate in {RG} for months.',
  'Critics say the problems with {T1} in {CO} were years in the making.',
  'In {PL}, talk of {T1} and {T2} filled radio phone-ins throughout {Day}.',
  'People in {RG} said the {T1} had changed daily life in ways that were hard to measure.',
  'The debate over {T2} is likely to shape politics in {CO} for some time.',
  'Coverage of the {T2} in {CO} has drawn comparisons with events a decade ago.',
  '{P1s} has previously spoken about {T1} in interviews with broadcasters in {PL}.',
  'Images of the {T2} near {PL} were widely shared online.',
  'Community leaders in {RG} called for calm and for clear information about the {T1}.',
  'Local newspapers in {PL} devoted their front pages to the {T2} for a second day.',
  'Several lawmakers from {RG} said they would raise the {T1} in parliament next week.',
  'Researchers at a university in {PL} said the {T2} fitted a pattern seen across {CO} in recent years.',
  'Business owners in {PL} said the {T1} had already cost them customers.',
  'The {ORG} has published regular updates on the {T2} on its website.',
];

/** Quotes anyone in a story might give; who says them differs by article. */
const quoteTemplates = [
  '"We are doing everything we can, and we will keep people informed," {P1s} {said}.',
  '"This is not the time for blame, but there will be questions to answer," {P2s} {said}.',
  '"Nobody here has seen anything like it," said a resident of {PL} who asked not to be named.',
  '"The {T1} is only part of the picture," said an analyst who follows {CO} closely.',
  '"We need a plan that works for {RG}, not just for the capital," {P2s} {said}.',
  '"The numbers speak for themselves," {P1s} {said} of the {T2}.',
  '"People want clear answers and they want them quickly," a community organiser in {PL} {said}.',
];

/** Invents a story: picks a topic and names its people, places and numbers. */
export function makeStory(rng: Rng, names: NameMaker, key: string, baseYear: number, startsAt: number): StorySeed {
  const topic = rng.pick(topics);
  const p1 = names.person();
  const p2 = names.person();
  const [r1, r2] = topic.roles;
  const values: Record<string, string> = {
    P1: p1.full,
    P1s: p1.surname,
    P2: p2.full,
    P2s: p2.surname,
    R1: r1,
    R2: r2,
    PL: names.word(),
    RG: `${rng.pick(['Northern', 'Southern', 'Eastern', 'Western', 'Upper', 'Lower'])} ${names.word()}`,
    CO: names.word(3),
    ORG: `${names.word()} ${topic.orgKind}`,
    K1: names.word(),
    K2: names.word(),
    N1: formatNumber(rng.between(...topic.numbers[0])),
    N2: formatNumber(rng.between(...topic.numbers[1])),
    N3: String(rng.between(...topic.numbers[2])),
    Y: String(baseYear + rng.between(1, 4)),
    Day: rng.pick(weekdays),
    T1: rng.pick(topic.terms),
    T2: rng.pick(topic.terms),
  };
  const [lead, ...rest] = topic.sentences;
  // The topic's first sentence is its lede; a story keeps five of the others.
  const facts = [lead!, ...rng.shuffle(rest).slice(0, 5)];
  const own = storyDetails(rng, names, 16);
  return { key, topic, values, facts, details: own.sentences, headlines: own.headlines, startsAt };
}

/** Title, summary and paragraphs of one outlet's article about a story (several hundred words). */
export function writeArticle(
  rng: Rng,
  story: StorySeed,
  outlet: DemoOutlet,
  voice: OutletVoice,
): { title: string; summary: string; paragraphs: string[] } {
  const fill = (template: string) => fillTemplate(template, story.values, voice, rng);
  const facts = rng.shuffle(story.facts);
  const lead = facts.shift()!;
  // Each article tells part of the story: a different subset of its facts and its own details.
  // Boilerplate every newsroom writes (background, stock quotes, filler) is a small share, as in
  // real reports: with most of an article in it, stories of one topic read alike (docs/performance.md).
  const sentences = [
    ...facts.slice(0, rng.between(1, 3)),
    ...rng.shuffle(story.details).slice(0, rng.between(12, 14)),
    ...rng.shuffle(story.topic.forward).slice(0, 1),
    ...rng.shuffle(backgroundTemplates).slice(0, rng.between(0, 1)),
    ...rng.shuffle(quoteTemplates).slice(0, 1),
    ...rng.shuffle(fillerSentences).slice(0, rng.between(0, 1)),
  ];
  const angle = outlet.kind === 'opinion' || outlet.kind === 'state-media' ? angleSentences[outlet.kind] : [];
  const body = rng.shuffle(sentences).map(fill);
  // The angle goes near the end, where commentary usually sits.
  body.splice(Math.max(0, body.length - 3), 0, ...angle.map(fill));

  const paragraphs: string[] = [];
  const first = fill(lead);
  paragraphs.push(voice.wireDateline ? `${story.values.PL!.toUpperCase()} (${outlet.name}) - ${first}` : first);
  while (body.length) paragraphs.push(body.splice(0, rng.between(2, 3)).join(' '));
  // Half the headlines are the topic's ("Floods kill 40 in …"), half the story's own.
  const headline = rng.chance(0.5) ? rng.pick(story.topic.headlines) : rng.pick(story.headlines);
  return { title: fill(headline), summary: first, paragraphs };
}

/** Fills {placeholders}; "{N3}th" becomes a proper ordinal. */
export function fillTemplate(template: string, values: Record<string, string>, voice: OutletVoice, rng: Rng): string {
  // House style applies to the template's own words, before names and numbers go in.
  const styled = voice.swaps.to.size ? template.replace(voice.swaps.pattern, (word) => voice.swaps.to.get(word) ?? word) : template;
  return styled
    .replace(/\{N3\}th/g, () => ordinal(Number(values.N3)))
    .replace(/\{said\}/g, () => rng.pick(voice.said))
    .replace(/\{pc\}/g, voice.percent)
    .replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function ordinal(n: number): string {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${tail}`;
}

/** Thousands separators without locale data, so output is the same on every machine. */
function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
