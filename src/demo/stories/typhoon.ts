import type { ArticleDraft } from './draft.js';

/** Story key: a typhoon makes landfall in the northern Philippines. */
export const TYPHOON_LUSONG = 'typhoon-lusong-philippines';

/** Four outlets on one disaster; the death toll moves between reports, as it does. */
export const typhoonDrafts: ArticleDraft[] = [
  {
    id: 'aljazeera-typhoon-lusong-landfall',
    outletId: 'aljazeera',
    storyKey: TYPHOON_LUSONG,
    section: 'news',
    minutesAgo: 240,
    updatedAfterMinutes: 90,
    author: 'Ted Regencia',
    title: 'Typhoon Lusong kills at least 23 in the Philippines, forces 410,000 to flee',
    summary:
      'The powerful storm made landfall in Cagayan province with winds of 185km/h, flattening homes and cutting power to 1.2 million people in northern Luzon.',
    imageCaption: 'Residents wade through floodwaters in Aparri, Cagayan province, after Typhoon Lusong made landfall.',
    tags: ['Philippines', 'Weather', 'Climate Crisis'],
    paragraphs: [
      'At least 23 people have been killed and 14 are missing after Typhoon Lusong slammed into the northern Philippines, flattening homes, triggering landslides and forcing more than 410,000 people to flee, officials say.',
      'The typhoon made landfall near the town of Aparri in Cagayan province early on Monday with maximum sustained winds of 185km/h (115mph) and gusts of up to 230km/h (143mph), according to the state weather agency PAGASA.',
      'Most of the deaths were caused by landslides and falling trees in the mountain provinces of Apayao and Kalinga, the National Disaster Risk Reduction and Management Council said.',
      'Power was cut to about 1.2 million people across northern Luzon, and more than 180 domestic and international flights were cancelled.',
      'President Ferdinand Marcos Jr ordered the military and coastguard to deploy aircraft and boats to reach isolated villages, and said food packs had been prepositioned in the region before the storm arrived.',
      'The Philippines is hit by about 20 tropical storms a year. Scientists say warmer seas linked to climate change are making typhoons stronger and wetter.',
      'Lusong is expected to weaken as it crosses the South China Sea, but could still bring heavy rain to Hong Kong and the Chinese province of Guangdong by Wednesday.',
    ],
  },
  {
    id: 'reuters-typhoon-lusong',
    outletId: 'reuters',
    storyKey: TYPHOON_LUSONG,
    section: 'world',
    minutesAgo: 300,
    author: 'Karen Lema',
    title: 'Typhoon Lusong batters northern Philippines, at least 19 dead',
    summary:
      'Typhoon Lusong lashed the northern Philippines on Monday, killing at least 19 people, displacing hundreds of thousands and knocking out power in large parts of Luzon.',
    imageCaption: 'A man repairs the roof of his house damaged by Typhoon Lusong in Cagayan province.',
    tags: ['Philippines', 'Disasters', 'Weather'],
    paragraphs: [
      'MANILA (Reuters) - Typhoon Lusong lashed the northern Philippines on Monday, killing at least 19 people, displacing more than 400,000 and knocking out power to about 1.2 million people, disaster officials said.',
      'The storm made landfall near Aparri in Cagayan province at around 3 a.m. local time (1900 GMT Sunday) packing sustained winds of 185 kph (115 mph), weather agency PAGASA said, and raised its highest storm signal, No. 5, for parts of the province.',
      'Landslides buried houses in Apayao and Kalinga provinces, and rescuers were searching for at least 14 people reported missing.',
      'Airlines cancelled more than 180 flights, and the coast guard barred ships from leaving ports in northern Luzon, stranding about 6,000 passengers.',
      'The agriculture department estimated initial crop damage at 2.4 billion pesos ($41 million), mostly to rice and corn fields close to harvest.',
      'PAGASA expects Lusong to exit the Philippine area of responsibility on Tuesday and to weaken into a severe tropical storm before approaching southern China.',
      '(Reporting by Karen Lema and Neil Jerome Morales; Editing by Tom Hogue)',
    ],
  },
  {
    id: 'guardian-typhoon-lusong',
    outletId: 'guardian',
    storyKey: TYPHOON_LUSONG,
    section: 'world',
    minutesAgo: 200,
    author: 'Rebecca Ratcliffe, south-east Asia correspondent',
    title: 'Typhoon Lusong: dozens dead or missing as storm tears through northern Philippines',
    summary:
      'More than 410,000 people evacuated as the storm brings winds of 185km/h to Cagayan, the latest in a series of powerful typhoons to hit the country.',
    imageCaption: 'Rescuers search for survivors after a landslide in Kalinga province.',
    tags: ['Philippines', 'Extreme weather', 'Climate crisis'],
    paragraphs: [
      'At least 23 people have died and 14 are missing after Typhoon Lusong tore through the northern Philippines, uprooting trees, burying homes under landslides and cutting electricity to more than a million people.',
      'The storm struck Cagayan province early on Monday with sustained winds of 185km/h, the Philippine weather agency, PAGASA, said. More than 410,000 people had been evacuated from coastal and low-lying areas.',
      'In the town of Aparri, near where the storm made landfall, residents described hours of howling wind. "The roof went first, then the walls," said Liza Domingo, 46, who sheltered with her three children in a school gymnasium.',
      'Humanitarian groups warned that many of those affected were still recovering from storms that hit the same region last year. "Families are being pushed to the edge again and again," said a spokesperson for the Philippine Red Cross.',
      'Scientists say the climate crisis is making typhoons more intense, as warmer oceans give storms more energy and allow them to strengthen rapidly before landfall.',
      'Lusong is forecast to weaken over the South China Sea, but Hong Kong Observatory said it could still bring heavy rain and strong winds to the Pearl River delta by Wednesday.',
    ],
  },
  {
    id: 'kyodo-typhoon-lusong-japanese-nationals',
    outletId: 'kyodo',
    storyKey: TYPHOON_LUSONG,
    section: 'asia',
    minutesAgo: 280,
    author: 'Kyodo',
    title: 'Typhoon Lusong kills 21 in northern Philippines, no Japanese hurt',
    summary:
      'A powerful typhoon that hit Cagayan province in the northern Philippines on Monday has left at least 21 dead, with no Japanese nationals reported injured, the Japanese Embassy in Manila said.',
    imageCaption: 'A road blocked by fallen trees in Cagayan province, northern Philippines.',
    tags: ['Philippines', 'Typhoon'],
    paragraphs: [
      'MANILA - A powerful typhoon that made landfall in Cagayan province in the northern Philippines on Monday has killed at least 21 people, with 14 others missing, local authorities said.',
      'Typhoon Lusong brought maximum sustained winds of 185 kilometers per hour, and more than 410,000 residents evacuated to shelters, according to the Philippine disaster agency.',
      'No Japanese nationals have been reported injured, the Japanese Embassy in Manila said, adding that it was checking on the safety of about 300 Japanese residents in the affected area.',
      "Japan's government is considering sending emergency relief goods such as tents and water purifiers through the Japan International Cooperation Agency, a Foreign Ministry official said.",
      'The typhoon is expected to weaken as it moves west across the South China Sea toward southern China.',
    ],
  },
];
