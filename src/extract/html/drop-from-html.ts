// Keeps the sanitised HTML in step with the plain-text paragraphs: the line filters that run
// on paragraphs (title, widget labels, bylines, teaser boxes) also remove those lines from the
// HTML. It works on our own allow-listed output (see sanitize.ts), whose shape is simple: block
// tags without attributes, inline a/em/strong/b/i, escaped text.
import { normaliseSpace } from '../article.js';

const BLOCK =
  /<(p|h2|h3|h4|li|blockquote)>((?:(?!<\/?(?:p|h2|h3|h4|li|blockquote|ul|ol|figure)>)[\s\S])*?)<\/\1>/g;
const BARE_TEXT = />([^<]+)</g;

export function dropFromHtml(html: string, dropped: ReadonlySet<string>): string {
  if (dropped.size === 0) return html;
  return html
    .replace(BLOCK, (whole, _tag: string, inner: string) =>
      dropped.has(plain(inner)) ? '' : whole,
    )
    .replace(BARE_TEXT, (whole, text: string) => (dropped.has(plain(text)) ? '><' : whole))
    .replace(/<(ul|ol)>\s*<\/\1>/g, '');
}

function plain(fragment: string): string {
  const text = fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return normaliseSpace(text);
}
