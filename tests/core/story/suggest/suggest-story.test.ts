import { describe, expect, it } from 'vitest';
import { isForwardLooking, perspectiveLabel, sourcesLine, splitSentences, suggestStory } from '../../../../src/core/story/index.js';
import { article, chinaJapan, outlet, sameTextFromTwoOutlets } from '../fixtures.js';

describe('suggestions for the China–Japan talks (the seed situation)', () => {
  const { outlets, articles } = chinaJapan();
  const s = suggestStory(articles, outlets);
  const name = (id: string) => outlets.find((o) => o.id === id)!.name;

  it('puts first the facts several outlets report, each with its outlets and articles', () => {
    expect(s.facts.length).toBeGreaterThanOrEqual(3);
    const talks = s.facts[0]!;
    expect(talks.text).toMatch(/first official security talks in four years/);
    expect(talks.outlets).toEqual(['aljazeera', 'kyodo', 'cnbc', 'guardian']);
    expect(talks.articles).toEqual(['a-aj', 'a-ky', 'a-cn', 'a-gu']);
    expect(s.facts.some((f) => /direct line of communication/.test(f.text) && f.outlets.length >= 3)).toBe(true);
    // The same fact is never suggested twice in other words.
    expect(s.facts.filter((f) => /first (official )?security talks/.test(f.text))).toHaveLength(1);
  });

  it('takes no fact from the opinion piece or the state-media commentary', () => {
    const narrativeOnly = s.facts.filter((f) => f.outlets.includes('thehill') || f.outlets.includes('chinamil'));
    expect(narrativeOnly).toEqual([]);
  });

  it('lists as sources the news outlets behind the facts, in order of first report, not the narrative outlets', () => {
    expect(s.sources.map(name)).toEqual(['Al Jazeera', 'Kyodo News+', 'Reuters', 'The Japan Times', 'CNBC', 'Guardian']);
    expect(sourcesLine(s.sources.map(name))).toBe('Sources: Al Jazeera, Kyodo News+, Reuters, The Japan Times, CNBC, and Guardian.');
  });

  it("offers narrative slots with state media and opinion first, labelled from tags and the story's actors", () => {
    expect(s.actors.slice(0, 2).sort()).toEqual(['China', 'Japan']);
    expect(s.narratives.slice(0, 2).map((n) => [n.label, n.outletId])).toEqual([
      ['Pro-China', 'chinamil'],
      ['Anti-China', 'thehill'],
    ]);
    // Wires that say nothing of their own get no slot; the other news outlets follow.
    expect(s.narratives.map((n) => n.outletId)).not.toContain('reuters');
    expect(s.narratives.find((n) => n.outletId === 'japantimes')!.label).toBe('Japanese');
  });

  it('suggests as excerpts what only that outlet says', () => {
    const hill = s.narratives.find((n) => n.outletId === 'thehill')!;
    expect(hill.articles).toEqual(['a-hi']);
    expect(hill.excerpts[0]).toMatch(/naïve belief in pacifism/);
    const aj = s.narratives.find((n) => n.outletId === 'aljazeera')!;
    expect(aj.excerpts).toEqual(['Analysts in the region welcomed the meeting as a modest first step.']);
  });

  it('suggests no prediction where the outlets only report what was agreed, like the seed', () => {
    // "agreed to set up a hotline, which is expected to be operational by spring" is a fact with its target date.
    expect(s.predictions).toEqual([]);
    expect(s.facts.filter((f) => /direct line of communication/.test(f.text))).toHaveLength(1);
  });

  it('describes coverage', () => {
    expect(s.coverage).toMatchObject({ outlets: 8, articles: 8, oneGroup: false, oneGroupReason: null });
    expect(s.coverage.countries).toEqual(['QA', 'JP', 'GB', 'US', 'CN']);
    expect(s.coverage.kinds).toContain('state-media');
  });

  it('takes the title from the most central headline', () => {
    expect(s.title).toBe('China and Japan hold first security talks in four years');
    expect(s.titleArticleId).toBe('a-aj');
  });

  it('does not depend on the order articles are given in', () => {
    expect(suggestStory([...articles].reverse(), new Map(outlets.map((o) => [o.id, o])))).toEqual(s);
  });
});

describe('thin corroboration', () => {
  it('falls back to the most central sentences of one outlet and flags a one-country story', () => {
    const outlets = [outlet({ id: 'a', name: 'Alpha', country: 'US' }), outlet({ id: 'b', name: 'Beta', country: 'US' })];
    const s = suggestStory(
      [
        article({
          id: 'x1',
          outletId: 'a',
          published: '2024-05-01T10:00:00Z',
          section: null,
          title: 'Storm hits coast',
          text: 'A storm hit the coast of Maine on Monday, cutting power to 40,000 homes.\n\nCrews from three states were sent to restore lines.',
        }),
        article({
          id: 'x2',
          outletId: 'b',
          published: '2024-05-01T11:00:00Z',
          section: null,
          title: 'Fishing fleet idle',
          text: 'The Portland fishing fleet stayed in harbour for a second day.\n\nThe harbour master said boats would sail again on Thursday.',
        }),
      ],
      outlets,
    );
    expect(s.facts.length).toBeGreaterThan(0);
    expect(s.facts.every((f) => f.outlets.length === 1 && !f.corroborated)).toBe(true);
    expect(s.coverage).toMatchObject({ oneGroup: true, oneGroupReason: 'country' });
    expect(s.narratives.map((n) => n.label)).toEqual(['American', 'American']);
  });
});

describe('perspective labels', () => {
  const o = (perspective: string[], country = '') => outlet({ id: 'o', name: 'O', perspective, country });
  it.each([
    [['pro-Russia', 'pro-China'], ['China', 'Japan', 'Russia'], null, 'Pro-China'],
    [['anti-China'], ['China', 'Japan'], null, 'Anti-China'],
    [['pro-Russia'], ['China', 'Japan'], 'lean right', 'Centre-right'],
    [[], [], 'Left', 'Left'],
    [[], [], 'lean left', 'Centre-left'],
    [['liberal'], ['China'], null, 'Liberal'],
    [['Japan'], ['China', 'Japan'], null, 'Japanese'],
  ])('%j on a story about %j with lean %s → %s', (tags, actors, lean, label) => {
    expect(perspectiveLabel(o(tags), { actors, lean })).toBe(label);
  });
  it('falls back to the country, then to "Independent"', () => {
    expect(perspectiveLabel(o([], 'JP'), { actors: [] })).toBe('Japanese');
    expect(perspectiveLabel(o([], ''), { actors: [] })).toBe('Independent');
  });
});

describe('forward-looking sentences', () => {
  it.each([
    ['Japan seeks to double defense spending to 2% of GDP by 2027.', true],
    ['The hotline would reportedly be operational by spring.', true],
    ['The bill is expected to pass the House next week.', true],
    ['Officials will meet again in Beijing next month.', true],
    ['The summit takes place in 2025.', true],
    ['Major banks are likely to announce increases to their prime rates next week.', true],
    ['Mori said a visit to Beijing could come later this year.', true],
    ['Governor Ueda said more increases were likely if the outlook holds.', true],
    // A forecasting verb in the present, even after a past participle ("polled").
    ['Most economists polled by Reuters expect the next increase, to 1%, by the middle of next year.', true],
    ['The treaty was signed in 2019.', false],
    ['The will of the people was clear.', false],
    ['The talks ended on Wednesday.', false],
    // Announcements and what a concluded deal provides are news of what happened, not forecasts.
    ['Noem announced Tuesday that she will join the campaign.', false],
    ["Georgia's secretary of state announced he is set to remove 100,000 names from voter rolls.", false],
    ['Under the agreement, Australia will scrap its 5% tariff on European cars.', false],
    // A past event qualified by its own target date stays a fact.
    ['Both sides agreed to set up a hotline, which is expected to be operational by spring.', false],
    ['Japan adopted security documents in December that call for doubling defense spending by 2027.', false],
    ['The sides agreed to set up a direct line of communication by spring.', false],
    // Someone's quoted "will" is the quote's, not the sentence's.
    ['"We will win," the coach said.', false],
    // "could not" is what someone was unable to do; a past perfect forecast was made before the news.
    ['A judge vacated the moratorium on evictions set up last year to protect renters who could not pay their rent.', false],
    ['This was far less than economists had predicted the economy would add.', false],
    ['Infections may not fall before the summer.', true],
    // "a … plan to" is a noun; "plans to" after a subject is an intention.
    ['Senators approved a massive spending plan to boost research.', false],
    ['Belgium plans to ease nearly all lockdown measures from June 9.', true],
  ])('%s → %s', (sentence, expected) => {
    expect(isForwardLooking(sentence, '2023-02-22T06:00:00Z')).toBe(expected);
  });
});

describe('sentences', () => {
  it('does not break after abbreviations, initials or "U.S."', () => {
    const s = splitSentences('Sen. Josh Hawley of the U.S. Senate voted no. John F. Kennedy was cited.\n\nThe bill passed 94-1...');
    expect(s.map((x) => x.text)).toEqual([
      'Sen. Josh Hawley of the U.S. Senate voted no.',
      'John F. Kennedy was cited.',
      'The bill passed 94-1...',
    ]);
    expect(s.map((x) => [x.paragraph, x.truncated])).toEqual([
      [0, false],
      [0, false],
      [1, true],
    ]);
  });

  it('marks the sentences a quotation spans, its middle included, within one paragraph', () => {
    const s = splitSentences(
      'The vote was 7-2. “We are ready. The deal is done. We move on,” she said. Markets rose.\n\n' +
        '"It is over. Nobody wins," he said. He left.\n\n“The talks will resume. They always do.\n\nThe next round is in May.',
    );
    expect(s.map((x) => x.quotation)).toEqual([
      null,
      { first: 1, last: 3 },
      { first: 1, last: 3 },
      { first: 1, last: 3 },
      null,
      { first: 5, last: 6 },
      { first: 5, last: 6 },
      null,
      // Open at the paragraph's end: the quotation ends with its paragraph.
      { first: 8, last: 9 },
      { first: 8, last: 9 },
      null,
    ]);
  });
});

describe('a fact that leans on the sentence before', () => {
  it('is not suggested, even when every outlet carries it', () => {
    const { outlets, articles } = sameTextFromTwoOutlets(
      'Senate passes infrastructure bill',
      '2021-08-10',
      'The Senate passed the infrastructure bill by 69 votes to 30 on Tuesday after weeks of talks.\n\n' +
        'It drew support from 19 Republicans, including minority leader Mitch McConnell.',
    );
    const facts = suggestStory(articles, outlets).facts.map((f) => f.text);
    expect(facts.some((f) => f.startsWith('The Senate passed the infrastructure bill'))).toBe(true);
    expect(facts.filter((f) => f.startsWith('It '))).toEqual([]);
  });
});

describe('narrative excerpts', () => {
  it('put the sentences that say who they speak of before those that lean on the sentence before', () => {
    const outlets = [outlet({ id: 'wire', name: 'Wire' }), outlet({ id: 'paper', name: 'Paper', perspective: ['Gulf'] })];
    const lede = 'Japan beat Saudi Arabia 2-1 in the Asian Cup final in Lusail on Saturday.';
    const articles = [
      article({ id: 'w1', outletId: 'wire', section: null, title: 'Japan win Asian Cup', published: '2024-02-10T20:00:00Z', text: lede }),
      article({
        id: 'p1',
        outletId: 'paper',
        section: null,
        title: 'Saudi Arabia lose Asian Cup final',
        published: '2024-02-10T21:00:00Z',
        text:
          `${lede}\n\nTheir coach praised the players for a brave run to the final.\n\nThe tournament drew more than 1.5 million spectators, a record for the competition.` +
          '\n\nSaudi fans had travelled to Qatar in their tens of thousands for the match.',
      }),
    ];
    const paper = suggestStory(articles, outlets).narratives.find((n) => n.outletId === 'paper')!;
    // One of the two sentences that say who they speak of is a fact; the other comes before the one that leans.
    expect(paper.excerpts).toHaveLength(2);
    expect(paper.excerpts[0]).toMatch(/^(?:The tournament|Saudi fans)/);
    expect(paper.excerpts[1]).toBe('Their coach praised the players for a brave run to the final.');
  });
});

describe('a narrative excerpt that leans on the sentence before', () => {
  const outlets = [
    outlet({ id: 'wire', name: 'Wire' }),
    outlet({ id: 'other', name: 'Other' }),
    outlet({ id: 'paper', name: 'Paper', perspective: ['Japanese'] }),
  ];
  const lede = 'China and Japan agreed on Wednesday to set up a hotline between their defence ministries.';
  const story = (paperText: string) => [
    article({
      id: 'w1',
      outletId: 'wire',
      section: null,
      title: 'China, Japan agree hotline',
      published: '2026-12-02T09:00:00Z',
      text: lede,
    }),
    article({ id: 'o1', outletId: 'other', section: null, title: 'Hotline agreed', published: '2026-12-02T09:30:00Z', text: lede }),
    article({
      id: 'p1',
      outletId: 'paper',
      section: null,
      title: 'Japan and China set up hotline',
      published: '2026-12-02T10:00:00Z',
      text: paperText,
    }),
  ];
  const excerptsOf = (paperText: string) =>
    suggestStory(story(paperText), outlets).narratives.find((n) => n.outletId === 'paper')!.excerpts;

  it('comes with the sentence it points back to, so that it reads alone', () => {
    const excerpts = excerptsOf(
      `${lede}\n\n"We will answer that telephone day and night," a defence ministry official told reporters. It is meant to stop a collision at sea from spiralling into a crisis.`,
    );
    // The quote, an excerpt of its own, is the start of the leaning sentence's excerpt: given once.
    expect(excerpts).toEqual([
      '"We will answer that telephone day and night," a defence ministry official told reporters. It is meant to stop a collision at sea from spiralling into a crisis.',
    ]);
  });

  it('comes alone where the sentence before is already a fact of the story', () => {
    expect(excerptsOf(`${lede} It is meant to stop a collision at sea from spiralling into a crisis.`)).toEqual([
      'It is meant to stop a collision at sea from spiralling into a crisis.',
    ]);
  });
});

describe('a prediction that leans on the sentence before', () => {
  it('is not suggested: alone it does not say who', () => {
    const { outlets, articles } = sameTextFromTwoOutlets(
      'Census shifts House seats',
      '2021-04-26',
      'The Census Bureau released its count of the population on Monday.\n\n' +
        'Thirteen states will gain or lose seats in the House of Representatives in next year’s elections.\n\n' +
        'They will also lose or gain votes in the Electoral College beginning in 2024.',
    );
    const predictions = suggestStory(articles, outlets).predictions.map((p) => p.text);
    expect(predictions.some((p) => /^Thirteen states will gain or lose seats/.test(p))).toBe(true);
    expect(predictions.filter((p) => p.startsWith('They '))).toEqual([]);
  });
});

describe('a quotation of several sentences', () => {
  const outlets = [outlet({ id: 'wire', name: 'Wire' }), outlet({ id: 'paper', name: 'Paper' })];
  const text = (extra: string) =>
    'The central bank raised its policy rate to 0.75% on Friday, the highest level since 1995.\n\n' +
    'The yen firmed after the decision was announced in Tokyo.\n\n' +
    extra;
  const articles = [
    article({
      id: 'w1',
      outletId: 'wire',
      section: null,
      title: 'Central bank raises rate to 0.75%',
      published: '2025-12-19T04:00:00Z',
      text: text(''),
    }),
    article({
      id: 'p1',
      outletId: 'paper',
      section: null,
      title: 'Central bank lifts rate to 0.75%, highest since 1995',
      published: '2025-12-19T05:00:00Z',
      text: text(
        '"The message is clearly hawkish. The board sees inflation holding near its target for years. ' +
          'Borrowers should prepare," said Daniel Okafor, a strategist at Harbour Lane Capital.',
      ),
    }),
  ];
  const s = suggestStory(articles, outlets);

  it('is one excerpt, whole, with its attribution', () => {
    const paper = s.narratives.find((n) => n.outletId === 'paper')!;
    expect(paper.excerpts).toEqual([
      '"The message is clearly hawkish. The board sees inflation holding near its target for years. Borrowers should prepare," said Daniel Okafor, a strategist at Harbour Lane Capital.',
    ]);
  });

  it('gives no fact, not even its sentence without quotation marks', () => {
    expect(s.facts.length).toBeGreaterThan(0);
    expect(s.facts.filter((f) => /inflation holding/.test(f.text))).toEqual([]);
  });
});

describe('facts stated as a neutral account would state them', () => {
  const outlets = [outlet({ id: 'wire', name: 'Wire' }), outlet({ id: 'paper', name: 'Paper' })];
  const articles = [
    article({
      id: 'w1',
      outletId: 'wire',
      title: 'Newsom recall qualifies for the ballot',
      published: '2021-04-26T10:00:00Z',
      section: null,
      text: 'The effort to recall California Gov. Gavin Newsom has enough signatures to qualify for the ballot, according to data released by the secretary of state on Monday.\n\nBut the number of valid signatures is expected to grow, as counties have until April 29 to confirm the remaining ones...',
    }),
    article({
      id: 'p1',
      outletId: 'paper',
      title: 'Campaign to oust Newsom qualifies for the ballot',
      published: '2021-04-26T11:00:00Z',
      section: null,
      text: 'A campaign to recall Gov. Gavin Newsom of California has qualified for the ballot, officials said on Monday.\n\nOrganizers collected 1,626,042 valid signatures, more than the 1,495,709 signatures required.',
    }),
  ];
  const s = suggestStory(articles, outlets);

  it('drops attribution tails, dangling openers and broken-off tails, keeping the outlets behind each fact', () => {
    const recall = s.facts.find((f) => /qualif/.test(f.text))!;
    expect(recall.outlets).toEqual(['wire', 'paper']);
    for (const f of s.facts) {
      expect(f.text).not.toMatch(/according to|officials said|^But\b|\.\.\.$/);
      expect(f.text).toMatch(/[.!?]$/);
    }
    // A forecast is no fact: it is suggested as a prediction.
    expect(s.facts.map((f) => f.text).join(' ')).not.toMatch(/expected to grow/);
    // Its excerpt breaks off: the prediction is its complete clause, without the "But" that tied it to the sentence before.
    expect(s.predictions.map((p) => p.text)).toEqual(['The number of valid signatures is expected to grow.']);
  });
});

describe('facts an editor can accept: announced plans, headlines as carriers, corroboration first', () => {
  const outlets = [outlet({ id: 'a', name: 'Alpha' }), outlet({ id: 'b', name: 'Beta' }), outlet({ id: 'c', name: 'Gamma' })];
  const at = (id: string, outletId: string, title: string, text: string) =>
    article({ id, outletId, title, text, published: '2021-05-25T10:00:00Z', section: null });
  const s = suggestStory(
    [
      at(
        'a1',
        'a',
        'Biden and Putin to meet in Geneva on June 16',
        'President Joe Biden will meet Russian President Vladimir Putin in Geneva on June 16, the White House said Tuesday.\n\n' +
          'The two leaders last met in Moscow in 2011, when Biden was vice president.',
      ),
      at(
        'b1',
        'b',
        'Summit set for Switzerland',
        'Biden and Putin will meet in Geneva, Switzerland, on Wednesday, June 16, for their first summit, the White House announced.\n\n' +
          'Relations between Washington and Moscow have sunk to their lowest point in years over cyberattacks and Ukraine.',
      ),
      at(
        'c1',
        'c',
        'White House: Biden, Putin meet in Geneva June 16',
        'Officials in Washington confirmed the Geneva venue after weeks of talks between the two governments.\n\n' +
          'The meeting is expected to focus on arms control and could pave the way for a return of ambassadors.',
      ),
    ],
    outlets,
  );

  it('takes a lede that announces a plan or schedule as a fact, and lists it once, not again as a prediction', () => {
    const geneva = s.facts.filter((f) => /Geneva/.test(f.text) && /June 16/.test(f.text));
    expect(geneva).toHaveLength(1);
    expect(s.predictions.map((p) => p.text).join(' ')).not.toMatch(/will meet/);
  });

  it('lists an outlet whose headline states the fact among its carriers', () => {
    const geneva = s.facts.find((f) => /Geneva/.test(f.text) && /June 16/.test(f.text))!;
    expect(geneva.outlets).toEqual(['a', 'b', 'c']);
  });

  it('keeps a hedged forecast out of Facts', () => {
    expect(s.facts.map((f) => f.text).join(' ')).not.toMatch(/expected to focus|could pave/);
    expect(s.predictions.some((p) => /expected to focus/.test(p.text))).toBe(true);
  });

  it('never has more single-outlet facts than corroborated ones', () => {
    const single = s.facts.filter((f) => !f.corroborated).length;
    expect(s.facts.some((f) => f.corroborated)).toBe(true);
    expect(single).toBeLessThanOrEqual(s.facts.length - single);
  });
});

describe('state media', () => {
  it('neither words nor corroborates a fact other newsrooms carry, so it is a narrative outlet, not a source', () => {
    const outlets = [
      outlet({ id: 'wire', name: 'Wire', kind: 'wire' }),
      outlet({ id: 'paper', name: 'Paper' }),
      outlet({ id: 'state', name: 'State Daily', kind: 'state-media', country: 'CN' }),
    ];
    const at = (id: string, outletId: string, title: string, text: string) =>
      article({ id, outletId, title, text, published: '2023-02-22T06:00:00Z', section: null });
    const s = suggestStory(
      [
        at('w', 'wire', 'Talks held in Tokyo', 'China and Japan held their first security talks in four years in Tokyo on Wednesday.'),
        at('p', 'paper', 'Security talks resume', 'Japan and China held security talks in Tokyo on Wednesday, the first in four years.'),
        at(
          's',
          'state',
          'Experts urge Japan to return to the right track',
          'China and Japan held the first security talks in four years in Tokyo on Wednesday.',
        ),
      ],
      outlets,
    );
    const talks = s.facts.find((f) => /security talks/.test(f.text))!;
    expect(talks.outlets).toEqual(['wire', 'paper']);
    expect(s.sources).not.toContain('state');
  });
});

describe('a story only a wire service covers', () => {
  it('keeps one narrative slot, so the story stays valid, with no national label', () => {
    const wire = outlet({ id: 'wire', name: 'Wire', kind: 'wire', country: 'GB' });
    const s = suggestStory(
      [
        article({
          id: 'w1',
          outletId: 'wire',
          published: '2024-05-01T10:00:00Z',
          section: null,
          title: 'Copper output rises',
          text: 'Copper production in Chile rose 6% in March from a year earlier, the statistics institute said on Thursday.',
        }),
      ],
      [wire],
    );
    expect(s.narratives.map((n) => [n.outletId, n.label])).toEqual([['wire', 'Independent']]);
  });
});

describe('one meaning, one fact: the same event in other main clauses', () => {
  const outlets = [outlet({ id: 'a', name: 'Alpha' }), outlet({ id: 'b', name: 'Beta' }), outlet({ id: 'c', name: 'Gamma' })];
  const at = (id: string, outletId: string, title: string, text: string) =>
    article({ id, outletId, title, text, published: '2024-03-21T10:00:00Z', section: null });

  it("lists one currency's move once, with every outlet that reports it", () => {
    const s = suggestStory(
      [
        at(
          'a1',
          'a',
          'Central bank of Freedonia raises rates',
          'The central bank of Freedonia raised its main rate to 8.5% from 7.25% on Thursday, its first increase in two years.\n\n' +
            'The florin firmed to 12.40 per dollar after the decision, from 12.95 before it.',
        ),
        at(
          'b1',
          'b',
          'Freedonia lifts main rate to 8.5%',
          "Freedonia's central bank raised its main rate to 8.5% on Thursday, surprising most economists.\n\n" +
            'The florin rose to 12.40 per dollar on Thursday after the rate decision was published.',
        ),
        at(
          'c1',
          'c',
          'Freedonia rate rise lifts florin',
          'The central bank of Freedonia raised interest rates on Thursday to 8.5%, the highest level in a decade.\n\n' +
            'The florin strengthened and the Freedonia stock index dropped 2.3% as traders weighed further increases.',
        ),
      ],
      outlets,
    );
    const florin = s.facts.filter((f) => /florin/.test(f.text));
    expect(florin).toHaveLength(1);
    expect(florin[0]!.outlets).toEqual(['a', 'b', 'c']);
  });

  it("joins another outlet's account of a chosen fact's figure, in its words", () => {
    const s = suggestStory(
      [
        at(
          'a1',
          'a',
          'Freedonia hiring slows sharply',
          'Hiring across Freedonia came to an abrupt halt, with the statistics office counting only 212,000 new net jobs created in March.\n\n' +
            'Wages rose 0.4% from February, and the jobless rate held at 4.9%.',
        ),
        at(
          'b1',
          'b',
          'Payrolls disappoint forecasters',
          'The economy added just 212,000 jobs in March — a mere fraction of what forecasters had expected, and the jobless rate rose instead of falling.\n\n' +
            'Economists blamed a shortage of workers in the construction and hotel trades.',
        ),
      ],
      outlets,
    );
    const jobs = s.facts.filter((f) => /212,000/.test(f.text));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.outlets).toEqual(['a', 'b']);
  });

  it('sets aside a sentence whose figures the chosen facts all state, and lists its outlet on them', () => {
    const s = suggestStory(
      [
        at(
          'a1',
          'a',
          'Floods kill 31 in southern Ruritania',
          'Floods have killed at least 31 people in southern Ruritania and forced more than 52,000 residents from their homes, officials said.\n\n' +
            'Rainfall of up to 340 millimetres in two days sent the Vessel river over its banks near the town of Osterberg.',
        ),
        at(
          'b1',
          'b',
          'Ruritania floods leave 31 dead',
          'At least 31 people have died in floods in southern Ruritania, where more than 52,000 residents have fled their homes.\n\n' +
            'The weather service said up to 340 millimetres of rain fell in two days, and the Vessel river burst its banks near Osterberg.',
        ),
        at(
          'c1',
          'c',
          'Deadly floods in Ruritania',
          'Storms dumped 340 millimetres of rain on the south of Ruritania, and more than 52,000 people moved to evacuation centres.\n\n' +
            'Army engineers began building levees along the lower Vessel on Saturday.',
        ),
      ],
      outlets,
    );
    const texts = s.facts.map((f) => f.text);
    expect(texts.filter((t) => /340/.test(t) && /52,000/.test(t))).toEqual([]);
    expect(s.facts.find((f) => /52,000/.test(f.text))!.outlets).toContain('c');
    expect(s.facts.find((f) => /340/.test(f.text))!.outlets).toContain('c');
  });
});

describe('suggestions an editor can take as they are: no fragments, nothing said twice', () => {
  const outlets = [outlet({ id: 'wire', name: 'Wire' }), outlet({ id: 'paper', name: 'Paper', perspective: ['Harbour'] })];
  const lede = 'The city council approved a new harbour bridge on Monday after two years of debate.';
  const articles = [
    article({
      id: 'w1',
      outletId: 'wire',
      section: null,
      title: 'Council approves harbour bridge',
      published: '2025-03-03T10:00:00Z',
      text: lede,
    }),
    article({
      id: 'p1',
      outletId: 'paper',
      section: null,
      title: 'Harbour bridge approved',
      published: '2025-03-03T11:00:00Z',
      text: [
        lede,
        'The big picture: Ferry operators along the harbour front have lobbied against the crossing for a decade.',
        'Construction is expected to begin in the spring and to take about four years.',
        '"This bridge will cut the harbour in two," said Mara Jensen, who chairs the ferry owners\' association.',
        'The mayor is set to open a second crossing to cyclists once the last of the...',
        'Residents of the old town fear more traffic in their narrow streets, and have promised to take the plan to...',
      ].join('\n\n'),
    }),
  ];
  const s = suggestStory(articles, outlets);
  const paper = s.narratives.find((n) => n.outletId === 'paper')!;
  const everything = [...s.facts.map((f) => f.text), ...s.predictions.map((p) => p.text), ...paper.excerpts];

  it('suggests no text that breaks off, and a cut-off forecast only when a whole clause of it is left', () => {
    expect(everything.filter((t) => /(\.\.\.|…)$/.test(t))).toEqual([]);
    expect(s.predictions.map((p) => p.text)).toEqual(['Construction is expected to begin in the spring and to take about four years.']);
  });

  it("keeps a cut-off excerpt in the outlet's slot up to its last complete clause", () => {
    expect(paper.excerpts).toContain('Residents of the old town fear more traffic in their narrow streets.');
  });

  it('never repeats in a narrative slot what is already a fact or a prediction, and drops section labels', () => {
    for (const listed of [...s.facts.map((f) => f.text), ...s.predictions.map((p) => p.text)]) expect(paper.excerpts).not.toContain(listed);
    expect(paper.excerpts.some((e) => e.startsWith('"This bridge will cut the harbour in two,"'))).toBe(true);
    expect(everything.filter((t) => t.startsWith('The big picture:'))).toEqual([]);
  });
});

describe('a forecast a fact already states in a clause of its own', () => {
  it('is not suggested again as a prediction; a forecast with news of its own is', () => {
    const { outlets, articles } = sameTextFromTwoOutlets(
      'Canada and Mexico agree on new border crossing rules',
      '2025-05-02',
      [
        'Canada and Mexico agreed on Friday on new rules for their border crossings after months of talks.',
        "Canada's trade minister praised the rules, which follow Mexico's budget that commits it to hiring 4,000 new customs officers by 2027.",
        'Mexico plans to hire 4,000 new customs officers by 2027, a sharp rise from staffing levels that unions have long called too low for the busiest crossings in the north.',
        'Officials in Mexico estimate the rules could cut waiting times at the border by half.',
      ].join('\n\n'),
    );
    const s = suggestStory(articles, outlets);
    expect(s.facts.map((f) => f.text).some((f) => f.includes('commits it to hiring 4,000 new customs officers'))).toBe(true);
    expect(s.predictions.map((p) => p.text)).toEqual([
      'Officials in Mexico estimate the rules could cut waiting times at the border by half.',
    ]);
  });
});

describe('a surname that opens a prediction', () => {
  it('gets the full name the article introduced', () => {
    const { outlets, articles } = sameTextFromTwoOutlets(
      'Harbour bridge approved after two years of debate',
      '2025-03-03',
      [
        'The city council approved a new harbour bridge on Monday after two years of debate.',
        '"The bridge will change how the city moves," said Lena Brandt, a transport researcher at the city university.',
        'Brandt said the next test would be whether the state agrees to fund the approach roads, which officials have said could come later this year.',
      ].join('\n\n'),
    );
    const s = suggestStory(articles, outlets);
    expect(s.predictions.map((p) => p.text)).toEqual([
      'Lena Brandt said the next test would be whether the state agrees to fund the approach roads, which officials have said could come later this year.',
    ]);
  });
});

describe('the title', () => {
  it('is a headline that states the news, not a question or an explainer, even when those are more central', () => {
    const outlets = [outlet({ id: 'a', name: 'A' }), outlet({ id: 'b', name: 'B' }), outlet({ id: 'c', name: 'C' })];
    const text = 'The city council approved a new harbour bridge on Monday after two years of debate over its cost.';
    const titles = [
      'What we know about the harbour bridge the city council approved',
      'Harbour bridge wins council approval',
      'Will the harbour bridge the council approved be worth its cost?',
    ];
    const articles = ['a', 'b', 'c'].map((outletId, k) =>
      article({ id: `${outletId}1`, outletId, section: null, title: titles[k]!, published: `2025-03-03T1${k}:00:00Z`, text }),
    );
    expect(suggestStory(articles, outlets).title).toBe('Harbour bridge wins council approval');
  });
});

describe('the slot of an outlet that says nothing of its own', () => {
  const lede = 'The state attorney general said on Tuesday that its inquiry into the company is now a criminal investigation.';
  const outlets = [
    outlet({ id: 'wire', name: 'Wire', kind: 'wire' }),
    outlet({ id: 'left', name: 'Left Paper', perspective: ['Centre-left'] }),
    outlet({ id: 'right', name: 'Right Paper', perspective: ['Conservative'] }),
  ];
  const headlines: Record<string, string> = {
    wire: 'Attorney general opens criminal inquiry into company',
    left: 'Company investigation now exploring possible criminal conduct, attorney general says',
    right: 'Witch hunt goes criminal as attorney general targets company',
  };
  // Every outlet carries the same sentence: none has one of its own.
  const articles = Object.entries(headlines).map(([outletId, title], i) =>
    article({ id: `${outletId}-1`, outletId, section: null, title, published: `2026-12-02T0${i + 1}:00:00Z`, text: lede }),
  );
  const s = suggestStory(articles, outlets);

  it('offers its headline, the framing it chose, unless that headline is the story title', () => {
    const others = s.narratives.filter((n) => headlines[n.outletId] !== s.title);
    expect(others.length).toBeGreaterThan(0);
    for (const slot of others) expect(slot.excerpts).toEqual([headlines[slot.outletId]]);
    for (const slot of s.narratives.filter((n) => headlines[n.outletId] === s.title)) expect(slot.excerpts).toEqual([]);
  });

  it('gives a wire service no slot for its headline: it reports, it does not frame', () => {
    expect(s.narratives.map((n) => n.outletId)).not.toContain('wire');
  });
});

describe('the context of a leaning excerpt', () => {
  it('never starts inside a quotation: the leaning sentence then stands alone', () => {
    const outlets = [outlet({ id: 'wire', name: 'Wire' }), outlet({ id: 'paper', name: 'Paper', perspective: ['Local'] })];
    const lede = 'The city council approved the new stadium on Tuesday by a vote of 7 to 2.';
    const articles = [
      article({
        id: 'w1',
        outletId: 'wire',
        section: null,
        title: 'Council approves stadium',
        published: '2026-12-02T09:00:00Z',
        text: lede,
      }),
      article({
        id: 'p1',
        outletId: 'paper',
        section: null,
        title: 'Stadium vote splits the city',
        published: '2026-12-02T10:00:00Z',
        text: `${lede}\n\n"We will not stop. We will take this to the courts," said the leader of the residents' group. This pledge drew loud cheers from the crowd outside.`,
      }),
    ];
    const paper = suggestStory(articles, outlets).narratives.find((n) => n.outletId === 'paper')!;
    expect(paper.excerpts).toContain('This pledge drew loud cheers from the crowd outside.');
    for (const e of paper.excerpts) expect(e.startsWith('We will take this')).toBe(false);
  });
});

describe("a newsroom's sentence that only state media also says", () => {
  const outlets = [
    outlet({ id: 'wire', name: 'Wire', kind: 'wire' }),
    outlet({ id: 'statetv', name: 'State TV', kind: 'state-media', perspective: ['Pro-Beijing'] }),
    outlet({ id: 'paper', name: 'Paper', perspective: ['Gulf'] }),
  ];
  const lede = 'China and Japan agreed on Wednesday to set up a hotline between their defence ministries.';
  // Its own voice ("propaganda") keeps it out of Facts: only the slot can offer it.
  const framing =
    'Beijing has long accused Tokyo of hyping a China threat to justify its military build-up, a claim Tokyo calls propaganda.';
  const articles = [
    article({
      id: 'w1',
      outletId: 'wire',
      section: null,
      title: 'China, Japan agree hotline',
      published: '2026-12-02T09:00:00Z',
      text: lede,
    }),
    article({
      id: 's1',
      outletId: 'statetv',
      section: null,
      title: 'Security consultation held in Tokyo',
      published: '2026-12-02T09:30:00Z',
      text: `${lede}\n\nJapan is hyping a China threat to justify its military build-up, experts said.`,
    }),
    article({
      id: 'p1',
      outletId: 'paper',
      section: null,
      title: 'China and Japan agree hotline',
      published: '2026-12-02T10:00:00Z',
      text: `${lede}\n\n${framing}`,
    }),
  ];

  it("is still that newsroom's own: state media's claims are its narrative, not reporting", () => {
    const s = suggestStory(articles, outlets);
    const paper = s.narratives.find((n) => n.outletId === 'paper')!;
    expect(paper.excerpts).toEqual([framing]);
    // State media's own sentence, which the newsroom's matches, is not its excerpt.
    const statetv = s.narratives.find((n) => n.outletId === 'statetv')!;
    expect(statetv.excerpts.some((e) => e.includes('hyping'))).toBe(false);
  });
});
