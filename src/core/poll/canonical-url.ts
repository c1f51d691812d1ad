/**
 * Query parameters that only track the click (campaigns, ad clicks, mail and social shares)
 * and never select content. Exact names, lower-cased.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'wt_mc',
  'wt.mc_id',
  'wt_zmc',
  'cmpid',
  'cmp',
  'ito',
  'smid',
  'smtyp',
  'sr_share',
  'ocid',
  'ncid',
  'ref_src',
  'ref_url',
  'xtor',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'ftag',
  'soc_src',
  'soc_trk',
  'spm',
  'share',
  'rss',
  'emc',
  'partner',
  'taid',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  '__twitter_impression',
  'feature',
  'dmcid',
]);
/** Parameter families: every name with one of these prefixes is tracking. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'itm_'];

/** Whether a query parameter name only tracks the click. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The canonical form of an article URL, so one article linked from many feeds and outlets
 * dedupes to one id: http(s) only; scheme and host lower-cased (URL does this), default port
 * dropped, fragment dropped, tracking parameters removed, the remaining parameters sorted by
 * name (stable, so repeated names keep their order) and an empty `?` removed. Sorting is
 * safe for news sites and makes `?a=1&b=2` and `?b=2&a=1` one article; the path (including
 * a trailing slash) and `www.` are kept, since either may name a different resource.
 * A value that is not an absolute http(s) URL is returned trimmed and unchanged.
 */
export function canonicalUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const all = [...url.searchParams];
  const kept = all.filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Re-serialise only when something changed, so untouched queries keep their exact encoding.
  const changed = kept.length !== all.length || kept.some((pair, i) => pair !== all[i]);
  if (changed) url.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';
  else if (all.length === 0) url.search = ''; // `…/a?` → `…/a`
  return url.href;
}
