// OPML 2.0 (opml.org/spec2.opml), the list format every feed reader imports and exports.
// Import takes every outline with an xmlUrl (a feed; nested folders are flattened) and every
// type="link" outline with a url (a single page). Export writes feeds and sitemaps as rss
// outlines and pages as link outlines, so our own export imports back unchanged.
import { XMLParser } from 'fast-xml-parser';
import { decodeDocument } from './decode.js';

export interface OpmlEntry {
  kind: 'feed' | 'page';
  url: string;
  title: string | null;
}

const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  htmlEntities: true,
});

/** Entries of an OPML document; throws an Error naming the problem when it is not OPML. */
export function parseOpml(bytes: Uint8Array): OpmlEntry[] {
  const { text } = decodeDocument(bytes, null);
  const doc = XML.parse(text) as Record<string, unknown>;
  const opml = doc.opml as Record<string, unknown> | undefined;
  if (typeof opml !== 'object' || opml === null)
    throw new Error('not an OPML document (no <opml> root)');
  const entries: OpmlEntry[] = [];
  const walk = (node: unknown) => {
    for (const o of Array.isArray(node) ? node : node === undefined ? [] : [node]) {
      if (typeof o !== 'object' || o === null) continue;
      const outline = o as Record<string, unknown>;
      const title = str(outline.title) ?? str(outline.text);
      const xmlUrl = str(outline.xmlUrl) ?? str(outline.xmlurl);
      if (xmlUrl !== null) entries.push({ kind: 'feed', url: xmlUrl, title });
      else if (str(outline.type)?.toLowerCase() === 'link' && str(outline.url) !== null)
        entries.push({ kind: 'page', url: str(outline.url)!, title });
      walk(outline.outline);
    }
  };
  const body = opml.body as Record<string, unknown> | undefined;
  walk(body?.outline);
  return entries;
}

export function exportOpml(
  entries: readonly { kind: string; uri: string; title: string | null }[],
  now: Date,
  title = 'Storyline sources',
): string {
  const lines = entries
    .filter((e) => /^https?:\/\//i.test(e.uri))
    .map((e) => {
      const name = escapeXml(e.title ?? e.uri);
      return e.kind === 'page'
        ? `    <outline type="link" text="${name}" url="${escapeXml(e.uri)}"/>`
        : `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(e.uri)}"/>`;
    });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
