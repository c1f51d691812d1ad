/** Interface words of a page template, in the outlet's language. */
export interface PageLabels {
  nav: string[];
  home: string;
  share: string[];
  advertisement: string;
  related: string;
  mostRead: string;
  comments: string;
  commentCta: string;
  footer: string[];
  newsletter: string;
  by: string;
}

const english: PageLabels = {
  nav: ['World', 'Business', 'Markets', 'Politics', 'Technology', 'Sport', 'Climate', 'Opinion', 'Video'],
  home: 'Home',
  share: ['Share on Facebook', 'Share on X', 'Share on LinkedIn', 'Email', 'Copy link'],
  advertisement: 'Advertisement',
  related: 'Related stories',
  mostRead: 'Most read',
  comments: 'Comments',
  commentCta: 'Sign in to join the conversation',
  footer: ['About us', 'Contact', 'Careers', 'Terms of use', 'Privacy policy', 'Cookie settings', 'Accessibility'],
  newsletter: 'Get the morning briefing delivered to your inbox. Sign up',
  by: 'By',
};

const japanese: PageLabels = {
  nav: ['トップ', '政治', '経済', '国際', '社会', 'スポーツ', '地域', '天気'],
  home: 'ホーム',
  share: ['Facebookでシェア', 'Xでポスト', 'LINEで送る', 'メールで送る'],
  advertisement: '広告',
  related: '関連記事',
  mostRead: 'アクセスランキング',
  comments: '読者のコメント',
  commentCta: 'コメントを書くにはログインしてください',
  footer: ['会社案内', 'お問い合わせ', '個人情報保護方針', '著作権について', '広告掲載'],
  newsletter: 'メールマガジンの登録はこちら',
  by: '記者',
};

/** Labels for a language tag; anything but Japanese gets English. */
export function labelsFor(language: string): PageLabels {
  return language.startsWith('ja') ? japanese : english;
}

/** Reader comments: deliberately off-topic, so extraction that keeps them is visibly wrong. */
export const commentPool: Record<'en' | 'ja', Array<{ user: string; text: string }>> = {
  en: [
    { user: 'quietobserver', text: 'Thanks for the clear write-up. Would love a follow-up in a few months.' },
    { user: 'M. Okonkwo', text: 'Whoever designed this website needs to fix the autoplay videos.' },
    { user: 'harbourlights', text: 'First!' },
    { user: 'Pat R.', text: 'I cancelled my subscription last year and I still get these emails.' },
    { user: 'northern_fox', text: 'Interesting read, but the headline oversells it a bit.' },
    { user: 'Ingrid', text: 'Does anyone know when the crossword answers are published?' },
  ],
  ja: [
    { user: '匿名希望', text: 'わかりやすい記事でした。続報を期待しています。' },
    { user: '山の人', text: 'スマホで読むと広告が多すぎて読みにくいです。' },
    { user: 'たろう', text: '天気予報のページはどこにありますか。' },
    { user: '読者A', text: '写真がもっと大きいと嬉しいです。' },
  ],
};
