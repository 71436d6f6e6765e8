// Test support: rows of our own invention (fictional outlets and events), including hostile
// ones, for the page tests. Not imported by the app.
import type { ArticleRow, FamilyView, StorySummaryRow, StoryView } from '../../store/index.js';

export const NOW = new Date('2026-11-22T12:00:00Z');

/** Strings an attacker could place in a title, byline or body. */
export const HOSTILE = {
  script: `<script>alert("pwned")</script>`,
  attribute: `" onmouseover="alert(1)" x="`,
  singleQuote: `' autofocus onfocus='alert(1)`,
  jsUrl: 'javascript:alert(document.cookie)',
  broken: '<img src=x onerror=alert(1)//<b',
} as const;

export function articleRow(overrides: Partial<ArticleRow> = {}): ArticleRow {
  return {
    id: 'a1',
    pageId: 1,
    position: 0,
    revision: 1,
    url: 'https://harbourgazette.example/news/bridge-reopens',
    pageUrl: 'https://harbourgazette.example/news/bridge-reopens',
    title: 'Old swing bridge reopens after two-year repair',
    outlet: 'Harbour Gazette',
    byline: 'Mara Quill',
    published: '2026-11-22T11:48:00Z',
    updated: null,
    dateline: 'PORT ELWYN, Nov 22 (Lantern Wire) -',
    credit: 'Lantern Wire',
    language: 'en',
    text: 'The bridge opened at dawn.\n\nTraffic resumed by noon.',
    paragraphs: ['The bridge opened at dawn.', 'Traffic resumed by noon.'],
    html: null,
    images: [],
    wordCount: 9,
    familyId: 'f1',
    storyId: 's1',
    isOriginal: true,
    firstSeen: '2026-11-22T11:50:00Z',
    lastSeen: '2026-11-22T11:50:00Z',
    topics: [{ kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' }],
    ...overrides,
  };
}

export function storySummary(overrides: Partial<StorySummaryRow> = {}): StorySummaryRow {
  return {
    id: 's1',
    headline: 'Old swing bridge reopens after two-year repair',
    articleCount: 3,
    familyCount: 2,
    outlets: ['Harbour Gazette', 'Lantern Wire', 'Valley Courier'],
    firstSeen: '2026-11-22T09:00:00Z',
    lastUpdated: '2026-11-22T11:48:00Z',
    ...overrides,
  };
}

export function storyView(): StoryView {
  const original = articleRow({
    id: 'a1',
    outlet: 'Lantern Wire',
    published: '2026-11-22T09:00:00Z',
  });
  const copy = articleRow({ id: 'a2', outlet: 'Harbour Gazette', isOriginal: false });
  const other = articleRow({
    id: 'a3',
    familyId: 'f2',
    outlet: 'Valley Courier',
    title: 'Ferry crews relieved as bridge returns',
    credit: null,
  });
  const families: FamilyView[] = [
    { id: 'f2', originalId: 'a3', articles: [other] },
    { id: 'f1', originalId: 'a1', articles: [copy, original] },
  ];
  return {
    story: storySummary(),
    families,
    topics: [
      { kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' },
      { kind: 'organisation', name: 'Lantern Wire', key: 'organisation:lantern-wire' },
    ],
  };
}
