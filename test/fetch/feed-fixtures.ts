// Feeds and article pages written for the live-ingestion tests (fictional outlets and events).
export interface TestItem {
  guid: string;
  title: string;
  link: string;
  /** Body paragraphs; long ones make a full-text item, a single short one a teaser. */
  paragraphs: string[];
  pubDate?: string;
}

const SENTENCES = [
  'Ferry crews in Calder Bay walked out on Sunday over a pay offer they called an insult.',
  'The harbour authority said crossings to the outer islands would be cut to two a day.',
  'Union leader Mara Ellison said talks could resume on Tuesday if the offer improved.',
  'Shops on the islands reported queues for bread and fuel by the afternoon.',
  'The regional council asked both sides to accept an independent mediator.',
  'Fishing boats offered to carry medical supplies while the strike lasts.',
];

/** A full-text body of about 200 words on topic `n` (distinct words per topic keep stories apart). */
export function articleParagraphs(n: number, words = `topic${n} case${n} matter${n}`): string[] {
  return Array.from({ length: 6 }, (_, p) =>
    Array.from(
      { length: 3 },
      (_, s) => `${SENTENCES[(p + s + n) % SENTENCES.length]} Report ${n}.${p}.${s} on ${words}.`,
    ).join(' '),
  );
}

export function rss(items: readonly TestItem[], title = 'Harbour Gazette'): string {
  const body = items
    .map(
      (i) =>
        `<item><guid isPermaLink="false">${i.guid}</guid><title>${escape(i.title)}</title><link>${escape(i.link)}</link>${
          i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''
        }<content:encoded><![CDATA[${i.paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escape(title)}</title><link>https://harbour-gazette.example/</link>\n${body}\n</channel></rss>`;
}

export function articleHtml(
  title: string,
  paragraphs: readonly string[],
  canonical?: string,
): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} - Harbour Gazette</title>${
    canonical ? `<link rel="canonical" href="${escape(canonical)}">` : ''
  }<meta property="og:site_name" content="Harbour Gazette"></head><body><nav><a href="/">Home</a></nav><article><h1>${escape(title)}</h1>${paragraphs
    .map((p) => `<p>${escape(p)}</p>`)
    .join('')}</article><footer>Harbour Gazette, 1 Quay Street</footer></body></html>`;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
