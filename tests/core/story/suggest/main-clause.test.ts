import { describe, expect, it } from 'vitest';
import {
  comparableWords,
  mainClauseMove,
  mainClauseStatedIn,
  mainClauseWords,
  sameEvent,
} from '../../../../src/core/story/suggest/main-clause.js';

const fact = (text: string) => ({ main: mainClauseWords(text) });

describe('sameEvent: one event reported with other details is one fact', () => {
  it('joins two outlets reporting one rate rise with different figures', () => {
    expect(
      sameEvent(
        fact(
          'The Bank of Japan raised its short-term policy rate to 0.75% from 0.5% on Friday, taking borrowing costs to their highest since 1995.',
        ),
        fact(
          "Japan's central bank has raised interest rates to their highest level in 30 years, moving further away from the ultra-loose policy.",
        ),
      ),
    ).toBe(true);
  });

  it('joins two accounts of one landfall', () => {
    expect(
      sameEvent(
        fact('The storm made landfall near Aparri in Cagayan province at around 3 a.m. local time packing sustained winds of 185 kph.'),
        fact(
          'The typhoon made landfall near the town of Aparri in Cagayan province early on Monday with maximum sustained winds of 185km/h.',
        ),
      ),
    ).toBe(true);
  });

  it('keeps apart two events of one story that share its names', () => {
    expect(
      sameEvent(
        fact('China and Japan on Wednesday held their first official security talks in four years in Tokyo.'),
        fact(
          "China's Vice Foreign Minister Sun Weidong warned Japan against negative moves coordinated with foreign powers regarding Taiwan.",
        ),
      ),
    ).toBe(false);
    expect(
      sameEvent(
        fact('The Bank of Japan raised its short-term policy rate to 0.75% from 0.5% on Friday.'),
        fact('The yen firmed to 146.20 per dollar after the announcement from around 148.90 beforehand.'),
      ),
    ).toBe(false);
  });

  it('reads the main clause after a subordinate opener, and past a dash aside', () => {
    const agreed = mainClauseWords('After talks in Tokyo, Japan and China agreed to open a hotline.');
    expect([agreed.has('japan'), agreed.has('hotlin'), agreed.has('tokyo'), agreed.has('talk')]).toEqual([true, true, false, false]);
    expect(mainClauseWords("Biden's first overseas trip — delayed by the pandemic — will reaffirm the alliance.").has('reaffirm')).toBe(
      true,
    );
  });
});

describe('mainClauseMove: one subject moving one way is one movement', () => {
  it('gives the same movement for one subject moving up in other words and with other details', () => {
    const firmed = mainClauseMove('The lira firmed to 31.50 per euro after the vote, from 32.10 late on Monday.');
    expect(firmed).toBe('lira|up');
    expect(mainClauseMove('The lira strengthened and the Borsa Istanbul index slid 0.9% as investors cheered the result.')).toBe(firmed);
    expect(mainClauseMove('After the vote, the lira rose as much as 2% against the euro.')).toBe(firmed);
  });

  it('tells apart the other way, another subject, and a verb used with an object', () => {
    expect(mainClauseMove('The lira weakened to 33 per euro.')).toBe('lira|down');
    expect(mainClauseMove('Turkish bond yields rose by 40 basis points.')).toBe('turkish bond yield|up');
    expect(mainClauseMove('The ministry strengthened ties with its neighbours.')).toBeUndefined();
    expect(mainClauseMove('Prosecutors dropped the charges on Friday.')).toBeUndefined();
    expect(mainClauseMove('The central bank raised its main rate to 45%.')).toBeUndefined();
  });

  it('reads a movement word that is a noun as part of the subject, not as its verb', () => {
    // A noun of movement takes "in" or "of"; the sentence's verb comes after it.
    expect(mainClauseMove('Steep drops in output hurt dairy farmers across the region.')).toBeUndefined();
    expect(mainClauseMove('A sharp rise of 9% in fuel costs forced airlines to cut routes.')).toBeUndefined();
    // A plural noun before the verb is part of the subject.
    expect(mainClauseMove('Shipping firms rallied 4% on Tuesday.')).toMatch(/\|up$/u);
    // The verb itself, whatever follows.
    expect(mainClauseMove('The index fell in early trading.')).toBe('index|down');
  });
});

describe('mainClauseStatedIn: a main clause another sentence states in a clause of its own', () => {
  const topic = comparableWords('Canada and Mexico agree on new border crossing rules');
  it('finds a plan a fact already states in a relative clause', () => {
    const forecast = 'Mexico intends to hire 4,000 new customs officers by 2027, a sharp rise from current staffing levels.';
    const fact =
      "Canada's trade minister praised the rules, which follow Mexico's budget that commits it to hiring 4,000 new customs officers by 2027.";
    expect(mainClauseStatedIn(mainClauseWords(forecast), comparableWords(fact), topic)).toBe(true);
  });
  it('does not count the words of the story every sentence shares', () => {
    const forecast = 'Officials in Mexico estimate the rules could cut waiting times at the border by half.';
    const fact = 'Mexico and Canada signed the rules at the border on Friday after months of talks between their officials.';
    expect(mainClauseStatedIn(mainClauseWords(forecast), comparableWords(fact), topic)).toBe(false);
    // Without the story's topic words set aside, the shared names alone would make it a restatement.
    expect(mainClauseStatedIn(mainClauseWords(forecast), comparableWords(fact))).toBe(true);
  });
});
