// Links to the outside world: only http(s) URLs become hrefs. Anything else (javascript:,
// data:, file://, vbscript:) is shown as text, never as a link, whatever its spelling.

/** The normalised href when `url` is an absolute http(s) URL, else null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    // WHATWG URL parsing strips tabs/newlines and lower-cases the scheme, so "Java\tScript:"
    // is recognised for what it is.
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/** Host name for display ("example.com"), or null for non-http(s) URLs. */
export function hostOf(url: string | null | undefined): string | null {
  const href = safeHref(url);
  return href ? new URL(href).hostname.replace(/^www\./, '') : null;
}
