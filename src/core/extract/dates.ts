/** Earliest and latest dates we believe on a news page. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

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
};

/**
 * A date string in any of the forms pages use → UTC ISO 8601, or null. Forms: ISO 8601 with
 * or without zone (no zone is read as UTC), "YYYY-MM-DD HH:MM", RFC 2822, "November 19, 2019",
 * "19 Nov 2019", "YYYY/MM/DD", compact "YYYYMMDD", and Unix seconds or milliseconds.
 */
export function parseDate(raw: unknown): string | null {
  if (typeof raw === 'number') return fromEpoch(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!text) return null;
  if (/^\d{10}(?:\d{3})?$/.test(text)) return fromEpoch(Number(text));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return build(Date.UTC(+compact[1]!, +compact[2]! - 1, +compact[3]!));
  const iso =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?/i.exec(
      text,
    );
  if (iso) return fromParts(iso);
  return fromNamedMonth(text);
}

const ZONES: Record<string, number> = {
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
  jst: 540,
  kst: 540,
  ist: 330,
};

/**
 * "Tue, 19 Nov 2019 10:00:00 GMT", "November 19, 2019 at 3:04 pm EST", "19 Nov 2019": built
 * from parts, never with Date.parse, whose reading of zone-less strings depends on the host.
 */
function fromNamedMonth(text: string): string | null {
  const dayFirst = /(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})/.exec(text);
  const monthFirst = /([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(text);
  let day: number, monthName: string, year: number, rest: string;
  if (dayFirst && MONTHS[dayFirst[2]!.slice(0, 3).toLowerCase()]) {
    [day, monthName, year] = [+dayFirst[1]!, dayFirst[2]!, +dayFirst[3]!];
    rest = text.slice(dayFirst.index + dayFirst[0].length);
  } else if (monthFirst && MONTHS[monthFirst[1]!.slice(0, 3).toLowerCase()]) {
    [monthName, day, year] = [monthFirst[1]!, +monthFirst[2]!, +monthFirst[3]!];
    rest = text.slice(monthFirst.index + monthFirst[0].length);
  } else {
    return null;
  }
  const month = MONTHS[monthName.slice(0, 3).toLowerCase()]!;
  if (day < 1 || day > 31) return null;
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*([A-Za-z]{2,4}|[+-]\d{2}:?\d{2})?/i.exec(rest);
  let hours = 0,
    minutes = 0,
    seconds = 0,
    offset = 0;
  if (time) {
    hours = +time[1]!;
    minutes = +time[2]!;
    seconds = Number(time[3] ?? 0);
    const meridiem = time[4]?.toLowerCase().replace(/\./g, '');
    if (meridiem === 'pm' && hours < 12) hours += 12;
    if (meridiem === 'am' && hours === 12) hours = 0;
    const zone = time[5];
    const numeric = zone ? /^([+-])(\d{2}):?(\d{2})$/.exec(zone) : null;
    if (numeric) offset = (numeric[1] === '-' ? -1 : 1) * (+numeric[2]! * 60 + +numeric[3]!);
    else if (zone) offset = ZONES[zone.toLowerCase()] ?? 0;
  }
  return build(Date.UTC(year, month - 1, day, hours, minutes, seconds) - offset * 60_000);
}

function fromParts(match: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, s, zone] = match;
  let ms = Date.UTC(+y!, +mo! - 1, +d!, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31) return null;
  if (zone && !/^(?:Z|UTC|GMT)$/i.test(zone)) {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (zm) ms -= (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3] ?? 0)) * 60_000;
  }
  return build(ms);
}

function fromEpoch(value: number): string | null {
  return build(value < 1e11 ? value * 1000 : value);
}

function build(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR ? date.toISOString() : null;
}
