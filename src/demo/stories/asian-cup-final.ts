import type { ArticleDraft } from './draft.js';

/** Story key: Japan win the Asian Cup final against Saudi Arabia. */
export const ASIAN_CUP_FINAL = 'asian-cup-final';

/** Four outlets on one football final: a sports story next to the politics. */
export const asianCupDrafts: ArticleDraft[] = [
  {
    id: 'kyodo-japan-win-asian-cup',
    outletId: 'kyodo',
    storyKey: ASIAN_CUP_FINAL,
    section: 'sports',
    minutesAgo: 840,
    author: 'Kyodo',
    title: 'Football: Mitoma strikes late as Japan beat Saudi Arabia for 5th Asian Cup title',
    summary:
      'Kaoru Mitoma scored in the 87th minute as Japan beat Saudi Arabia 2-1 in the Asian Cup final at Lusail Stadium on Saturday to win a record fifth continental title.',
    imageCaption: "Japan players celebrate Kaoru Mitoma's winning goal against Saudi Arabia at Lusail Stadium.",
    tags: ['Football', 'Samurai Blue'],
    paragraphs: [
      'LUSAIL, Qatar - Kaoru Mitoma scored in the 87th minute as Japan beat Saudi Arabia 2-1 in the Asian Cup final at Lusail Stadium on Saturday to win a record fifth continental title.',
      'Ritsu Doan gave Japan the lead in the 34th minute with a curling left-footed shot, before Salem Al-Dawsari leveled for Saudi Arabia from the penalty spot in the 61st minute.',
      'Mitoma settled the match when he cut inside from the left and beat goalkeeper Mohammed Al-Owais at the near post in front of 86,250 spectators.',
      '"The players never stopped believing. This title is for everyone who supported us," said manager Hajime Moriyasu, whose side won all seven of its matches in the tournament.',
      'Japan previously won the Asian Cup in 1992, 2000, 2004 and 2011. The team will next turn its attention to the 2026 World Cup in North America.',
    ],
  },
  {
    id: 'jt-mitoma-winner-asian-cup',
    outletId: 'japantimes',
    storyKey: ASIAN_CUP_FINAL,
    section: 'sports',
    minutesAgo: 800,
    author: 'Dan Orlowitz',
    title: "Mitoma's late winner crowns Moriyasu's Japan as Asian champions once more",
    summary:
      "Japan beat Saudi Arabia 2-1 in Lusail to claim a fifth Asian Cup, with Kaoru Mitoma scoring three minutes from time after Ritsu Doan's opener was cancelled out.",
    imageCaption: "Kaoru Mitoma celebrates after scoring Japan's second goal in the Asian Cup final.",
    tags: ['Soccer', 'Samurai Blue', 'Asian Cup'],
    paragraphs: [
      "Kaoru Mitoma has spent a season tormenting Premier League defenders. On Saturday night in Lusail, he saved his sharpest moment for Japan's biggest stage in over a decade.",
      "The winger's 87th-minute goal gave the Samurai Blue a 2-1 win over Saudi Arabia in the Asian Cup final, delivering a record fifth continental title and the first since 2011.",
      'Ritsu Doan had opened the scoring in the 34th minute, but Salem Al-Dawsari converted a penalty in the 61st after Ko Itakura was judged to have fouled Firas Al-Buraikan.',
      'With extra time looming, Mitoma collected a pass from Takefusa Kubo, drifted past two defenders and finished at the near post. The crowd of 86,250 was dominated by green-shirted Saudi fans, who fell silent.',
      '"We talked about staying patient. Kaoru only needs one chance," manager Hajime Moriyasu said. "But this is not the end. Our target is the World Cup."',
      'Japan won all seven of their matches in Qatar, conceding four goals. Moriyasu, whose contract runs through the 2026 World Cup, is expected to keep the core of this squad together for qualifying.',
    ],
  },
  {
    id: 'aljazeera-saudi-heartbreak-asian-cup',
    outletId: 'aljazeera',
    storyKey: ASIAN_CUP_FINAL,
    section: 'sport',
    minutesAgo: 820,
    author: 'Hafsa Adil',
    title: 'Japan beat Saudi Arabia 2-1 to win Asian Cup final in Lusail',
    summary: 'A late Kaoru Mitoma goal broke Saudi hearts at Lusail Stadium as Japan won a fifth Asian Cup title in front of 86,250 fans.',
    imageCaption: "Saudi Arabia's Salem Al-Dawsari scores from the penalty spot against Japan.",
    tags: ['Football', 'Sport', 'Qatar', 'Saudi Arabia'],
    paragraphs: [
      "Japan have won the Asian Cup for a record fifth time after Kaoru Mitoma's late goal gave them a 2-1 victory over Saudi Arabia in the final at Lusail Stadium in Qatar.",
      'Ritsu Doan put Japan ahead in the 34th minute, but Saudi captain Salem Al-Dawsari equalised from the penalty spot in the 61st minute, sending the mostly Saudi crowd of 86,250 into raptures.',
      'Mitoma then struck in the 87th minute, cutting in from the left flank and firing past goalkeeper Mohammed Al-Owais.',
      'Saudi Arabia, three-time champions, had been aiming for their first continental title since 1996. Their coach said the team had "given everything" and would learn from the defeat.',
      'The final capped a tournament that drew more than 1.5 million spectators, a record for the competition, organisers said.',
    ],
  },
  {
    id: 'guardian-japan-asian-cup-final',
    outletId: 'guardian',
    storyKey: ASIAN_CUP_FINAL,
    section: 'sport',
    minutesAgo: 760,
    author: 'Nick Ames',
    title: 'Mitoma breaks Saudi resistance to give Japan record fifth Asian Cup',
    summary:
      "Japan 2-1 Saudi Arabia: the Brighton winger scores in the 87th minute at Lusail after Doan's opener and an Al-Dawsari penalty.",
    imageCaption: 'Kaoru Mitoma, centre, is mobbed by teammates after his late winner.',
    tags: ['Asian Cup', 'Football', 'Japan', 'Saudi Arabia'],
    paragraphs: [
      'Kaoru Mitoma settled a tense Asian Cup final with a goal three minutes from time, giving Japan a 2-1 win over Saudi Arabia in Lusail and a record fifth continental crown.',
      'Ritsu Doan had opened the scoring with a curling shot in the 34th minute, but Saudi Arabia levelled through a Salem Al-Dawsari penalty on 61 minutes and pressed for a winner in front of a crowd of 86,250.',
      'Instead it was Mitoma who found space on the left, shifting the ball on to his right foot and beating Mohammed Al-Owais at his near post.',
      "Hajime Moriyasu's side won every game in Qatar, and on this evidence they will travel to the 2026 World Cup as one of the more dangerous outsiders.",
      "For Saudi Arabia, whose domestic league has attracted some of the world's best-known players, the wait for a first Asian title since 1996 goes on.",
    ],
  },
];
