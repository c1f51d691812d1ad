import iconv from 'iconv-lite';

/** What text in a charset is expected to be written in; used to judge a trial decoding. */
type Family = 'latin' | 'cyrillic' | 'japanese' | 'chinese' | 'korean' | 'thai' | 'greek';

const CANDIDATES: Array<{ charset: string; family: Family }> = [
  { charset: 'shift_jis', family: 'japanese' },
  { charset: 'euc-jp', family: 'japanese' },
  { charset: 'gbk', family: 'chinese' },
  { charset: 'big5', family: 'chinese' },
  { charset: 'euc-kr', family: 'korean' },
  { charset: 'windows-1251', family: 'cyrillic' },
  { charset: 'koi8-r', family: 'cyrillic' },
  { charset: 'windows-874', family: 'thai' },
  { charset: 'windows-1253', family: 'greek' },
  { charset: 'windows-1252', family: 'latin' },
  { charset: 'windows-1250', family: 'latin' },
];

// The most frequent Han characters of news text, simplified and traditional forms together.
// A wrong CJK decoding lands on rare characters; a right one hits these again and again.
const COMMON_HAN = new Set(
  (
    '的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後' +
    '作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從' +
    '想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭' +
    '文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員' +
    '解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場' +
    '件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王' +
    '象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭' +
    '运運笑飞飛风風步改收根干造言联聯持组組每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准布始怎呢存未远遠叫台单單影具罗羅字爱愛' +
    '击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离離况況亚亞请請技际際约約示复復病息究线線似官火断斷精满滿支视視' +
    '消越器容照须須九增研写寫称稱企八功吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显顯吧阿李标標谈談吃图圖念六引历歷首医醫局突专專费費号號' +
    '港京台湾灣韩韓朝鲜鮮俄罗欧歐洲亚總统習近平美國日本经濟市場发表會議报告记者新闻聞网網站月日年时間今天昨天表示指出认為目前国际際' +
    '県都府市区町村首相政府警察事件発表記者会見東京大阪円株価選挙党民主自由社会経済対応確認調査報道番組放送情報'
  ).split(''),
);

function scriptOf(code: number): string {
  if (code === 0xfffd || (code >= 0x80 && code < 0xa0) || (code >= 0xe000 && code <= 0xf8ff)) return 'bad';
  if (code >= 0x3040 && code <= 0x30ff) return 'kana';
  if (code >= 0xff61 && code <= 0xff9f) return 'halfwidth-kana';
  if (code >= 0x4e00 && code <= 0x9fff) return 'han';
  if (code >= 0xac00 && code <= 0xd7af) return 'hangul';
  if (code >= 0x3130 && code <= 0x318f) return 'jamo';
  if (code >= 0x0410 && code <= 0x042f) return 'cyrillic-upper';
  if (code >= 0x0430 && code <= 0x044f) return 'cyrillic-lower';
  if (code >= 0x0400 && code <= 0x04ff) return 'cyrillic-other';
  if (code >= 0x0e01 && code <= 0x0e5b) return 'thai';
  if (code >= 0x0386 && code <= 0x03ce) return 'greek';
  if (code >= 0x00c0 && code <= 0x024f && code !== 0xd7 && code !== 0xf7) return 'latin';
  if (code >= 0x3000 && code <= 0x303f) return 'cjk-punct';
  if (code >= 0xff01 && code <= 0xff5e) return 'fullwidth';
  if ((code >= 0x2010 && code <= 0x2027) || code === 0xa0 || code === 0xab || code === 0xbb || code === 0x20ac) return 'punct';
  return 'rare';
}

const EXPECTED: Record<Family, Record<string, number>> = {
  japanese: { kana: 2, han: 1, 'cjk-punct': 1, fullwidth: 1, punct: 0, 'halfwidth-kana': -1 },
  chinese: { han: 1, 'cjk-punct': 1, fullwidth: 1, punct: 0 },
  korean: { hangul: 2, han: 0, 'cjk-punct': 0, punct: 0 },
  cyrillic: { 'cyrillic-lower': 2, 'cyrillic-upper': 0, 'cyrillic-other': -1, punct: 0 },
  thai: { thai: 1, punct: 0 },
  greek: { greek: 1, punct: 0 },
  latin: { latin: 1, punct: 0 },
};

/** Families whose characters take two bytes: their per-character evidence counts double. */
const DOUBLE_BYTE = new Set<Family>(['japanese', 'chinese', 'korean']);

/**
 * How much a trial decoding looks like natural text of the charset's language, per byte.
 * Characters that decode to replacement or control codes cost a lot; characters of the
 * expected script earn a little, very common ones more; other scripts cost. Only Latin
 * letters sit inside words of ASCII letters: elsewhere that is mojibake of accented Latin,
 * and Latin accented letters in long runs are mojibake of multi-byte text.
 */
function plausibility(text: string, family: Family): number {
  const expected = EXPECTED[family];
  const chars = Array.from(text);
  let score = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    const script = scriptOf(code);
    if (script === 'bad') {
      score -= 20;
      continue;
    }
    let value = COMMON_HAN.has(char) && (family === 'chinese' || family === 'japanese') ? 3 : (expected[script] ?? -2);
    if (family === 'latin') value = script === 'latin' && besideAsciiLetter(chars, i) ? 1 : script === 'punct' ? 0 : -1;
    else if (besideAsciiLetter(chars, i)) value = -1;
    // Upper-case Cyrillic inside a lower-case word is what KOI8-R read as windows-1251 (and back) looks like.
    if (family === 'cyrillic' && script === 'cyrillic-upper' && scriptOf(chars[i - 1]?.codePointAt(0) ?? 0) === 'cyrillic-lower')
      value = -1;
    // Thai vowel signs and tone marks only ever follow a consonant or another mark.
    if (family === 'thai' && isThaiMark(code) && !isThaiBase(chars[i - 1]?.codePointAt(0) ?? 0)) value = -3;
    score += value > 0 && DOUBLE_BYTE.has(family) ? value * 2 : value;
  }
  return score;
}

function isThaiMark(code: number): boolean {
  return code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e);
}

function isThaiBase(code: number): boolean {
  return (code >= 0x0e01 && code <= 0x0e30) || isThaiMark(code) || (code >= 0x0e32 && code <= 0x0e33);
}

function besideAsciiLetter(chars: string[], i: number): boolean {
  return /[A-Za-z]/.test(chars[i - 1] ?? '') || /[A-Za-z]/.test(chars[i + 1] ?? '');
}

/**
 * Detection for undeclared legacy bytes: decode a sample with each candidate and keep the one
 * whose text looks most like natural language in that charset's script. Ties keep the earlier
 * candidate (CJK first, then Cyrillic, then Latin).
 */
export function detectCharset(buffer: Buffer): string {
  const sample = nonAsciiSample(buffer);
  let best = 'windows-1252';
  let bestScore = -Infinity;
  for (const { charset, family } of CANDIDATES) {
    const score = plausibility(iconv.decode(sample, charset), family);
    if (score > bestScore) {
      bestScore = score;
      best = charset;
    }
  }
  return best;
}

/** Up to 64 KiB starting a little before the first non-ASCII byte (markup is mostly ASCII). */
function nonAsciiSample(buffer: Buffer): Buffer {
  const first = buffer.findIndex((byte) => byte >= 0x80);
  const start = first < 0 ? 0 : Math.max(0, first - 64);
  // Start on a line or tag boundary so a multi-byte sequence is not cut in half.
  const boundary = buffer.subarray(start, first < 0 ? start : first).lastIndexOf(0x3e);
  const from = boundary >= 0 ? start + boundary + 1 : start;
  return buffer.subarray(from, from + 64 * 1024);
}
