// HTML or a plain-text dump? The Content-Type decides when it is specific; otherwise the first
// characters do (a tag or doctype near the start means markup).

/** Characters inspected for tags: doctype, comments and <html>/<head> all come first. */
const SNIFF_CHARS = 1024;

export type PageKind = 'html' | 'text';

export function sniff(text: string, contentType: string | null): PageKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  const head = text.slice(0, SNIFF_CHARS).trimStart();
  const looksHtml =
    /^<(!doctype\s+html|html|head|body|meta|title|!--|\?xml)/i.test(head) ||
    /<(html|head|body|article|div|p)[\s>]/i.test(head);
  if (type === 'text/plain') return /^<(!doctype\s+html|html)/i.test(head) ? 'html' : 'text';
  return looksHtml ? 'html' : 'text';
}
