// A generated news corpus for the scale bench and the worker tests: wire stories with copies
// (outlets republishing one text with a new lead, a cut tail and house-style edits), follow-ups
// on the same event in other words, lookalike events (same kind of incident, other places and
// people) and independent articles. Every word is made up from syllables by a seeded PRNG, so
// the corpus is deterministic, of any size, and streams without holding it in memory.
import { createHash } from 'node:crypto';

export interface GeneratedArticle {
  id: string;
  url: string;
  title: string;
  outlet: string;
  published: string;
  text: string;
  /** The people, organisation and place the generator wrote about (what a tagger would find). */
  entities: { kind: 'person' | 'organisation' | 'place'; name: string }[];
}

/** Articles per simulated hour: 1M articles span ~70 days, so stories open and close. */
export const ARTICLES_PER_HOUR = 600;

const SYLLABLES =
  'ka lo mi ra te su vin dor bel an os tri mar quel zen pa fo ur ge lis nab tor em sky wen dal hu ri co'.split(
    ' ',
  );
const FUNCTION_WORDS =
  'the of and to in a on for with said that was by at from as it is were after'.split(' ');
const KINDS = [
  'flood',
  'strike',
  'election',
  'merger',
  'trial',
  'fire',
  'summit',
  'outbreak',
  'protest',
  'launch',
];

/** mulberry32: a tiny seeded PRNG (public-domain algorithm), enough for a bench corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(rand: () => number, syllables = 2 + Math.floor(rand() * 2)): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

interface Event {
  kind: string;
  place: string;
  people: string[];
  org: string;
  /** The event's own content words: what articles about it share. */
  terms: string[];
}

function makeEvent(rand: () => number, lookalikeOf?: Event): Event {
  return {
    kind: lookalikeOf?.kind ?? KINDS[Math.floor(rand() * KINDS.length)]!,
    place: cap(word(rand, 3)),
    people: [
      cap(word(rand)) + ' ' + cap(word(rand, 3)),
      cap(word(rand)) + ' ' + cap(word(rand, 3)),
    ],
    org: cap(word(rand, 3)) + ' ' + cap(word(rand, 2)),
    // Lookalikes share the kind's words and half the topical terms, not the actors.
    terms: lookalikeOf
      ? [...lookalikeOf.terms.slice(0, 6), ...Array.from({ length: 6 }, () => word(rand))]
      : Array.from({ length: 12 }, () => word(rand)),
  };
}

function sentence(rand: () => number, event: Event, general: string[]): string {
  const n = 12 + Math.floor(rand() * 10);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.3) words.push(FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)]!);
    else if (r < 0.55) words.push(event.terms[Math.floor(rand() * event.terms.length)]!);
    else if (r < 0.6) words.push(event.place);
    else if (r < 0.64) words.push(event.people[Math.floor(rand() * 2)]!);
    else if (r < 0.67) words.push(event.org);
    else if (r < 0.7) words.push(event.kind);
    else words.push(general[Math.floor(rand() * general.length)]!);
  }
  return cap(words.join(' ')) + '.';
}

function paragraphs(rand: () => number, event: Event, general: string[], count: number): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 2) }, () => sentence(rand, event, general)).join(
      ' ',
    ),
  );
}

/** A copy as an outlet runs it: maybe a new lead, maybe a cut tail, some words changed. */
function editCopy(rand: () => number, wire: string[], event: Event, general: string[]): string[] {
  let out = [...wire];
  if (rand() < 0.4) out = [sentence(rand, event, general), ...out];
  if (rand() < 0.4) out = out.slice(0, Math.max(3, out.length - 1 - Math.floor(rand() * 2)));
  return out.map((p) => (rand() < 0.2 ? p.replace(/\bsaid\b/, 'told reporters') : p));
}

/**
 * The first `count` articles of the corpus for `seed`, in arrival order. Mix: ~45% wire copies
 * (a wire story and 2-7 copies, arriving within minutes), ~20% follow-ups on recent events,
 * ~10% lookalike events, the rest independent stories.
 */
export function* generateCorpus(count: number, seed = 1): Generator<GeneratedArticle> {
  const rand = prng(seed);
  const general = Array.from({ length: 5000 }, () => word(rand));
  const outlets = Array.from(
    { length: 400 },
    () => `${cap(word(rand))} ${rand() < 0.5 ? 'Times' : 'Post'}`,
  );
  const recent: Event[] = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  let n = 0;
  const emit = (event: Event, paras: string[], outlet: string, title: string): GeneratedArticle => {
    const id = `g${seed}-${n}`;
    const published = new Date(start + (n * 3600_000) / ARTICLES_PER_HOUR).toISOString();
    n += 1;
    const slug = createHash('sha1').update(id).digest('hex').slice(0, 10);
    const entities = [
      ...event.people.map((name) => ({ kind: 'person' as const, name })),
      { kind: 'organisation' as const, name: event.org },
      { kind: 'place' as const, name: event.place },
    ];
    return {
      id,
      url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example/${slug}`,
      title,
      outlet,
      published,
      text: paras.join('\n\n'),
      entities,
    };
  };
  while (n < count) {
    const r = rand();
    if (r < 0.45 || recent.length === 0) {
      const event = makeEvent(rand);
      remember(recent, event);
      const wire = paragraphs(rand, event, general, 6 + Math.floor(rand() * 4));
      const title = `${event.place} ${event.kind}: ${sentence(rand, event, general).slice(0, 60)}`;
      yield emit(event, wire, 'Northwind Wire', title);
      const copies = 2 + Math.floor(rand() * 6);
      for (let c = 0; c < copies && n < count; c++) {
        yield emit(
          event,
          editCopy(rand, wire, event, general),
          outlets[Math.floor(rand() * outlets.length)]!,
          title,
        );
      }
    } else if (r < 0.65) {
      const event = recent[Math.floor(rand() * recent.length)]!;
      const title = `${event.place} ${event.kind} follow-up: ${sentence(rand, event, general).slice(0, 50)}`;
      yield emit(
        event,
        paragraphs(rand, event, general, 5),
        outlets[Math.floor(rand() * outlets.length)]!,
        title,
      );
    } else if (r < 0.75) {
      const event = makeEvent(rand, recent[Math.floor(rand() * recent.length)]);
      remember(recent, event);
      const title = `${event.place} ${event.kind}: ${sentence(rand, event, general).slice(0, 60)}`;
      yield emit(
        event,
        paragraphs(rand, event, general, 6),
        outlets[Math.floor(rand() * outlets.length)]!,
        title,
      );
    } else {
      const event = makeEvent(rand);
      remember(recent, event);
      const title = `${event.place}: ${sentence(rand, event, general).slice(0, 60)}`;
      yield emit(
        event,
        paragraphs(rand, event, general, 5),
        outlets[Math.floor(rand() * outlets.length)]!,
        title,
      );
    }
  }
}

/** Recent events a follow-up or lookalike may pick: a sliding window, so memory stays flat. */
function remember(recent: Event[], event: Event): void {
  recent.push(event);
  if (recent.length > 200) recent.shift();
}
