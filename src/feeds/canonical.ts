// Canonical item URLs, so one article reached through several links is stored once:
//   1. unwrap aggregator redirect links (a redirector path carrying the publisher's URL in a
//      query parameter, e.g. /url?q=https://publisher/...), repeatedly, at most a few levels;
//   2. drop tracking parameters (campaign tags and click ids) and the fragment;
//   3. lower-case scheme and host (the URL parser does), keep everything else as published.
// rel=canonical inside the page itself is read by the extract stage (article.url), and the
// fetcher follows HTTP redirects to the final URL, so those two need nothing here.

/** Query parameters that only track a click or a campaign, never select content. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gclsrc',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'cmpid',
  'ncid',
  'ocid',
  'sr_share',
  'smid',
  'at_medium',
  'at_campaign',
  'ito',
  'ref_src',
  'spm',
  'share',
  'mbid',
  'rss',
  'cmp',
  'src',
]);
/** Prefixes of tracking parameter families (utm_source, utm_medium, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'at_', 'ga_', 'hmb_'];

/** Parameters a redirector uses to carry its destination. */
const DESTINATION_PARAMS = [
  'url',
  'u',
  'q',
  'dest',
  'destination',
  'target',
  'to',
  'redirect',
  'redirect_url',
  'link',
  'out',
];
/** Paths that mark a link as a redirector rather than a page (last path segment). */
const REDIRECTOR_PATH =
  /\/(url|redirect|redir|r|out|click|link|goto|away|track|rd|l)(\.php|\.aspx?)?\/?$/i;
/** Redirect wrappers unwrapped at most this deep (a tracker inside a tracker happens). */
const MAX_UNWRAP = 3;

export function cleanUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  for (let i = 0; i < MAX_UNWRAP; i++) {
    const inner = destinationOf(url);
    if (inner === null) break;
    url = inner;
  }
  for (const name of [...url.searchParams.keys()]) {
    const lower = name.toLowerCase();
    if (TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p)))
      url.searchParams.delete(name);
  }
  url.hash = '';
  // An emptied query leaves a bare "?"; URL drops it when search is set to ''.
  if (url.searchParams.toString() === '') url.search = '';
  return url.href;
}

function destinationOf(url: URL): URL | null {
  if (!REDIRECTOR_PATH.test(url.pathname)) return null;
  for (const name of DESTINATION_PARAMS) {
    const value = url.searchParams.get(name);
    if (value === null || !/^https?:\/\//i.test(value)) continue;
    try {
      const inner = new URL(value);
      if (inner.host !== url.host) return inner;
    } catch {
      // not a URL after all
    }
  }
  return null;
}
