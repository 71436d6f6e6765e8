// Atom 1.0 documents (RFC 4287). Built as strings with every value escaped, like the pages;
// characters XML 1.0 forbids (most C0 controls, lone surrogates) are dropped first, because one
// of them makes a strict feed reader reject the whole feed.
import { escapeHtml } from '../html.js';

export interface AtomEntry {
  /** A permanent IRI: `urn:storyline:article:<id>`; never changes when the host does. */
  id: string;
  title: string;
  /** Absolute URL of the entry's reader page. */
  link: string;
  /** ISO 8601. */
  updated: string;
  published?: string | null;
  author?: string | null;
  summary?: string | null;
  /** Further links (e.g. the outlet's original URL), http(s) only. */
  related?: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** Absolute URL of the feed itself (rel="self"). */
  self: string;
  /** Absolute URL of the matching reader page (rel="alternate"). */
  alternate: string;
  updated: string;
  entries: AtomEntry[];
}

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return escapeHtml(value.replace(INVALID_XML, ''));
}

/** An RFC 3339 timestamp, as Atom requires; the epoch when the input does not parse. */
export function atomDate(iso: string | null | undefined): string {
  const when = iso ? new Date(iso) : new Date(0);
  return Number.isNaN(when.getTime()) ? new Date(0).toISOString() : when.toISOString();
}

function entry(e: AtomEntry): string {
  const lines = [
    '<entry>',
    `<id>${xmlText(e.id)}</id>`,
    `<title type="text">${xmlText(e.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
    e.related ? `<link rel="related" type="text/html" href="${xmlText(e.related)}"/>` : '',
    `<updated>${atomDate(e.updated)}</updated>`,
    e.published ? `<published>${atomDate(e.published)}</published>` : '',
    e.author ? `<author><name>${xmlText(e.author)}</name></author>` : '',
    e.summary ? `<summary type="text">${xmlText(e.summary)}</summary>` : '',
    '</entry>',
  ];
  return lines.filter(Boolean).join('\n');
}

export function renderAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${xmlText(feed.id)}</id>`,
    `<title type="text">${xmlText(feed.title)}</title>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `<updated>${atomDate(feed.updated)}</updated>`,
    // RFC 4287 §4.1.1: a feed needs an author unless every entry has one.
    '<author><name>Storyline</name></author>',
    '<generator>Storyline</generator>',
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
