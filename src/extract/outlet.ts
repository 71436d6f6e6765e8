// The outlet's name when the page does not say it: derived from the URL host
// ("www.straitstimes.com" -> "straitstimes.com"). Display names come from page metadata.

/** Registrable-looking host without "www." / "m." / "amp." prefixes, or null for non-http URLs. */
export function outletFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^(?:www\d?|m|amp|mobile|edition)\./i, '') || null;
  } catch {
    return null;
  }
}
