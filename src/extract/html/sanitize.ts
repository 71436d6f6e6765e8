// The allow-list for body HTML: structure and emphasis only, links and images over http(s),
// and no attributes but href, src and alt. Everything else is unwrapped (its text kept) by
// collect.ts, or dropped with its subtree by prune.ts. Unsafe HTML never leaves this stage.
import { tagOf, type El } from './dom.js';

const ALLOWED = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'figure',
  'img',
  'figcaption',
]);
/** Headings outside the allow-list keep their role as the nearest allowed level. */
const RENAMED: Record<string, string> = { h5: 'h4', h6: 'h4' };
/** Attributes some sites use for the real image URL of lazily loaded images. */
const LAZY_SRC = ['src', 'data-src', 'data-lazy-src', 'data-original'];

/** The sanitised opening tag, the matching closing tag ('' for both when unwrapped), and the
 *  image URL when the element is an image we keep. */
export function openTag(
  el: El,
  baseUrl: string | null,
): { html: string; close: string; src: string | null } {
  const tag = allowedName(el);
  const none = { html: '', close: '', src: null };
  if (!tag) return none;
  if (tag === 'a') {
    const href = safeUrl(el.getAttribute('href'), baseUrl);
    return href ? { html: `<a href="${escapeAttr(href)}">`, close: '</a>', src: null } : none;
  }
  if (tag === 'img') {
    const src = LAZY_SRC.map((a) => safeUrl(el.getAttribute(a), baseUrl)).find(Boolean) ?? null;
    if (!src) return none;
    const alt = el.getAttribute('alt');
    return {
      html: `<img src="${escapeAttr(src)}"${alt ? ` alt="${escapeAttr(alt)}"` : ''}>`,
      close: '',
      src,
    };
  }
  return { html: `<${tag}>`, close: `</${tag}>`, src: null };
}

function allowedName(el: El): string | null {
  const tag = tagOf(el);
  const name = RENAMED[tag] ?? tag;
  return ALLOWED.has(name) ? name : null;
}

/** An absolute http(s) URL, resolving relative ones against the page; anything else is null. */
export function safeUrl(raw: string | null, baseUrl: string | null): string | null {
  if (!raw) return null;
  try {
    const u = baseUrl ? new URL(raw.trim(), baseUrl) : new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
