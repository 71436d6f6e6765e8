// Class and id hints. Ideas from Readability's candidate regexes and trafilatura's XPath
// boilerplate lists, re-phrased as our own word lists. Tune together with score.ts.

/** Names that mark the article container or its body. */
export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-?text/i;

/** Names that mark page furniture around an article. */
export const NEGATIVE =
  /(^|[\s_-])(ad|ads|advert\w*|banner|breadcrumbs?|byline|comments?|combx|community|contact|cookie|disqus|footer|gdpr|masthead|menu|meta|modal|nav|navbar|newsletter|outbrain|pagination|pager|popup|promo\w*|recirc\w*|related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor\w*|subscribe|subscription|tags?|taboola|toolbar|tools|trending|widget|signup|sign-up|most-?(read|popular)|more-?stories|read-?more|author-?(bio|info)|caption|credit)(?=$|[\s_-])/i;

/** Names so clearly furniture that a subtree carrying them is dropped before scoring, unless
 *  it also carries a positive name ("article-footer" keeps, "footer" goes). */
export const UNLIKELY =
  /(^|[\s_-])(banner|breadcrumbs?|comments?|cookie|disqus|footer|gdpr|menu|modal|nav|navbar|newsletter|outbrain|pagination|popup|related|share|sharing|sidebar|skyscraper|social|sponsor\w*|subscribe|taboola|toolbar|most-?(read|popular)|more-?stories|recirc\w*|signup)(?=$|[\s_-])/i;

/**
 * Names of the box about who wrote a forum post or comment: poster cards ("post-author",
 * "user-info" with rank and post count), signatures, avatars. They carry positive words
 * ("post-author" says "post"), so they are judged apart from NEGATIVE, and only when short
 * (see prune.ts): a long block so named is a mislabelled body wrapper. A news byline
 * ("article__author") is not one: it is read as metadata and cut from the body elsewhere.
 */
export const PROFILE_BOX =
  /(^|[\s_-])(post-?(author|profile|user|info|details)|message-?user\w*|poster|user-?(info|details|card|profile|block|title)|member-?(info|card)|avatar|signature|sig|userrank)(?=$|[\s_-])/i;

/** Score bonus or malus (points) from an element's class and id: the same size as a few good
 *  paragraphs, so hints tip close calls without overriding clear text density. */
export const HINT_POINTS = 25;

/** Embedded posts and quotes (tweets, Instagram) are content, even inside a "social" box. */
const EMBED = /embed/i;

export function classWeight(hints: string): number {
  if (!hints.trim()) return 0;
  let w = 0;
  if (POSITIVE.test(hints)) w += HINT_POINTS;
  if (NEGATIVE.test(hints) && !EMBED.test(hints)) w -= HINT_POINTS;
  return w;
}

export function isProfileBox(hints: string): boolean {
  return PROFILE_BOX.test(hints);
}

export function isUnlikely(hints: string): boolean {
  return UNLIKELY.test(hints) && !POSITIVE.test(hints) && !EMBED.test(hints);
}
