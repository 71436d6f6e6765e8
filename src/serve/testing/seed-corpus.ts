// Test support: a small fictional corpus shared by the route tests, with one hostile page.
import type { SeedPage } from './seed-store.js';
import { HOSTILE } from './fixture-rows.js';

export const CORPUS: SeedPage[] = [
  {
    url: 'https://lanternwire.example/2026/bridge',
    fetchedAt: '2026-11-22T09:00:00Z',
    articles: [
      {
        id: 'wire-bridge',
        familyId: 'fam-bridge',
        storyId: 'story-bridge',
        article: {
          title: 'Old swing bridge reopens after two-year repair',
          outlet: 'Lantern Wire',
          credit: 'Lantern Wire',
          byline: 'Mara Quill',
          published: '2026-11-22T08:55:00Z',
          paragraphs: ['The bridge opened at dawn.', 'Traffic resumed by noon.'],
        },
        topics: [{ kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' }],
      },
    ],
  },
  {
    url: 'https://harbourgazette.example/news/bridge',
    fetchedAt: '2026-11-22T10:00:00Z',
    articles: [
      {
        id: 'gazette-bridge',
        familyId: 'fam-bridge',
        storyId: 'story-bridge',
        isOriginal: false,
        article: {
          title: 'Swing bridge reopens',
          outlet: 'Harbour Gazette',
          credit: 'Lantern Wire',
          paragraphs: ['The bridge opened at dawn, officials said.', 'Traffic resumed by noon.'],
          images: [
            {
              src: 'https://img.harbourgazette.example/b.jpg',
              caption: 'The bridge.',
              credit: 'Ivo Penn',
            },
          ],
        },
      },
    ],
  },
  {
    url: 'https://valleycourier.example/ferry',
    fetchedAt: '2026-11-22T11:00:00Z',
    articles: [
      {
        id: 'courier-ferry',
        familyId: 'fam-ferry',
        storyId: 'story-ferry',
        article: { title: 'Ferry timetable cut for winter', outlet: 'Valley Courier' },
      },
    ],
  },
  {
    url: 'file:///srv/inbox/hostile.html',
    fetchedAt: '2026-11-22T11:30:00Z',
    articles: [
      {
        id: 'hostile',
        familyId: 'fam-hostile',
        storyId: 'story-hostile',
        article: {
          url: HOSTILE.jsUrl,
          title: HOSTILE.script + HOSTILE.attribute,
          outlet: HOSTILE.singleQuote,
          byline: HOSTILE.broken,
          dateline: HOSTILE.attribute,
          language: '"><script>',
          paragraphs: [HOSTILE.script, HOSTILE.broken],
          html: `<p onclick="alert(1)">Fine text.</p>${HOSTILE.script}<a href="${HOSTILE.jsUrl}">x</a><img src=x onerror=alert(1)>`,
          images: [{ src: HOSTILE.jsUrl, caption: HOSTILE.script, credit: HOSTILE.attribute }],
        },
        topics: [{ kind: 'theme', name: HOSTILE.script, key: 'theme:hostile' }],
      },
    ],
  },
];
