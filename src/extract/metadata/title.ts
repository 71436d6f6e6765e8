// The headline: JSON-LD headline, og:title, the page's <h1>, then <title> without the site
// name that pages append (" | Site", " - Site", " — Site") or prepend ("Site: ...").

/** Separators between a headline and the site name in <title>. */
const SITE_SEPARATOR = /\s+[|\-–—:·•»]\s+/;
/** A <title> part shorter than this (words) next to a longer one is the site name. */
const MAX_SITE_NAME_WORDS = 4;

export function cleanTitle(raw: string | null, siteName: string | null): string | null {
  if (!raw) return null;
  const title = raw.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  if (siteName) {
    const stripped = stripSite(title, siteName);
    if (stripped !== title) return stripped;
  }
  const parts = title.split(SITE_SEPARATOR);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  if (words(last) <= MAX_SITE_NAME_WORDS && words(parts.slice(0, -1).join(' ')) > words(last)) {
    return title
      .slice(0, title.length - last.length)
      .replace(/\s+[|\-–—:·•»]\s*$/, '')
      .trim();
  }
  return title;
}

/** The title without the site name at either end, when it is there behind a separator. */
function stripSite(title: string, site: string): string {
  const t = title.toLowerCase();
  const name = site.toLowerCase().trim();
  if (!name || name === t) return title;
  if (t.endsWith(name)) {
    const head = title.slice(0, title.length - name.length);
    const m = /\s*[|\-–—:·•»]\s*$/.exec(head);
    if (m && m.index > 0) return head.slice(0, m.index).trim();
  }
  if (t.startsWith(name)) {
    const tail = title.slice(name.length);
    const m = /^\s*[|\-–—:·•»]\s*/.exec(tail);
    if (m && tail.length > m[0].length) return tail.slice(m[0].length).trim();
  }
  return title;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
