import type { ArticleDraft } from './draft.js';
import { EU_AUSTRALIA_TRADE } from './trade-deal.js';

/** Markup an attacker would plant; the desk must show all of it as inert text. */
export const HOSTILE_SNIPPETS = {
  script: '<script>alert("xss-script")</script>',
  imgOnerror: '<img src=x onerror="alert(\'xss-img\')">',
  jsLink: '<a href="javascript:alert(\'xss-link\')">full text</a>',
  handler: '<b onmouseover="alert(\'xss-hover\')">tariffs</b>',
} as const;

/** The hostile outlet's display name: every place that prints it must escape it. */
export const HOSTILE_OUTLET_NAME = `Hostile ${HOSTILE_SNIPPETS.script} Times ${HOSTILE_SNIPPETS.imgOnerror}`;

/**
 * Two hostile articles: one genuinely about the EU–Australia deal (so it joins a shared
 * candidate and its strings sit next to honest outlets), and one alone.
 */
export const hostileDrafts: ArticleDraft[] = [
  {
    id: 'hostile-eu-australia-deal',
    outletId: 'hostile',
    storyKey: EU_AUSTRALIA_TRADE,
    section: 'news',
    minutesAgo: 1880,
    author: `Mallory ${HOSTILE_SNIPPETS.imgOnerror}`,
    title: `EU and Australia trade deal ${HOSTILE_SNIPPETS.script} scraps tariffs on 98% of goods ${HOSTILE_SNIPPETS.imgOnerror}`,
    summary: `${HOSTILE_SNIPPETS.imgOnerror}The European Union and Australia agreed a free trade deal removing tariffs on 98% of goods. ${HOSTILE_SNIPPETS.jsLink}`,
    imageCaption: `Brussels ${HOSTILE_SNIPPETS.imgOnerror}`,
    tags: ['Trade', '<script>alert("tag")</script>'],
    paragraphs: [
      `The European Union and Australia concluded a free trade agreement in Brussels on Tuesday that removes tariffs on more than 98% of goods, trade commissioner Maroš Šefčovič and Trade Minister Don Farrell said. ${HOSTILE_SNIPPETS.script}`,
      `Australia gets a tariff-free beef quota of 30,000 tonnes a year and Europe gets better access to lithium and other critical minerals; analysts said ${HOSTILE_SNIPPETS.handler} would fall on European cars.`,
      `The deal is expected to enter into force by 2027 after ratification by the European Parliament and Australia's parliament. ${HOSTILE_SNIPPETS.jsLink}`,
      'French farmers said the beef quota threatened their livelihoods, and Paris said it would study the text before deciding on support.',
    ],
    rawBodyHtml: [
      '<script>document.title = "pwned"; fetch("/steal?c=" + document.cookie);</script>',
      '<p onclick="alert(\'xss-click\')">Trade between the EU and Australia was worth about 60 billion euros last year.</p>',
      '<p><a href="javascript:alert(\'xss-anchor\')">Read the agreement</a> <img src="x" onerror="alert(\'xss-body-img\')"></p>',
      '<iframe src="javascript:alert(\'xss-frame\')"></iframe><svg onload="alert(\'xss-svg\')"></svg>',
      '<style>body { display: none }</style><form action="javascript:alert(\'xss-form\')"><input name="q"></form>',
    ],
  },
  {
    id: 'hostile-miracle-cure',
    outletId: 'hostile',
    storyKey: 'solo-hostile-miracle-cure',
    section: 'news',
    minutesAgo: 100,
    author: '"><script>alert("author")</script>',
    title: `Doctors stunned by one weird garden trick ${HOSTILE_SNIPPETS.imgOnerror}`,
    summary: `<svg onload="alert('xss-summary')"></svg>A gardener in Leicestershire says nettle tea cured his insomnia. ${HOSTILE_SNIPPETS.jsLink}`,
    imageCaption: 'A cup of nettle tea <script>alert("caption")</script>',
    tags: ['Health'],
    paragraphs: [
      'A retired gardener in Leicestershire says drinking nettle tea every evening has cured the insomnia that troubled him for eleven years.',
      `Sleep researchers said there was no evidence for the claim and warned readers against replacing medical advice with home remedies. ${HOSTILE_SNIPPETS.imgOnerror}`,
      'The gardener, who grows nettles along the edge of his allotment, said he planned to write a book about his experience.',
    ],
    rawBodyHtml: ['<script src="http://127.0.0.1:9/evil.js"></script>', '<a href="JaVaScRiPt:alert(\'xss-mixed-case\')">more</a>'],
  },
];
