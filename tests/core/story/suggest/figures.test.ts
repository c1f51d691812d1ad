import { describe, expect, it } from 'vitest';
import { distinctiveFigures, figuresStated } from '../../../../src/core/story/suggest/figures.js';

describe('distinctiveFigures: the figures that name one thing in a story', () => {
  it('reads counts, amounts, rates and measures, normalised', () => {
    expect([...distinctiveFigures('Rainfall reached 340mm, and 52,000 residents left; the lira firmed to 31.50, up 1.2%.')]).toEqual([
      '340',
      '52000',
      '31.5',
      '1.2',
    ]);
  });

  it('leaves out small whole numbers and years, which many sentences of a story share', () => {
    expect([...distinctiveFigures('The 5-4 ruling in 2019 kept the 2% cap until 3 p.m. on May 12.')]).toEqual(['12']);
    expect([...distinctiveFigures('At the 81st annual festival, 35,000 visitors came.')]).toEqual(['35000']);
  });
});

describe('figuresStated: a sentence whose figures the chosen facts already state', () => {
  const stated = new Set(['340', '52000', '31', '12']);
  it('is a restatement when it has two or more figures and the chosen facts state all of them', () => {
    expect(figuresStated(distinctiveFigures('Up to 340 millimetres of rain fell, and 52,000 people moved to shelters.'), stated)).toBe(
      true,
    );
  });

  it('is not when one figure is new, or when it has a single figure', () => {
    expect(figuresStated(distinctiveFigures('Up to 340 millimetres of rain fell, and 61,000 people moved to shelters.'), stated)).toBe(
      false,
    );
    expect(figuresStated(distinctiveFigures('Rescuers searched three villages for 31 people still missing.'), stated)).toBe(false);
  });
});
