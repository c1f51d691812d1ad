/**
 * The figures of a sentence that name one thing in a story: counts, amounts, rates and
 * measures ("410,000", "146.20", "1.4%", "185km/h"), normalised so "146.20" and "146.2" meet.
 * Small whole numbers (under 10: "2% target", "7-2 vote", "3 a.m.") and years (1900–2100) are
 * left out: many sentences of one story share them without stating the same thing; so are
 * ordinals ("the 93rd Academy Awards"), which name the occasion, not a figure of the news.
 */
export function distinctiveFigures(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!st\b|nd\b|rd\b|th\b)/gu)) {
    const raw = m[0].replace(/,/gu, '');
    const value = Number(raw);
    if (!Number.isFinite(value)) continue;
    const whole = !raw.includes('.');
    if (whole && value < 10) continue;
    if (whole && raw.length === 4 && value >= 1900 && value <= 2100) continue;
    out.add(String(value));
  }
  return out;
}

// A sentence restates chosen facts by its figures when it has at least this many and all are theirs.
const MIN_FIGURES = 2;

/**
 * True when every distinctive figure of a sentence (at least two) is already stated by the
 * chosen facts: "Typhoon Lusong brought winds of 185 km/h, and more than 410,000 residents
 * evacuated" adds nothing to one fact on the 185 km/h landfall and one on the 410,000 who fled.
 */
export function figuresStated(figures: ReadonlySet<string>, stated: ReadonlySet<string>): boolean {
  if (figures.size < MIN_FIGURES) return false;
  for (const f of figures) if (!stated.has(f)) return false;
  return true;
}
