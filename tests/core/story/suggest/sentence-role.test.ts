import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isDirectQuote,
  isOpinion,
  SENTENCE_ROLES,
  sentenceRole,
  type SentenceRole,
} from '../../../../src/core/story/suggest/sentence-role.js';
import { fixtureDir } from '../fixtures.js';

interface Labelled {
  role: SentenceRole;
  text: string;
  published: string;
  aloneInParagraph: boolean;
  source: string;
}

const labelled: Labelled[] = readFileSync(path.join(fixtureDir, 'sentence-roles.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Labelled);

describe('the hand-labelled sentences (tests/fixtures/story/sentence-roles.jsonl)', () => {
  it('hold at least 400 sentences of every role, each with its source', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(400);
    for (const role of SENTENCE_ROLES) expect(labelled.filter((l) => l.role === role).length).toBeGreaterThan(10);
    for (const l of labelled) expect(l.source).toMatch(/^(demo|allsides):/);
  });

  it('are told apart well enough to suggest from: predictions precise, facts rarely quotes', () => {
    const got = labelled.map((l) => sentenceRole(l.text, l.published, { aloneInParagraph: l.aloneInParagraph }));
    const precision = (role: SentenceRole) =>
      got.filter((g, i) => g === role && labelled[i]!.role === role).length / got.filter((g) => g === role).length;
    const recall = (role: SentenceRole) =>
      got.filter((g, i) => g === role && labelled[i]!.role === role).length / labelled.filter((l) => l.role === role).length;
    expect(precision('prediction')).toBeGreaterThanOrEqual(0.8);
    expect(recall('prediction')).toBeGreaterThanOrEqual(0.6);
    // Of the sentences taken as facts, quotes are few.
    const quotesAsFacts =
      got.filter((g, i) => g === 'fact' && labelled[i]!.role === 'quote').length / got.filter((g) => g === 'fact').length;
    expect(quotesAsFacts).toBeLessThan(0.1);
  });
});

describe('roles', () => {
  const day = '2023-02-22T06:00:00Z';
  it.each([
    ['China and Japan held their first security talks in four years on Wednesday.', 'fact'],
    ['"The hotline will not resolve anything by itself," said Haruka Mori.', 'quote'],
    ['Kaoru only needs one chance," manager Hajime Moriyasu said.', 'quote'],
    ['Tokyo should seize the opportunity of the consultation.', 'quote'],
    ['That is why doubling defense spending is not provocation but prudence.', 'quote'],
    ['Sun said the global security situation had changed and Japan must not follow others.', 'fact'],
    ['Major banks are likely to announce increases to their short-term prime rates next week.', 'prediction'],
    ['The agreement must be ratified by the European Parliament, and is expected to enter into force by 2027.', 'prediction'],
    ['Key Points', 'furniture'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });

  it("hears the writer's first person when it opens the sentence too", () => {
    // Capitalised at the start, the writer's "My"/"We"/"Our" is still the writer speaking (an opinion piece's lead).
    expect(isOpinion('My idea was to focus on the 50 Senate Democrats, who have held together pretty well.')).toBe(true);
    expect(sentenceRole('We gathered a number of those priorities here.', day)).toBe('quote');
    expect(sentenceRole('Our reporters counted 40 ships in the strait on Monday.', day)).toBe('quote');
    // The reader addressed is the writer speaking too.
    expect(sentenceRole('If you were online last summer, you saw cities across the country in flames.', day)).toBe('quote');
    expect(sentenceRole('A global shortage of computer chips could mean you have to wait a while and pay more.', day)).toBe('quote');
    // Not a pronoun: the country, a name, a word that only starts like one.
    expect(sentenceRole('US officials met their Chinese counterparts in Tokyo on Wednesday.', day)).toBe('fact');
    expect(sentenceRole("Myanmar's military detained the elected leader on Monday.", day)).toBe('fact');
    expect(sentenceRole('Ouray County officials closed the pass after a rockslide on Monday.', day)).toBe('fact');
  });

  it('hears the writer\'s verdict in "is right to" / "is wrong to"', () => {
    expect(isOpinion("President Joe Biden is right to resume the administration's investigation into the virus's origin.")).toBe(true);
    expect(isOpinion('The senators were wrong to block the commission.')).toBe(true);
    expect(isOpinion('The court upheld the right to protest on Monday.')).toBe(false);
  });

  it('takes short quoted phrases in reporting as reporting', () => {
    expect(isDirectQuote('Sun warned Japan against "negative moves" on Taiwan.')).toBe(false);
    expect(isOpinion('Sun warned Japan against "negative moves" on Taiwan.')).toBe(false);
  });
});

describe('a noun read as a verb of forecasting or planning, and a plan in an aside', () => {
  const day = '2021-05-25T12:00:00Z';
  it.each([
    // "projects … to" with "to" a preposition: construction projects, not a projection.
    ['The governor halted all construction projects related to the wall so that a review could take place.', 'fact'],
    ['The agency estimates that the storm will reach the coast on Friday.', 'prediction'],
    // "hope to" before a plural noun: the hope offered, not a hope to do something.
    ['The new drug offers hope to millions of patients and their families.', 'fact'],
    ['Officials hope to reopen the border by the end of the summer.', 'prediction'],
    // The aside's plan qualifies the subject; the news is the ban lifted.
    ['Australia, which plans to allow international travel from mid-2022, lifted a ban on citizens returning from India.', 'fact'],
    // With no past event beside it, the aside's forecast is the sentence's news.
    ['The bill now goes to the president, who is expected to sign it into law on Thursday.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});

describe('a future that is not the news: an indirect question, a fronted clause', () => {
  const day = '2021-05-25T12:00:00Z';
  it.each([
    // "when … will" asks a question; a clause of time takes no "will", so it is no condition.
    ['A date for when the border will reopen has not yet been set.', 'fact'],
    ['The governor will decide next month whether the border will reopen.', 'prediction'],
    // The fronted clause sets the scene; the main clause reports what happened.
    ['Stung by reports that the site could close later this year, the owner shut it down on Tuesday.', 'fact'],
    // … or forecasts, though the opener's participle reads as a past event.
    ['Backed by a large majority, the speaker will push the bill through the House next week.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});

describe('the purpose of a document', () => {
  const day = '2021-05-25T12:00:00Z';
  it.each([
    // A text has a purpose, not a plan: what it is for is a fact of it.
    ['The legislation, while narrow, intends to bolster hate crime tracking.', 'fact'],
    ['The bill aims to cut red tape for small businesses.', 'fact'],
    // A person or a body that aims to do something has a plan.
    ['The senator aims to introduce the bill next month.', 'prediction'],
    ['The company intends to cut 500 jobs.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});

describe('a past expectation set beside what happened', () => {
  const day = '2024-03-01T12:00:00Z';
  it.each([
    // The figure reported is the news; the expectation is what it is measured against.
    ['Quarterly sales climbed 8% to $4 billion, more than the market was expected to see.', 'fact'],
    ['The factory shipped 12,000 tractors in May, fewer than had been expected by dealers.', 'fact'],
    ['Orders grew 2% in the first quarter, slower than expected in a survey of economists.', 'fact'],
    ['Revenue came in at $2 billion, short of the $2.2 billion the group was expected to report.', 'fact'],
    // The expectation and the outcome that defeated it.
    ['The motion was expected to pass easily but was rejected by a single vote.', 'fact'],
    // An expectation with no outcome beside it is still a forecast.
    ['The council was expected to vote on the motion on Thursday.', 'prediction'],
    ['Sales are expected to climb more than 5% this year.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});

describe('"may" of permission and of possibility', () => {
  const day = '2024-03-01T12:00:00Z';
  it.each([
    // Permission: an act someone is allowed or forbidden states a rule, not a forecast.
    ['Under the new order, shopkeepers may not sell alcohol after 10 p.m.', 'fact'],
    ['Pupils may not use their phones during lessons, the school board ruled.', 'fact'],
    ['Tenants may reopen their shops once the inspectors leave.', 'fact'],
    // Possibility: what may happen to someone or something.
    ['Thousands of patients may not have enough protection against the new strain.', 'prediction'],
    ['The bridge may not be ready before the winter.', 'prediction'],
    ['Counting the postal ballots may take several weeks.', 'prediction'],
    ['The ferry operators might not resume sailings this month.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});

describe('a hedge on how things are, not on what will happen', () => {
  const day = '2024-03-01T12:00:00Z';
  it.each([
    // The writer's own hedge on the present is a judgement: it belongs to the outlet's narrative.
    ['The senator may be comfortable as a partisan attack dog and a historic symbol.', 'quote'],
    ['The reform could be a turning point for the region.', 'quote'],
    ['Critics who dreamed of using what may be a brief window of power have been chastened.', 'quote'],
    // A source's hedge, reported, is an attributable statement.
    ['The new strain may be more transmissible than earlier ones, scientists said.', 'fact'],
    ['The study suggested that protection from one dose might be lower against the new strain.', 'fact'],
    // A passive, a progressive, a time to come or a condition keep it a forecast.
    ['The vote could be delayed by a legal challenge.', 'prediction'],
    ['The economy could be heading for a recession.', 'prediction'],
    ['The death toll may be higher by Friday.', 'prediction'],
    ['Mortgage rates may be higher if wages keep rising.', 'prediction'],
    ['Some residents may be able to return home in the coming days.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});

describe('a decision announced in the closing attribution', () => {
  const day = '2024-03-01T12:00:00Z';
  it.each([
    // What someone will do, and when, is the decision they announced: a fact.
    ['The plant will close next year, the company announced.', 'fact'],
    ['Patients will be protected from discrimination, the health department announced Monday, reversing an earlier rule.', 'fact'],
    // "said" reports a forecast as readily as a decision; a hedge still forecasts.
    ['Rates will rise next year, economists said.', 'prediction'],
    ['The plant could close next year, the company announced.', 'prediction'],
    ['Officials expect the bridge to reopen next month, the ministry confirmed.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});

describe('a future in a relative clause that qualifies a noun', () => {
  const day = '2024-03-01T12:00:00Z';
  it.each([
    // The past event is the news; the relative clause says who the people are.
    ['The ministry has scrambled to keep paying benefits to 3 million workers who stand to lose them soon.', 'fact'],
    ['The governor signed a law which will take effect in 2027.', 'fact'],
    // A relative clause on the subject leaves the main clause's future the news.
    ['The man who killed eight people will be sentenced next month.', 'prediction'],
    ['Investors who sold their shares expect prices to fall further.', 'prediction'],
  ] as const)('%s → %s', (text, role) => {
    expect(sentenceRole(text, day)).toBe(role);
  });
});
