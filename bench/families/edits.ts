// Realistic copy-desk edits for the synthetic copy-detection set: what outlets do to wire copy
// they republish. Each edit takes a document and a random source and returns a new document.
// Written from the principle of each edit (house-style guides, US/UK spelling rules), never
// from the benchmark texts.

export interface Doc {
  title: string;
  paragraphs: string[];
}

export type Random = () => number;
export type Edit = (doc: Doc, rnd: Random) => Doc;

/** Mulberry32: a tiny seeded generator, so the set is the same on every machine. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], rnd: Random): T {
  return items[Math.floor(rnd() * items.length)]!;
}

const mapText = (doc: Doc, f: (s: string) => string): Doc => ({
  title: f(doc.title),
  paragraphs: doc.paragraphs.map(f),
});

/** NATO -> Nato, U.S. -> US, U.N. -> UN. */
export const acronymCase: Edit = (doc) =>
  mapText(doc, (s) =>
    s
      .replace(/\b([A-Z])\.([A-Z])\.(?=\s|,|$)/g, '$1$2')
      .replace(
        /\b([A-Z])([A-Z]{3,})\b/g,
        (_, first: string, rest: string) => first + rest.toLowerCase(),
      ),
  );

/** Later mentions of a capitalised surname get an honorific (Smith -> Mr Smith). */
export const honorifics: Edit = (doc, rnd) => {
  const text = doc.paragraphs.join('\n');
  const names = [...text.matchAll(/\b[A-Z][a-z]+ ([A-Z][a-z]{3,})\b/g)].map((m) => m[1]!);
  if (names.length === 0) return doc;
  const surname = pick(names, rnd);
  const title = pick(['Mr', 'Ms', 'Dr'], rnd);
  let seen = 0;
  const pattern = new RegExp(`(?<![A-Z][a-z]+ )\\b${surname}\\b`, 'g');
  return {
    title: doc.title,
    paragraphs: doc.paragraphs.map((p) =>
      p.replace(pattern, (m) => (seen++ === 0 ? m : `${title} ${m}`)),
    ),
  };
};

const WEEKDAYS = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const MONTHS = [
  'Jan',
  'Feb',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

/** "on Tuesday" -> "on Aug 19". */
export const weekdayToDate: Edit = (doc, rnd) => {
  const date = `${pick(MONTHS, rnd)} ${1 + Math.floor(rnd() * 28)}`;
  return mapText(doc, (s) => s.replace(WEEKDAYS, date));
};

const UK_SPELLING: readonly [RegExp, string][] = [
  [/\b(neighb|col|hon|fav|lab|behavi|harb|rum|vap|arm|hum)or(s|ed|ing|ite|hood)?\b/g, '$1our$2'],
  [/\b(defen|offen|licen|preten)se(s)?\b/g, '$1ce$2'],
  [
    /\b(organ|recogn|real|apolog|critic|emphas|author|priorit|mobil|characteri)iz(e|ed|es|ing|ation)\b/g,
    '$1is$2',
  ],
  [/\b(cent|met|theat|fib|kilomet|lit)er(s)?\b/g, '$1re$2'],
  [/\b(travel|cancel|label|model|fuel|signal)(ed|ing)\b/g, '$1l$2'],
  [/\bprogram(s)?\b/g, 'programme$1'],
];

/** US -> UK spelling by rule. */
export const ukSpelling: Edit = (doc) =>
  mapText(doc, (s) =>
    UK_SPELLING.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), s),
  );

/** Straight quotes -> typographic quotes. */
export const typographicQuotes: Edit = (doc) =>
  mapText(doc, (s) =>
    s.replace(/"([^"]*)"/g, '\u201c$1\u201d').replace(/(\w)'(\w)/g, '$1\u2019$2'),
  );

/**
 * A new lead paragraph written by the outlet: its own prose around a name from the story. Made
 * of the story's words in a new order, so it shares names and vocabulary but no 5-word run
 * with any other text (a shared template would glue unrelated copies, which real leads don't).
 */
export const addedLead: Edit = (doc, rnd) => {
  const words = doc.paragraphs
    .join(' ')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]+$/.test(w));
  const names = words.filter((w) => /^[A-Z][a-z]+$/.test(w));
  const lead = Array.from({ length: 18 }, () => pick(words, rnd) ?? 'news').join(' ');
  const name = pick(names, rnd) ?? 'Officials';
  return { title: doc.title, paragraphs: [`${name} ${lead.toLowerCase()}.`, ...doc.paragraphs] };
};

/** Keeps the first 60-85% of the paragraphs (at least two). */
export const cutTail: Edit = (doc, rnd) => {
  const keep = Math.max(2, Math.ceil(doc.paragraphs.length * (0.6 + 0.25 * rnd())));
  return { title: doc.title, paragraphs: doc.paragraphs.slice(0, keep) };
};

/** Drops one paragraph from the middle. */
export const dropMiddle: Edit = (doc, rnd) => {
  if (doc.paragraphs.length < 4) return doc;
  const at = 1 + Math.floor(rnd() * (doc.paragraphs.length - 2));
  return { title: doc.title, paragraphs: doc.paragraphs.filter((_, i) => i !== at) };
};

/** A new headline (the body is untouched). */
export const rewriteHeadline: Edit = (doc, rnd) => {
  const words = doc.title.split(/\s+/);
  return {
    title: `${pick(['Update:', 'Latest:', 'Explainer:', 'Watch:'], rnd)} ${words.slice(Math.min(2, words.length - 1)).join(' ')}`,
    paragraphs: doc.paragraphs,
  };
};

const CLUTTER_BEFORE = [
  'Advertisement',
  'Sign up for our morning newsletter',
  'Listen to this article',
  'Share this story',
];
const CLUTTER_AFTER = [
  'Reporting by our correspondents; editing by the desk',
  'Read more: the week in review',
  'Follow us for more updates',
  '(c) All rights reserved',
];

/** Page furniture and credit lines left around the text by a weak extractor. */
export const clutter: Edit = (doc, rnd) => ({
  title: doc.title,
  paragraphs: [pick(CLUTTER_BEFORE, rnd), ...doc.paragraphs, pick(CLUTTER_AFTER, rnd)],
});

/** A wire dateline on the first paragraph, the way outlets print agency copy. */
export const creditLine: Edit = (doc, rnd) => {
  const [first, ...rest] = doc.paragraphs;
  if (first === undefined) return doc;
  return {
    title: doc.title,
    paragraphs: [`${pick(['(Wire) -', 'WIRE -', '(Agency) -'], rnd)} ${first}`, ...rest],
  };
};

export const EDITS: Readonly<Record<string, Edit>> = {
  acronymCase,
  honorifics,
  weekdayToDate,
  ukSpelling,
  typographicQuotes,
  addedLead,
  cutTail,
  dropMiddle,
  rewriteHeadline,
  creditLine,
  // Last, so furniture surrounds the edited text rather than being edited itself.
  clutter,
};
