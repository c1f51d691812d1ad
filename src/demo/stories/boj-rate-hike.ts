import type { ArticleDraft } from './draft.js';

/** Story key: the Bank of Japan raises its policy rate to a 30-year high. */
export const BOJ_RATE_HIKE = 'boj-rate-hike';

/** Five outlets on one central bank decision; the numbers overlap, the angles differ. */
export const bojDrafts: ArticleDraft[] = [
  {
    id: 'reuters-boj-raises-rates',
    outletId: 'reuters',
    storyKey: BOJ_RATE_HIKE,
    section: 'business',
    minutesAgo: 1500,
    author: 'Leika Morimoto',
    title: 'Bank of Japan raises rates to 0.75%, highest since 1995, signals more hikes',
    summary:
      'The Bank of Japan raised short-term interest rates to 0.75% on Friday, the highest in three decades, and said it would keep tightening if wages and prices develop as it expects.',
    imageCaption: 'Bank of Japan Governor Kazuo Ueda attends a news conference at the central bank headquarters in Tokyo.',
    tags: ['Bank of Japan', 'Interest rates', 'Markets'],
    paragraphs: [
      'TOKYO (Reuters) - The Bank of Japan raised its short-term policy rate to 0.75% from 0.5% on Friday, taking borrowing costs to their highest since 1995 and signalling that more increases could follow as solid wage gains keep inflation near its 2% target.',
      'The decision was made by a 7-2 vote, with board members Takeshi Hirano and Emi Kurosawa dissenting in favour of waiting until the impact of U.S. tariffs on Japanese exporters becomes clearer.',
      "Core consumer prices rose 3.0% in the year to October, the 43rd straight month above the central bank's target, while this year's spring wage talks delivered average pay rises of 5.2%.",
      'The yen firmed to 146.20 per dollar after the announcement from around 148.90 beforehand, while the benchmark 10-year Japanese government bond yield rose 4 basis points to 1.62%.',
      'In its quarterly outlook, the BOJ projected core inflation to slow to around 2% in fiscal 2027, and said real interest rates remained deeply negative, leaving financial conditions accommodative.',
      '"If our economic and price forecasts are realised, we will continue to raise the policy rate," Governor Kazuo Ueda told a news conference.',
      'Most economists polled by Reuters expect the next increase, to 1%, by the middle of next year.',
      '(Reporting by Leika Morimoto and Takeo Sanada; Editing by Joanne Briggs)',
    ],
  },
  {
    id: 'cnbc-boj-hike-yen',
    outletId: 'cnbc',
    storyKey: BOJ_RATE_HIKE,
    section: 'markets',
    minutesAgo: 1480,
    author: 'Lena Whitaker',
    title: 'Yen jumps, Nikkei slides as Bank of Japan hikes to 0.75% and keeps door open to more',
    summary:
      "Japan's central bank lifted its benchmark rate by 25 basis points to 0.75%. The yen strengthened and the Nikkei 225 fell 1.4% as traders priced in further tightening.",
    imageCaption: 'Pedestrians walk past a stock quotation board in Tokyo.',
    tags: ['Markets', 'Japan', 'Currencies', 'Central banks'],
    paragraphs: [
      'The Bank of Japan on Friday raised its benchmark interest rate by 25 basis points to 0.75%, the highest level since 1995, sending the yen higher and Japanese stocks lower.',
      'The yen strengthened as much as 1.8% to 146.20 against the U.S. dollar following the decision, while the Nikkei 225 closed down 1.4% and the broader Topix lost 1.1%. Exporters including automakers led the declines.',
      'The yield on the 10-year Japanese government bond climbed to 1.62%, its highest in more than 17 years.',
      'Governor Kazuo Ueda said the central bank would continue to raise rates if the economy and prices moved in line with its forecasts, adding that real rates remain "significantly negative."',
      'Two of the nine board members voted against the move, a sign that the pace of future hikes remains contested inside the bank.',
      '"The message is clearly hawkish. We now expect another hike to 1% by June, and the market will start to price a terminal rate of around 1.25% to 1.5%," said Daniel Okafor, head of Asia rates strategy at Harbour Lane Capital.',
      'Carry trades funded in yen could come under pressure again if the currency keeps strengthening, strategists warned, recalling the sharp market sell-off that followed a BOJ hike in the summer of 2024.',
    ],
  },
  {
    id: 'jt-boj-hike-households',
    outletId: 'japantimes',
    storyKey: BOJ_RATE_HIKE,
    section: 'business',
    minutesAgo: 1420,
    author: 'Taro Kaneda',
    title: 'BOJ lifts rate to 0.75% as wage gains take hold, raising mortgage costs for households',
    summary:
      'The Bank of Japan raised its key rate to 0.75%, the highest in 30 years, betting that wage growth will sustain inflation. Variable-rate borrowers will feel it first.',
    imageCaption: "The Bank of Japan headquarters in Tokyo's Nihonbashi district.",
    tags: ['BOJ', 'Economy', 'Mortgages'],
    paragraphs: [
      'The Bank of Japan raised its short-term policy rate to 0.75% on Friday, the highest level in three decades, as the central bank grows more confident that rising wages will keep inflation anchored around its 2% target.',
      'The board voted 7-2 for the increase, with Takeshi Hirano and Emi Kurosawa voting against. Governor Kazuo Ueda said more increases were likely if the outlook holds.',
      "Core consumer inflation stood at 3.0% in October, and major companies agreed to average wage increases of 5.2% at this year's spring labor talks, the largest in more than three decades.",
      'The move is expected to push up rates on variable-rate mortgages, which account for roughly 75% of new home loans in Japan. Major banks are likely to announce increases to their short-term prime rates next week.',
      '"For a family with a ¥40 million loan, monthly payments could rise by around ¥5,000 over the next year," said Naomi Sugiura, a financial planner in Yokohama.',
      'Savers, on the other hand, will see modestly better returns on deposits. Megabanks raised ordinary deposit rates to 0.2% after the last hike and are expected to lift them to around 0.3%.',
      'The yen strengthened to around 146 per dollar after the decision, which could help ease the cost of imported food and energy.',
    ],
  },
  {
    id: 'kyodo-boj-raises-key-rate',
    outletId: 'kyodo',
    storyKey: BOJ_RATE_HIKE,
    section: 'business',
    minutesAgo: 1510,
    author: 'Kyodo',
    title: 'BOJ raises key rate to 0.75%, highest in 30 yrs',
    summary:
      'The Bank of Japan decided Friday to raise its short-term policy interest rate to 0.75 percent from 0.5 percent, the highest level since 1995.',
    imageCaption: 'Bank of Japan Governor Kazuo Ueda.',
    tags: ['Bank of Japan', 'Economy'],
    paragraphs: [
      'TOKYO - The Bank of Japan decided Friday to raise its short-term policy interest rate to 0.75 percent from 0.5 percent, the highest level since 1995, judging that wage increases and inflation are likely to continue.',
      'The decision at the two-day policy meeting was made by a 7-2 vote of the nine-member board. Board members Takeshi Hirano and Emi Kurosawa proposed keeping the rate unchanged.',
      "Japan's core consumer price index rose 3.0 percent in October from a year earlier, staying above the bank's 2 percent target for more than three years.",
      'In its outlook report, the central bank said core inflation is expected to slow to around 2 percent in fiscal 2027 as the effect of higher import costs fades.',
      'Governor Kazuo Ueda is scheduled to explain the decision at a press conference later in the day.',
    ],
  },
  {
    id: 'guardian-boj-ends-cheap-money',
    outletId: 'guardian',
    storyKey: BOJ_RATE_HIKE,
    section: 'business',
    minutesAgo: 1380,
    author: 'Phillipa Crowe',
    title: "Japan's era of cheap money fades as central bank raises rates to 30-year high",
    summary:
      'Bank of Japan lifts rate to 0.75% amid stubborn inflation, in contrast to cuts by the Federal Reserve and the Bank of England.',
    imageCaption: 'A shopper checks prices at a supermarket in Tokyo, where food inflation has squeezed household budgets.',
    tags: ['Japan', 'Interest rates', 'Global economy'],
    paragraphs: [
      "Japan's central bank has raised interest rates to their highest level in 30 years, moving further away from the ultra-loose policy that defined the country's economy for a generation while other big central banks cut borrowing costs.",
      'The Bank of Japan lifted its short-term policy rate to 0.75% from 0.5% on Friday, in a 7-2 vote. Its governor, Kazuo Ueda, said further increases would follow if wages and prices kept rising as forecast.',
      "Inflation in Japan has exceeded the bank's 2% target for more than three years, with core consumer prices up 3.0% in October. The price of rice, a staple, has almost doubled in a year, fuelling anger among households.",
      'The yen rose to 146.20 against the dollar after the announcement. A weak currency has pushed up the cost of imported food and fuel and boosted tourism to record levels.',
      'The decision contrasts with the US Federal Reserve and the Bank of England, both of which have cut rates in recent months as inflation eased in their economies.',
      'Economists expect the BOJ to raise rates to 1% by the middle of next year, although the bank said inflation should slow to about 2% by fiscal 2027.',
    ],
  },
];
