/** Offsets of the zone names feeds write, in minutes east of UTC (US names are the US zones). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  MSD: 240,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  PHT: 480,
  WIB: 420,
  ICT: 420,
  AWST: 480,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  SAST: 120,
  EAT: 180,
  WAT: 60,
  CAT: 120,
  BRT: -180,
  ART: -180,
  PKT: 300,
};

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // A few non-English abbreviations that appear in RFC 822 dates of European feeds.
  mär: 3,
  mrz: 3,
  mai: 5,
  okt: 10,
  dez: 12,
  janv: 1,
  févr: 2,
  fevr: 2,
  avr: 4,
  juin: 6,
  juil: 7,
  déc: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  gen: 1,
  giu: 6,
  lug: 7,
  set: 9,
  ott: 10,
};

/**
 * A date as feeds write it → UTC ISO 8601 (`2024-03-08T00:00:00.000Z`), or null.
 * ISO 8601 / W3C-DTF (dc:date, Atom), RFC 822/1123/2822 with or without day name or
 * seconds, two-digit years, numeric offsets with or without a colon, and zone names
 * (GMT, EST, JST, CEST…). A date without a zone is read as UTC. Never uses the machine's
 * time zone.
 */
export function parseFeedDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const slashed = text.replace(
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})/,
    (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
  );
  const ms = parseIso(slashed) ?? parseRfc822(text);
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1970 && year <= 2200 ? date.toISOString() : null;
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ](\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)? ?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  return utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, zoneOffset(zone ?? 'Z'));
}

function parseRfc822(text: string): number | null {
  // Drop the day name (any language) and commas; keep tokens.
  const tokens = text.replace(/,/g, ' ').split(' ').filter(Boolean);
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  let time: number[] | null = null;
  let offset: number | null = null;
  let meridiem: 'am' | 'pm' | null = null;
  for (const token of tokens) {
    const lower = token.toLowerCase().replace(/\.$/, '');
    if (lower === 'am' || lower === 'pm') {
      meridiem = lower;
      continue;
    }
    const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(token);
    if (clock) {
      time = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
      continue;
    }
    const monthNumber = MONTHS[lower] ?? MONTHS[lower.slice(0, 3)];
    if (month === null && monthNumber && /^\p{L}+$/u.test(lower)) {
      month = monthNumber;
      continue;
    }
    if (/^\d{1,2}$/.test(token) && day === null) {
      day = Number(token);
      continue;
    }
    if (/^\d{4}$/.test(token) && year === null) {
      year = Number(token);
      continue;
    }
    if (/^\d{2}$/.test(token) && year === null && day !== null) {
      year = twoDigitYear(Number(token));
      continue;
    }
    const zone = zoneOffset(token);
    if (zone !== null) offset = zone;
  }
  if (day === null || month === null || year === null) return null;
  const [clockHour = 0, mi = 0, s = 0] = time ?? [];
  const h = meridiem === 'pm' && clockHour < 12 ? clockHour + 12 : meridiem === 'am' && clockHour === 12 ? 0 : clockHour;
  return utc(year, month, day, h, mi, s, 0, offset ?? 0);
}

function twoDigitYear(value: number): number {
  return value < 50 ? 2000 + value : 1900 + value;
}

/** Minutes east of UTC for `Z`, `+0900`, `-05:00`, `+09`, `GMT+9`, or a zone name; null if not a zone. */
function zoneOffset(token: string): number | null {
  const upper = token.toUpperCase().replace(/^\(|\)$/g, '');
  if (upper in ZONES) return ZONES[upper] ?? 0;
  const numeric = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper);
  if (!numeric) return null;
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return numeric[1] === '-' ? -minutes : minutes;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number | null): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const value = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  // Reject dates JavaScript rolled over (31 February).
  if (new Date(value).getUTCDate() !== d) return null;
  return value - (offsetMinutes ?? 0) * 60_000;
}
