import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../../src/core/poll/mojibake.js';

describe('repairMojibake', () => {
  const cases: Array<[string, string]> = [
    ['CafÃ© au lait', 'Café au lait'],
    ['â€¦', '…'],
    ['Ä°stanbul', 'İstanbul'],
    ['Â£5', '£5'],
    ['plain café, déjà vu', 'plain café, déjà vu'],
    ['Ürün çok güzel', 'Ürün çok güzel'],
    ['Ã alone', 'Ã alone'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => expect(repairMojibake(input)).toBe(expected));
});
