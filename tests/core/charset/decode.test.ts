import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/core/charset/decode.js';

const feed = (body: string, declaration = ''): string =>
  `<?xml version="1.0"${declaration ? ` encoding="${declaration}"` : ''}?>\n<rss version="2.0"><channel><title>${body}</title></channel></rss>`;

// Natural sentences, long enough for detection the way a real feed's titles are.
const SAMPLES: Array<{ charset: string; expected: string; text: string }> = [
  {
    charset: 'shift_jis',
    expected: 'shift_jis',
    text: '東京都は今日、新しい交通計画を発表しました。政府によると、来年の春から運用が始まる予定です。',
  },
  {
    charset: 'euc-jp',
    expected: 'euc-jp',
    text: '日本銀行は金融政策決定会合で、現在の大規模な金融緩和を続けることを決めました。市場の反応は落ち着いています。',
  },
  { charset: 'gb2312', expected: 'gbk', text: '国务院新闻办公室今天举行发布会，介绍今年经济发展情况。记者了解到，全国市场运行总体平稳。' },
  { charset: 'big5', expected: 'big5', text: '行政院今天召開會議，討論明年的經濟發展計畫。記者指出，這個問題在立法院引起很大的爭議。' },
  {
    charset: 'windows-1251',
    expected: 'windows-1251',
    text: 'Правительство России сегодня объявило о новых мерах поддержки экономики и малого бизнеса в регионах.',
  },
  {
    charset: 'koi8-r',
    expected: 'koi8-r',
    text: 'Правительство России сегодня объявило о новых мерах поддержки экономики и малого бизнеса в регионах.',
  },
  {
    charset: 'euc-kr',
    expected: 'euc-kr',
    text: '정부는 오늘 새로운 경제 정책을 발표했습니다. 기자들에 따르면 이 계획은 내년부터 시행될 예정입니다.',
  },
  {
    charset: 'windows-1252',
    expected: 'windows-1252',
    text: 'Le président a annoncé une réforme économique très attendue à la fin de l’été, selon le ministère.',
  },
];

describe('decodeBytes', () => {
  for (const sample of SAMPLES) {
    it(`detects undeclared ${sample.charset}`, () => {
      const decoded = decodeBytes(iconv.encode(feed(sample.text), sample.charset), { kind: 'xml' });
      expect(decoded.charset).toBe(sample.expected);
      expect(decoded.source).toBe('detected');
      expect(decoded.text).toContain(sample.text);
    });
  }

  it('follows a UTF-8 BOM and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(feed('Grüße'), 'utf8')]);
    const decoded = decodeBytes(bytes, { kind: 'xml', contentType: 'text/xml; charset=windows-1251' });
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain('Grüße');
  });

  it('follows a UTF-16LE BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(feed('日本語', 'utf-16'), 'utf-16le')]);
    expect(decodeBytes(bytes, { kind: 'xml' })).toMatchObject({ charset: 'utf-16le', source: 'bom' });
  });

  it('recognises UTF-16BE and UTF-32LE without a BOM from the first bytes', () => {
    expect(decodeBytes(iconv.encode(feed('x', 'utf-16'), 'utf-16be'), { kind: 'xml' })).toMatchObject({
      charset: 'utf-16be',
      source: 'sniffed',
    });
    const utf32 = decodeBytes(iconv.encode(feed('Ωμέγα', 'utf-32'), 'utf-32le'), { kind: 'xml' });
    expect(utf32).toMatchObject({ charset: 'utf-32le', source: 'sniffed' });
    expect(utf32.text).toContain('Ωμέγα');
  });

  it('lets the HTTP charset override the XML declaration', () => {
    const bytes = iconv.encode(feed('Новости', 'utf-8'), 'windows-1251');
    const decoded = decodeBytes(bytes, { kind: 'xml', contentType: 'application/rss+xml; charset=windows-1251' });
    expect(decoded).toMatchObject({ charset: 'windows-1251', source: 'http' });
    expect(decoded.text).toContain('Новости');
  });

  it('follows the XML declaration when there is no HTTP charset', () => {
    const decoded = decodeBytes(iconv.encode(feed('Ölpreis', 'iso-8859-1'), 'latin1'), { kind: 'xml', contentType: 'text/xml' });
    expect(decoded).toMatchObject({ charset: 'windows-1252', source: 'declaration' });
    expect(decoded.text).toContain('Ölpreis');
  });

  it('ignores a bogus charset parameter and an unknown label', () => {
    const bytes = Buffer.from(feed('café', 'bogus'), 'utf8');
    expect(decodeBytes(bytes, { kind: 'xml', contentType: 'text/xml; charset:iso-8859-1' })).toMatchObject({
      charset: 'utf-8',
      source: 'utf8',
    });
  });

  it('reads valid multi-byte UTF-8 under a Latin-1 label as UTF-8', () => {
    const decoded = decodeBytes(Buffer.from(feed('naïve “quotes”', 'iso-8859-1'), 'utf8'), { kind: 'xml' });
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('naïve “quotes”');
  });

  it('keeps UTF-8 with one stray Latin-1 byte readable, without U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from(feed('日本語のニュース'), 'utf8'), Buffer.from([0xe9])]);
    const decoded = decodeBytes(bytes, { kind: 'xml', contentType: 'text/xml; charset=utf-8' });
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('日本語のニュース');
    expect(decoded.text).not.toContain('\ufffd');
    expect(decoded.text.endsWith('é')).toBe(true);
  });

  it('reads <meta charset> for HTML', () => {
    const html = '<html><head><meta charset="shift_jis"><title>ニュース</title></head><body></body></html>';
    const decoded = decodeBytes(iconv.encode(html, 'shift_jis'), { kind: 'html' });
    expect(decoded).toMatchObject({ charset: 'shift_jis', source: 'declaration' });
    expect(decoded.text).toContain('ニュース');
  });
});
