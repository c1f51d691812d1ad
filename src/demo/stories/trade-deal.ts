import type { ArticleDraft } from './draft.js';

/** Story key: the EU and Australia conclude a free trade agreement. */
export const EU_AUSTRALIA_TRADE = 'eu-australia-trade-deal';

/** Four outlets on one trade agreement; the Guardian files it under two feeds. */
export const tradeDealDrafts: ArticleDraft[] = [
  {
    id: 'reuters-eu-australia-fta',
    outletId: 'reuters',
    storyKey: EU_AUSTRALIA_TRADE,
    section: 'business',
    minutesAgo: 1980,
    author: 'Philip Blenkinsop',
    title: 'EU and Australia seal free trade deal after seven years of talks',
    summary:
      'The European Union and Australia concluded a free trade agreement on Tuesday that will remove tariffs on more than 98% of goods, ending talks that collapsed in 2023 over farm access.',
    imageCaption: 'EU trade commissioner Maros Sefcovic and Australian Trade Minister Don Farrell shake hands in Brussels.',
    tags: ['Trade', 'European Union', 'Australia'],
    paragraphs: [
      'BRUSSELS (Reuters) - The European Union and Australia concluded a free trade agreement on Tuesday that will eliminate tariffs on more than 98% of goods traded between them, ending negotiations that began in 2018 and collapsed in 2023 over access for Australian beef and sheep meat.',
      'EU trade commissioner Maroš Šefčovič and Australian Trade Minister Don Farrell announced the deal in Brussels after a final round of talks that ran through the night.',
      'Under the agreement, Australia will get a tariff-free quota of 30,000 tonnes of beef a year, phased in over ten years, and the EU will drop its 10% duty on Australian wine. Australia will scrap its 5% tariff on European cars and raise the threshold for its luxury car tax for EU vehicles.',
      'The deal also includes a chapter on critical minerals that gives European companies better access to Australian lithium, cobalt and rare earths, which the EU wants in order to reduce its reliance on China.',
      'Trade between the two partners was worth about 60 billion euros ($65 billion) in goods last year. The European Commission estimates the deal could raise EU exports to Australia by up to a third.',
      'The agreement still has to be ratified by the European Parliament, EU governments and the Australian parliament. Officials expect it to enter into force by 2027.',
      '(Reporting by Philip Blenkinsop; additional reporting by Renju Jose in Sydney; Editing by Alex Richardson)',
    ],
  },
  {
    id: 'guardian-eu-australia-trade-deal',
    outletId: 'guardian',
    storyKey: EU_AUSTRALIA_TRADE,
    section: 'trade',
    minutesAgo: 1900,
    author: "Daniel Hurst and Lisa O'Carroll",
    title: 'Australia and EU strike trade deal as farmers in France vow to fight beef quota',
    summary:
      'Agreement scraps tariffs on 98% of goods and gives Europe access to critical minerals, but French and Irish farmers say the 30,000-tonne beef quota threatens their livelihoods.',
    imageCaption: 'Cattle at a feedlot in New South Wales. Australia has won a 30,000-tonne beef quota under the deal.',
    tags: ['Trade policy', 'Australia news', 'European Union', 'Farming'],
    paragraphs: [
      'Australia and the European Union have struck a free trade agreement that removes tariffs on more than 98% of goods, five years after talks began in earnest and two years after they collapsed in acrimony over farm products.',
      'The Australian trade minister, Don Farrell, said the deal was "the best outcome for Australian farmers and businesses that was on the table", after agreeing terms with the EU trade commissioner, Maroš Šefčovič, in Brussels on Tuesday.',
      'Australia will gain a tariff-free beef quota of 30,000 tonnes a year, phased in over a decade, as well as larger quotas for sheep meat, sugar and dairy. In return, Australia will abolish its 5% tariff on European cars and give EU firms better access to its critical minerals.',
      'Australian producers will be allowed to keep using the name prosecco for ten years for wine sold domestically, while the names feta and parmesan will be phased out over a longer period, a compromise that took months to negotiate.',
      'Farmers\' unions in France and Ireland condemned the beef quota, and the French agriculture minister said Paris would examine the text "line by line" before deciding whether to support it.',
      'The deal needs the approval of the European Parliament and EU member states and is expected to take effect by 2027 at the earliest.',
    ],
  },
  {
    id: 'cnbc-eu-australia-deal-markets',
    outletId: 'cnbc',
    storyKey: EU_AUSTRALIA_TRADE,
    section: 'economy',
    minutesAgo: 1940,
    author: 'Holly Brennan',
    title: "EU-Australia trade pact opens Europe's door to lithium and beef — here's who wins",
    summary:
      'The free trade agreement between the European Union and Australia eliminates tariffs on over 98% of goods. Miners and European automakers stand to gain the most.',
    imageCaption: 'A lithium mine in Western Australia.',
    tags: ['Trade', 'Commodities', 'Autos'],
    paragraphs: [
      'The European Union and Australia finally concluded a free trade agreement on Tuesday, eliminating tariffs on more than 98% of goods and giving European companies preferential access to Australian critical minerals.',
      'Shares of Australian lithium producers rose in Sydney trading, with Pilbara Minerals up 4.1%, while European automakers also edged higher on the prospect of Australia removing its 5% tariff on their cars.',
      'Two-way goods trade was worth roughly 60 billion euros last year, and Brussels projects EU exports to Australia could grow by as much as a third once the deal is in force.',
      '"For Europe this is as much about supply chains as it is about tariffs. Lithium and rare earths from a trusted partner are worth more to Brussels than the beef quota costs it," said Marta Lindqvist, chief economist at Nordvik Bank.',
      'Australia secured a beef quota of 30,000 tonnes, phased in over ten years, a sore point for European farm lobbies.',
      'The agreement is expected to come into force by 2027 after ratification, analysts said, although opposition from French farmers could slow approval in the European Parliament.',
    ],
  },
  {
    id: 'aljazeera-eu-australia-trade',
    outletId: 'aljazeera',
    storyKey: EU_AUSTRALIA_TRADE,
    section: 'economy',
    minutesAgo: 1860,
    author: 'Al Jazeera and news agencies',
    title: 'EU and Australia agree trade deal, eye critical minerals beyond China',
    summary:
      'The agreement removes tariffs on nearly all goods and is part of a European push to diversify supplies of lithium and rare earths away from China.',
    imageCaption: 'Shipping containers at the Port of Melbourne.',
    tags: ['Economy', 'Trade', 'Australia', 'European Union'],
    paragraphs: [
      'The European Union and Australia have agreed a free trade deal that will remove tariffs on more than 98 percent of goods, as both seek to diversify trade amid tensions with China and the United States.',
      'The deal was announced in Brussels on Tuesday by EU trade commissioner Maroš Šefčovič and Australian Trade Minister Don Farrell, two years after earlier negotiations broke down over agricultural quotas.',
      'Australia will be allowed to export 30,000 tonnes of beef a year to the EU without tariffs, phased in over ten years, while European carmakers will no longer pay a 5 percent tariff in Australia.',
      'A chapter on critical minerals is expected to help European industry secure lithium and rare earths, supplies of which are currently dominated by China.',
      'The EU has signed or updated trade deals with Mexico, Indonesia and the Mercosur bloc over the past two years as it seeks new partners in the face of US tariffs.',
      "The agreement must be ratified by the European Parliament and Australia's parliament, and is expected to enter into force by 2027.",
    ],
  },
];
