import { describe, expect, it } from 'vitest';
import {
  compressSentence,
  completeExcerpt,
  leansOnSentenceBefore,
  withoutSectionLabel,
} from '../../../../src/core/story/suggest/compress-sentence.js';

describe('compressSentence', () => {
  it('drops a trailing "according to" attribution', () => {
    expect(
      compressSentence('Israel’s strikes on the Gaza Strip have led to at least 219 Palestinian deaths, according to authorities there.'),
    ).toBe('Israel’s strikes on the Gaza Strip have led to at least 219 Palestinian deaths.');
  });

  it('drops a trailing "X said Wednesday" attribution', () => {
    expect(compressSentence('Former Sen. John W. Warner of Virginia has died at 94, his longtime chief of staff said Wednesday.')).toBe(
      'Former Sen. John W. Warner of Virginia has died at 94.',
    );
  });

  it('keeps the attribution of a quote', () => {
    const quoted = '“This now triggers the next phase of the recall process,” the secretary of state said.';
    expect(compressSentence(quoted)).toBe(quoted);
  });

  it('drops a dangling opener and capitalises what follows', () => {
    expect(compressSentence('But the issue is highly sensitive, with Turkey acknowledging atrocities.')).toBe(
      'The issue is highly sensitive, with Turkey acknowledging atrocities.',
    );
  });

  it('cuts a broken-off excerpt back to its last complete clause', () => {
    expect(
      compressSentence(
        'Joe Biden issued a proclamation on 20 January, his first day in office, ordering a freeze on border wall projects and directing a review of the legality...',
        true,
      ),
    ).toBe('Joe Biden issued a proclamation on 20 January, his first day in office.');
  });

  it('leaves a cut-off excerpt alone when the rest would not stand as a sentence', () => {
    const raisi = 'Raisi, 60, a strident critic of the West, will take over from pragmatist Hassan...';
    expect(compressSentence(raisi, true)).toBe(raisi);
    const quote = "\"It's the right thing to do, it's the smart thing...";
    expect(compressSentence(quote, true)).toBe(quote);
    const aside = 'The emails — made public by the House Oversight Committee — detail the response, with the department stating that...';
    expect(compressSentence(aside, true)).toBe('The emails — made public by the House Oversight Committee — detail the response.');
    // A prepositional opener has no verb: "Besides the double gain for Texas." is no sentence.
    const opener = 'Besides the double gain for Texas, five...';
    expect(compressSentence(opener, true)).toBe(opener);
  });

  it('drops a section label before the sentence, not a speaker or a name', () => {
    expect(compressSentence('Why it matters: The summit offers an early test of the administration.')).toBe(
      'The summit offers an early test of the administration.',
    );
    expect(compressSentence('Yes, but: Legal experts expect the law to face challenges in court.')).toBe(
      'Legal experts expect the law to face challenges in court.',
    );
    const speaker = 'Biden: The United States will stand up for human rights everywhere.';
    expect(compressSentence(speaker)).toBe(speaker);
  });

  it('only removes words, never adds any', () => {
    const samples = [
      'And saying Israel ignited fire, Hamas launched more rockets at Israel, officials said on Monday.',
      'Together, those goals will mean about 100 million more shots, both first and second doses, across the next 60 days, a senior administration official said.',
    ];
    for (const s of samples) {
      const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const kept = words(compressSentence(s));
      const source = words(s);
      let i = 0;
      for (const w of kept) {
        while (i < source.length && source[i] !== w) i++;
        expect(i).toBeLessThan(source.length);
        i++;
      }
      expect(kept.length).toBeLessThan(source.length);
    }
  });

  it('never shortens a sentence below a readable length', () => {
    expect(compressSentence('Prices rose, officials said.')).toBe('Prices rose, officials said.');
  });
});

describe('a cut excerpt is never cut inside a list', () => {
  it('keeps the clause before the list rather than one of its items', () => {
    const text =
      'The bill passed the state Senate on Tuesday, after a long debate, and was praised by Republican governors from Florida, Nebraska and Iowa, who said it would...';
    expect(compressSentence(text, true)).toBe(
      'The bill passed the state Senate on Tuesday, after a long debate, and was praised by Republican governors from Florida, Nebraska and Iowa.',
    );
  });
  it('gives up rather than cut a list when no clause ends before it', () => {
    const text = 'Republican governors from Florida, Nebraska, Iowa...';
    expect(compressSentence(text, true)).toBe(text);
  });
  it('gives up on a list whose items semicolons separate', () => {
    const text =
      'Attendees included Vice President Kamala Harris; House Speaker Nancy Pelosi, a California Democrat; Senate Majority Leader Chuck...';
    expect(compressSentence(text, true)).toBe(text);
  });
});

describe('a cut excerpt keeps a whole statement', () => {
  it('does not keep a subject without its verb', () => {
    const text = "The 36-year-old New Yorker, known as a moderate turned Trump ally who's used her fundraising skills to...";
    expect(compressSentence(text, true)).toBe(text);
  });
  it('does not cut before an aside inside a clause that goes on after it', () => {
    const text =
      'The Supreme Court struck down a key portion of the Voting Rights Act in 2013, saying that Section 4, the formula used to determine which...';
    expect(compressSentence(text, true)).toBe('The Supreme Court struck down a key portion of the Voting Rights Act in 2013.');
  });
});

describe('leansOnSentenceBefore', () => {
  it.each([
    // A pronoun subject or possessive: who or what is in the sentence before.
    ['They opened the online flood-gates.', true],
    ['Her victory shores up the Democratic majority in Congress.', true],
    ["That's roughly an 80% drop since January.", true],
    ['This fell to 534,000, the lowest since the pandemic struck last March.', true],
    ['It passed the Senate 92-6 in April.', true],
    ['He won’t, however, appoint his own committee.', true],
    // A demonstrative before a noun names what the sentence before said; after a preposition, too.
    ['This new government does not include former Prime Minister Benjamin Netanyahu.', true],
    ['These measures take effect on Monday.', true],
    ['This decision signals his preference for the speaker to take the lead.', true],
    ['For that, the president has Franklin D. Roosevelt to thank.', true],
    ['Despite this, the talks went ahead.', true],
    // Impersonal "it", a demonstrative of time or of anyone who does so, or a sentence that names its subject.
    ['It was not immediately clear if the attack was the prelude to a ground invasion.', false],
    ['It’s not clear there’s a single Republican vote to begin debate.', false],
    ['It isn’t yet clear exactly when tourists will be allowed to arrive.', false],
    ['It may take several weeks to find out who won the primary.', false],
    ['This week, the Senate passed the bill.', false],
    ['These days, prices are higher than before the pandemic.', false],
    ['Those who voted against it were all Republicans.', false],
    ['Those seeking asylum must wait in Mexico.', false],
    ['Thousands marched in the capital on Sunday.', false],
    ['Italy won the final on penalties.', false],
  ])('%s → %s', (text, expected) => {
    expect(leansOnSentenceBefore(text)).toBe(expected);
  });
});

describe('completeExcerpt', () => {
  it.each([
    // Not cut: as it is.
    ['The council approved the budget on Monday.', 'The council approved the budget on Monday.'],
    // Cut after a comma: up to the last complete clause.
    [
      'The ministry expects exports to recover by the autumn, helped by a weaker currency and new orders from...',
      'The ministry expects exports to recover by the autumn.',
    ],
    // Cut inside a dash aside: the sentence before the dash.
    [
      'The ruling is likely to let the league pay its players more — such as thousands of...',
      'The ruling is likely to let the league pay its players more.',
    ],
    // Nothing whole is left: no comma, an open quotation, or a "that" clause the dash cut before its verb.
    ['The mayor is set to open the new bridge to traffic once the last...', null],
    ['"We are ready to sign the deal tomorrow, and we hope that...', null],
    ['Officials in the capital insist that the new housing scheme — which...', null],
    // A list whose first item follows "including" within the clause: no cut inside it.
    [
      'Under the new rules, retired teachers in at least 12 districts including Dover, Salem and Troy are set to lose part of their pensions as the state tries to...',
      null,
    ],
    // The verb left is an aside's, not the subject's.
    ['Residents of the old town, who fear more traffic in their narrow streets, have promised to take the plan to...', null],
  ])('%s → %s', (text, expected) => {
    expect(completeExcerpt(text)).toBe(expected);
  });
});

describe('withoutSectionLabel', () => {
  it('drops a section label that opens the sentence', () => {
    expect(withoutSectionLabel('The big picture: Exports rose for a third month in a row in March.')).toBe(
      'Exports rose for a third month in a row in March.',
    );
  });
  it('keeps a sentence whose colon is no label', () => {
    const text = 'The minister said one thing: the port will reopen next week.';
    expect(withoutSectionLabel(text)).toBe(text);
  });
});

describe('leansOnSentenceBefore, after a linking word or before "to"', () => {
  it.each([
    ['And it will be hard to pass it in the Senate this year.', true],
    ['But they voted against the plan on Tuesday.', true],
    ['It is likely to hear several cases before the summer.', true],
    ['It is expected to open by spring.', true],
    ['It is likely that the vote will be delayed.', false],
    ['It is not expected that prices will fall soon.', false],
    ['But the ministry said the plan would go ahead.', false],
  ])('%s → %s', (text, expected) => {
    expect(leansOnSentenceBefore(text)).toBe(expected);
  });
});
