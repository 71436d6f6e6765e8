// Feed content is an HTML fragment; the store wants paragraphs of text. Block elements and
// <br> end a paragraph, script/style and the like are dropped, entities decoded by htmlparser2.
import { Parser } from 'htmlparser2';

const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'tr',
  'pre',
  'section',
  'article',
  'figure',
  'figcaption',
  'ul',
  'ol',
  'table',
  'hr',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);

/** Paragraphs of an HTML fragment (or of plain text, which passes through). */
export function htmlToParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let skipping = 0;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping += 1;
        else if (BLOCKS.has(name)) flush();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(name)) flush();
      },
      ontext(text) {
        if (skipping === 0) current += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}

export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
