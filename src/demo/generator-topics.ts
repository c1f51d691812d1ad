/**
 * Story topics of the synthetic world. Placeholders are filled per story ({P1} lead person,
 * {P1s} surname, {R1} role, {P2}/{P2s}/{R2}, {PL} city, {RG} region, {CO} country, {ORG}
 * organisation, {K1}/{K2} story-specific names, {N1}-{N3} numbers, {PCT} a percentage,
 * {Y} a future year) and per outlet ({said}, {pc} percent sign, {Day}).
 */
export interface Topic {
  key: string;
  label: string;
  roles: [string, string];
  orgKind: string;
  /** Ranges of {N1}, {N2}, {N3}. */
  numbers: [[number, number], [number, number], [number, number]];
  headlines: string[];
  sentences: string[];
  forward: string[];
  terms: string[];
}

export const topics: Topic[] = [
  {
    key: 'flood',
    label: 'Floods',
    roles: ['provincial governor', 'head of the national disaster agency'],
    orgKind: 'Disaster Management Authority',
    numbers: [
      [8, 140],
      [2_000, 250_000],
      [180, 620],
    ],
    headlines: [
      'Floods kill {N1} in {RG} as {K1} bursts its banks',
      '{N2} flee as record rain swamps {PL}',
      '{RG} floods: death toll rises to {N1}',
    ],
    sentences: [
      'At least {N1} people have died after days of torrential rain caused the {K1} to burst its banks near {PL}, officials {said}.',
      'More than {N2} residents of {RG} have been moved to shelters, according to the {ORG}.',
      '{P1}, the {R1}, {said} rescue teams were using boats to reach villages cut off around {PL}.',
      'Weather stations along the {K1} recorded {N3} millimetres of rain in 48 hours, more than a typical month.',
      '{P2}, {R2}, {said} the {K2} embankment had been weakened by years of sand mining.',
      'Roads between {PL} and the rest of {RG} remained under water on {Day}, hampering the delivery of food and drinking water.',
      'Aid groups warned of outbreaks of waterborne disease in crowded camps near the {K2}.',
      'Farmers in {RG} said rice and maize fields close to harvest had been destroyed.',
    ],
    forward: [
      'The {ORG} expects the {K1} to stay above danger levels until the end of the week.',
      '{P1} {said} a new flood barrier on the {K2} should be completed by {Y}.',
    ],
    terms: ['rainfall', 'embankment', 'evacuation', 'rescue boats', 'river level', 'shelters', 'landslide'],
  },
  {
    key: 'election',
    label: 'Elections',
    roles: ['opposition leader', 'incumbent president'],
    orgKind: 'Electoral Commission',
    numbers: [
      [38, 61],
      [1_200_000, 31_000_000],
      [52, 81],
    ],
    headlines: [
      '{P1s} claims victory in {CO} presidential run-off',
      '{CO} votes: {P1s} leads {P2s} with {N1}{pc} counted',
      'Turnout hits {N3}{pc} as {CO} picks between {P1s} and {P2s}',
    ],
    sentences: [
      'Preliminary results from the {ORG} gave {P1}, the {R1}, {N1}{pc} of the vote in the run-off against {P2}, the {R2}.',
      'Turnout reached {N3}{pc}, with about {N2} ballots cast, the highest in a decade, the {ORG} {said}.',
      '{P1s} told supporters in {PL} that voters had chosen "a clean break" with the {K1} era.',
      '{P2s} has not conceded, and his campaign {said} it would challenge results from polling stations in {RG}.',
      'The campaign was dominated by the cost of living and the collapse of the {K2} pension scheme.',
      'International observers from the {K1} mission {said} voting had been largely orderly.',
      'Crowds waving flags gathered in central {PL} late into the night on {Day}.',
      'Markets in {CO} rallied on the result, with the currency gaining against the dollar.',
    ],
    forward: [
      'The new president is expected to be sworn in by the end of next month.',
      '{P1s} has promised to restore the {K2} pension scheme by {Y}.',
    ],
    terms: ['ballots', 'polling stations', 'run-off', 'turnout', 'campaign', 'observers', 'concede'],
  },
  {
    key: 'merger',
    label: 'Mergers',
    roles: ['chief executive', 'chair of the competition regulator'],
    orgKind: 'Holdings',
    numbers: [
      [3, 48],
      [1_500, 22_000],
      [12, 45],
    ],
    headlines: [
      '{ORG} agrees ${N1} billion takeover of {K1}',
      '{K1} shares jump {N3}{pc} on {ORG} bid',
      '{ORG}-{K1} deal faces scrutiny from regulators',
    ],
    sentences: [
      '{ORG} has agreed to buy rival {K1} for ${N1} billion in cash and shares, the companies {said} on {Day}.',
      'The offer values {K1} shares at a premium of {N3}{pc} to their closing price before the announcement.',
      '{P1}, {R1} of {ORG}, {said} the combined group would save about $400 million a year in costs.',
      'The deal would create the largest operator of {K2} networks in {RG}, with around {N2} employees.',
      '{P2}, {R2}, {said} the authority would examine whether the merger reduces competition in {PL}.',
      'Unions representing {K1} staff warned of job cuts at its headquarters in {PL}.',
      'Shares of {ORG} fell slightly in early trading as investors weighed the price.',
      'Advisers on the transaction include several large investment banks, according to people familiar with the matter.',
    ],
    forward: [
      'The companies expect the takeover to close by {Y}, subject to regulatory approval.',
      '{P1s} {said} the combined company would list its shares in {PL} after the deal completes.',
    ],
    terms: ['takeover', 'shareholders', 'premium', 'regulators', 'synergies', 'valuation', 'bid'],
  },
  {
    key: 'strike',
    label: 'Labour',
    roles: ['general secretary of the union', 'transport minister'],
    orgKind: 'Workers Union',
    numbers: [
      [24, 96],
      [4_000, 120_000],
      [3, 14],
    ],
    headlines: [
      '{K1} rail workers begin {N1}-hour strike over pay',
      'Trains halted across {RG} as {ORG} walks out',
      '{CO} strike: {N2} workers stop work in {PL}',
    ],
    sentences: [
      'About {N2} members of the {ORG} walked off the job on {Day}, halting services on the {K1} network for {N1} hours.',
      '{P1}, {R1}, {said} members had rejected an offer of a {N3}{pc} pay rise as "an insult" after years of inflation.',
      'Commuters in {PL} crowded onto buses and shared taxis, and schools in parts of {RG} closed early.',
      '{P2}, the {R2}, {said} the government would not reopen the {K2} agreement under pressure.',
      'Freight operators warned that shipments of grain and fuel to the coast would be delayed.',
      'Picket lines formed outside the main depot in {PL} before dawn.',
      'Business groups estimated the cost of the stoppage at several million dollars a day.',
      'The union has staged three previous walkouts this year over staffing and safety.',
    ],
    forward: [
      'The {ORG} {said} further strikes are expected next month if talks fail.',
      'Mediators hope to agree a new contract before the {K2} agreement expires in {Y}.',
    ],
    terms: ['strike', 'pay offer', 'picket', 'commuters', 'walkout', 'union', 'wages'],
  },
  {
    key: 'trial',
    label: 'Courts',
    roles: ['former minister', 'chief prosecutor'],
    orgKind: 'High Court',
    numbers: [
      [2, 19],
      [40, 900],
      [6, 30],
    ],
    headlines: [
      '{P1s} jailed for {N1} years over {K1} contracts',
      'Court convicts {P1s} in {K1} bribery case',
      'Verdict in {K1} corruption trial shakes {CO} politics',
    ],
    sentences: [
      'The {ORG} in {PL} sentenced {P1}, a {R1}, to {N1} years in prison on {Day} for taking bribes linked to the {K1} contracts.',
      'Judges found that {P1s} had steered contracts worth {N2} million dollars to companies controlled by relatives.',
      '{P2}, the {R2}, {said} the verdict showed that "no one is above the law".',
      '{P1s} denied wrongdoing throughout the {N3}-month trial and his lawyers {said} they would appeal.',
      'The case centred on the construction of the {K2}, which ran years behind schedule.',
      'Supporters of the former minister gathered outside the court in {PL}, chanting his name.',
      'Anti-corruption campaigners in {RG} welcomed the ruling but said others involved had not been charged.',
      'The court also ordered the seizure of properties and bank accounts linked to the scheme.',
    ],
    forward: [
      'An appeal hearing is expected to be scheduled by {Y}.',
      'Prosecutors {said} further charges in the {K1} case are expected within months.',
    ],
    terms: ['verdict', 'sentence', 'bribes', 'appeal', 'judges', 'prosecutors', 'contracts'],
  },
  {
    key: 'outbreak',
    label: 'Health',
    roles: ['health minister', 'regional director of the health agency'],
    orgKind: 'Public Health Institute',
    numbers: [
      [3, 85],
      [60, 4_000],
      [2, 12],
    ],
    headlines: [
      '{K1} fever outbreak kills {N1} in {RG}',
      '{CO} declares emergency over {K1} fever cases',
      'Vaccination drive begins as {K1} fever spreads in {PL}',
    ],
    sentences: [
      'An outbreak of {K1} fever has killed {N1} people and infected about {N2} in {RG}, the {ORG} {said} on {Day}.',
      '{P1}, the {R1}, declared a health emergency in {N3} districts around {PL}.',
      'The virus is spread by ticks that live on livestock, and most cases involve herders and abattoir workers.',
      '{P2}, {R2}, {said} teams had been sent to trace contacts and disinfect markets near the {K2}.',
      'Hospitals in {PL} set up isolation wards, and some clinics reported shortages of protective equipment.',
      'Authorities banned the movement of cattle out of the affected districts.',
      'The last large outbreak of the disease in {CO} was more than a decade ago.',
      'Doctors urged anyone with sudden fever and bleeding to seek treatment immediately.',
    ],
    forward: ['The {ORG} expects cases to peak within three weeks.', 'A vaccine plant near {PL} is expected to start production by {Y}.'],
    terms: ['infections', 'virus', 'isolation', 'vaccine', 'contact tracing', 'clinics', 'emergency'],
  },
  {
    key: 'launch',
    label: 'Space',
    roles: ['head of the space agency', 'mission director'],
    orgKind: 'Space Agency',
    numbers: [
      [3, 40],
      [150, 4_200],
      [2, 9],
    ],
    headlines: [
      '{CO} launches {K1} lunar probe from {PL}',
      '{K1} probe reaches orbit on {N3}th attempt',
      '{ORG} hails {K1} launch as milestone',
    ],
    sentences: [
      'The {K1} probe lifted off from the {PL} spaceport on {Day} aboard a {K2} rocket, the {ORG} {said}.',
      "The spacecraft, weighing {N2} kilograms, is designed to map water ice near the moon's south pole.",
      '{P1}, {R1}, {said} the launch was the result of {N1} years of work by engineers in {RG}.',
      '{P2}, the {R2}, {said} all systems were working normally after separation from the rocket.',
      'The mission carries instruments built by universities in {CO} and two foreign partners.',
      'Crowds watched the launch from beaches near {PL}, cheering as the rocket climbed.',
      'Previous attempts to launch the {K2} rocket failed because of problems with its upper stage.',
      'The probe will spend several weeks in Earth orbit before heading towards the moon.',
    ],
    forward: ['The {K1} probe is expected to enter lunar orbit next month.', 'The {ORG} plans a crewed mission by {Y}.'],
    terms: ['rocket', 'orbit', 'spacecraft', 'launch pad', 'lunar', 'payload', 'mission'],
  },
  {
    key: 'wildfire',
    label: 'Wildfires',
    roles: ['state fire commissioner', 'regional premier'],
    orgKind: 'Fire and Rescue Service',
    numbers: [
      [20_000, 450_000],
      [400, 30_000],
      [2, 60],
    ],
    headlines: [
      '{K1} wildfire burns {N1} hectares near {PL}',
      'Thousands evacuated as {K1} fire threatens {PL}',
      'Firefighters battle {K1} blaze in {RG}',
    ],
    sentences: [
      'The {K1} fire has burned about {N1} hectares of forest and farmland near {PL}, the {ORG} {said} on {Day}.',
      'Around {N2} people were ordered to leave their homes as strong winds pushed the flames towards the town.',
      '{P1}, the {R1}, {said} crews were fighting the blaze on a front more than 40 kilometres long.',
      'At least {N3} homes have been destroyed, most of them in the hamlet of {K2}.',
      '{P2}, the {R2}, declared a state of emergency in {RG} and requested help from neighbouring states.',
      'Water-bombing aircraft were grounded for several hours because of thick smoke.',
      'Air quality in {PL} was rated hazardous, and residents were told to stay indoors.',
      'Investigators believe the fire was started by a lightning strike in dry scrub.',
    ],
    forward: [
      'Forecasters expect cooler weather to help crews contain the {K1} fire by the weekend.',
      '{P2s} {said} the state would finish clearing firebreaks around {PL} by {Y}.',
    ],
    terms: ['blaze', 'hectares', 'firefighters', 'evacuation orders', 'smoke', 'water bombers', 'firebreak'],
  },
  {
    key: 'bridge',
    label: 'Infrastructure',
    roles: ['city mayor', 'infrastructure minister'],
    orgKind: 'Roads Authority',
    numbers: [
      [2, 31],
      [5, 80],
      [1962, 1994],
    ],
    headlines: [
      '{K1} bridge collapse in {PL} kills {N1}',
      'Search for survivors after {K1} bridge falls into river',
      'Questions over inspections after {K1} bridge disaster',
    ],
    sentences: [
      'A section of the {K1} bridge in {PL} collapsed during the evening rush hour on {Day}, killing at least {N1} people, officials {said}.',
      'Divers were searching the river for vehicles that plunged into the water when a {N2}-metre span gave way.',
      '{P1}, the {R1}, {said} the bridge, built in {N3}, had passed its last inspection two years ago.',
      '{P2}, the {R2}, ordered checks on every bridge of similar design in {RG}.',
      'Engineers said corrosion in the supporting cables of the {K2} section may have played a part.',
      'Witnesses described hearing a loud crack before the deck tilted and fell.',
      'Traffic in {PL} was diverted to ferries and a temporary pontoon crossing.',
      'The {ORG} has faced criticism over delayed maintenance across {CO}.',
    ],
    forward: [
      'A replacement crossing is expected to open by {Y}.',
      'Investigators are expected to publish a preliminary report within 30 days.',
    ],
    terms: ['bridge', 'span', 'collapse', 'divers', 'inspection', 'corrosion', 'engineers'],
  },
  {
    key: 'tariff',
    label: 'Trade',
    roles: ['trade minister', "head of the exporters' association"],
    orgKind: 'Trade Ministry',
    numbers: [
      [10, 60],
      [2, 90],
      [4_000, 60_000],
    ],
    headlines: [
      '{CO} slaps {N1}{pc} tariff on imported {K1}',
      '{K1} exporters brace for {CO} tariff',
      '{CO} defends {K1} tariff as retaliation looms',
    ],
    sentences: [
      '{CO} will impose a {N1}{pc} tariff on imported {K1} from next month, {P1}, the {R1}, {said} on {Day}.',
      'The measure covers about ${N2} billion worth of shipments a year, most of them arriving through the port of {PL}.',
      '{P1s} {said} the duty would protect {N3} jobs at domestic producers in {RG}.',
      '{P2}, {R2}, warned the move would raise costs for manufacturers that depend on {K1}.',
      'Trading partners have threatened to retaliate with duties on {K2} exports.',
      'Economists said consumers were likely to bear part of the cost through higher prices.',
      'The {ORG} said the tariff complied with international trade rules.',
      'Shares of domestic producers rose after the announcement.',
    ],
    forward: [
      'The tariff is expected to be reviewed by {Y}.',
      'Officials expect talks with trading partners on the {K1} duties next month.',
    ],
    terms: ['tariff', 'imports', 'exporters', 'duties', 'retaliation', 'shipments', 'trade rules'],
  },
  {
    key: 'football',
    label: 'Sport',
    roles: ['head coach', 'captain'],
    orgKind: 'Football Federation',
    numbers: [
      [1, 4],
      [18_000, 92_000],
      [60, 90],
    ],
    headlines: [
      '{K1} win cup final in {PL} with late goal',
      '{P2s} strikes as {K1} lift the trophy',
      '{K1} beat {K2} to claim championship',
    ],
    sentences: [
      '{K1} beat {K2} {N1}-0 in the cup final at {PL} on {Day}, with {P2}, the {R2}, scoring in the {N3}th minute.',
      'A crowd of {N2} watched the match, which was played in driving rain.',
      '{P1}, the {R1}, {said} his players had "earned every minute" of the celebration.',
      '{K2} had the better of the first half but failed to convert several chances.',
      'The victory gives {K1} their first major trophy in more than twenty years.',
      'Fans poured into the streets of {PL} after the final whistle.',
      'The {ORG} praised the atmosphere and thanked stewards for their work.',
      '{P2s} was named player of the match after also hitting the crossbar in the first half.',
    ],
    forward: ["{K1} will qualify for next season's continental competition.", '{P1s} is expected to sign a contract extension to {Y}.'],
    terms: ['final', 'goal', 'trophy', 'fans', 'striker', 'stadium', 'whistle'],
  },
  {
    key: 'bank',
    label: 'Central banks',
    roles: ['central bank governor', 'finance minister'],
    orgKind: 'Reserve Bank',
    numbers: [
      [1, 9],
      [25, 75],
      [2, 12],
    ],
    headlines: [
      '{CO} central bank moves rates by {N2} basis points',
      '{ORG} surprises markets with {N2}-basis-point move',
      '{K1} slides after {ORG} decision',
    ],
    sentences: [
      'The {ORG} of {CO} changed its benchmark rate by {N2} basis points to {N1}{pc} on {Day}, {P1}, the {R1}, {said}.',
      "Inflation in {CO} stood at {N3}{pc} last month, well above the bank's target.",
      'The {K1}, the national currency, moved sharply against the dollar after the announcement.',
      "{P2}, the {R2}, {said} the government supported the bank's independence.",
      'Economists had been divided over whether the bank would act at this meeting.',
      'Mortgage holders in {PL} face higher repayments as lenders pass on the change.',
      'The bank said food and fuel prices remained the main source of inflation pressure.',
      'Bond yields in {CO} rose to their highest since the {K2} crisis.',
    ],
    forward: ['The {ORG} expects inflation to return to target by {Y}.', 'Markets expect another move at the next meeting in six weeks.'],
    terms: ['interest rates', 'inflation', 'basis points', 'currency', 'bond yields', 'monetary policy', 'lenders'],
  },
  {
    key: 'mine',
    label: 'Mining',
    roles: ['mines minister', 'chief executive of the mining company'],
    orgKind: 'Mining Corporation',
    numbers: [
      [3, 64],
      [200, 1_800],
      [1, 9],
    ],
    headlines: [
      '{N1} miners trapped after collapse at {K1} mine',
      'Rescuers race to reach miners at {K1} in {RG}',
      '{K1} mine accident: families wait for news in {PL}',
    ],
    sentences: [
      'At least {N1} miners were trapped underground after a tunnel collapsed at the {K1} mine near {PL} on {Day}, officials {said}.',
      'Rescue teams were drilling a shaft to reach a chamber about {N2} metres below the surface.',
      '{P1}, the {R1}, {said} the workers were believed to have access to air and water.',
      '{P2}, {R2} of the {ORG}, {said} the company was cooperating fully with investigators.',
      'Families gathered at the gates of the mine, some waiting through the night in the cold.',
      'The {K1} mine produces coal for power stations across {RG}.',
      'Unions said safety warnings about the {K2} tunnel had been ignored.',
      'It is the {N3}th serious accident at a mine in {CO} this year.',
    ],
    forward: [
      'Rescuers expect to reach the trapped miners within 48 hours.',
      'The government {said} it would tighten mine safety rules by {Y}.',
    ],
    terms: ['miners', 'rescue shaft', 'tunnel', 'collapse', 'underground', 'drilling', 'safety'],
  },
  {
    key: 'budget',
    label: 'Budget',
    roles: ['finance minister', 'opposition finance spokesperson'],
    orgKind: 'Treasury',
    numbers: [
      [2, 9],
      [10, 400],
      [1, 6],
    ],
    headlines: [
      '{CO} budget raises {K1} tax to fund {K2}',
      '{P1s} unveils budget with {N1}{pc} deficit target',
      'Budget: {CO} bets on {K2} spending',
    ],
    sentences: [
      '{P1}, the {R1}, presented a budget on {Day} that raises the {K1} tax and promises {N2} billion in new spending on the {K2} programme.',
      'The plan targets a deficit of {N1}{pc} of gross domestic product, down from last year.',
      '{P2}, the {R2}, {said} the budget would hit families in {RG} hardest.',
      'Economists welcomed the spending on the {K2} programme but questioned the growth forecasts behind it.',
      'The {ORG} expects growth of {N3}{pc} next year, helped by exports and public investment.',
      'Parliament in {PL} is due to debate the budget over the next two weeks.',
      'Business groups said the higher {K1} tax would discourage investment.',
      'Pensioners and public sector workers will receive a one-off payment before the end of the year.',
    ],
    forward: [
      'The government expects the budget to be balanced by {Y}.',
      'The {K1} tax increase is expected to take effect in the new fiscal year.',
    ],
    terms: ['budget', 'deficit', 'spending', 'tax', 'growth forecast', 'parliament', 'revenue'],
  },
];

/** Sentences any article may carry: the shared filler every newsroom writes. */
export const fillerSentences: string[] = [
  'Officials did not immediately respond to a request for further comment.',
  'The figures could not be independently verified.',
  'The situation is developing and this article will be updated.',
  'Analysts said the coming days would be crucial.',
  'Local media reported similar accounts from several witnesses.',
  'The government has faced mounting criticism over its handling of the issue.',
  'Opposition politicians called for an independent inquiry.',
  'Residents said they had long feared something like this could happen.',
  'A spokesperson declined to give further details, citing the ongoing process.',
  'Social media users shared videos that appeared to show the scene.',
  'Observers said the episode would test the authorities in the months ahead.',
  'It was not immediately clear how many people had been directly affected.',
];

/** Opinion and state-media outlets add sentences of their own angle. */
export const angleSentences: Record<'opinion' | 'state-media', string[]> = {
  opinion: [
    'The lesson here is one that leaders keep refusing to learn.',
    'It is time to stop pretending that half-measures will do.',
    'Voters deserve a straight answer, and they are not getting one.',
    'Whatever the official line, the warning signs were there for years.',
  ],
  'state-media': [
    'Experts noted that the measures fully reflect the will of the people.',
    'Observers said foreign media reports on the matter were biased and irresponsible.',
    "The achievements demonstrate the strength of the country's governance model.",
    'Experts said external forces should stop interfering in domestic affairs.',
  ],
};
