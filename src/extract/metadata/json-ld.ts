// Article metadata from JSON-LD (schema.org): the most reliable source when present. Pages
// nest the article in arrays and @graph, mark it with one of many article types, and write
// authors and publishers as strings, objects or arrays of either.

export interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  published: string | null;
  modified: string | null;
  image: string | null;
  language: string | null;
  url: string | null;
  /** Whether the page declares an article type (not just a WebPage). */
  isArticle: boolean;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|WebPage|SocialMediaPosting)$/;
/** Objects visited per page: bounds work on hostile or huge JSON-LD blocks. */
const MAX_NODES = 2000;

type Json = unknown;

export function readJsonLd(blocks: string[]): JsonLdArticle | null {
  const nodes: Record<string, Json>[] = [];
  for (const block of blocks) {
    const parsed = parse(block);
    if (parsed !== undefined) flatten(parsed, nodes);
  }
  const ranked = nodes
    .map((n) => ({ n, rank: typeRank(n['@type']) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank);
  const best = ranked[0]?.n;
  if (!best) return null;
  const isArticle = ranked[0]!.rank <= 1;
  return {
    headline: str(best.headline) ?? str(best.name),
    author: names(best.author),
    publisher: names(best.publisher),
    published: str(best.datePublished) ?? str(best.dateCreated),
    modified: str(best.dateModified),
    image: imageUrl(best.image),
    language: str(best.inLanguage),
    url:
      str(best.url) ??
      str((best.mainEntityOfPage as Record<string, Json> | undefined)?.['@id']) ??
      str(best.mainEntityOfPage),
    isArticle,
  };
}

function parse(block: string): Json | undefined {
  try {
    return JSON.parse(block.trim().replace(/^<!--|-->$/g, '')) as Json;
  } catch {
    return undefined;
  }
}

function flatten(value: Json, out: Record<string, Json>[]): void {
  const stack: Json[] = [value];
  while (stack.length && out.length < MAX_NODES) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, Json>;
      out.push(o);
      if (o['@graph']) stack.push(o['@graph']);
    }
  }
}

/** 0 for news articles, 1 for other articles, 2 for web pages; -1 for anything else. */
function typeRank(type: Json): number {
  const types = (Array.isArray(type) ? type : [type]).filter(
    (t): t is string => typeof t === 'string',
  );
  const matched = types.filter((t) => ARTICLE_TYPES.test(t));
  if (matched.length === 0) return -1;
  if (matched.some((t) => /News|Reportage|LiveBlog/.test(t))) return 0;
  if (matched.some((t) => t !== 'WebPage')) return 1;
  return 2;
}

function str(v: Json): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
}

function names(v: Json): string | null {
  const list = (Array.isArray(v) ? v : [v])
    .map((x) =>
      typeof x === 'string'
        ? x
        : x && typeof x === 'object'
          ? str((x as Record<string, Json>).name)
          : null,
    )
    .filter((x): x is string => !!x && x.trim() !== '');
  return list.length ? [...new Set(list.map((s) => s.trim()))].join(', ') : null;
}

function imageUrl(v: Json): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object')
    return str((first as Record<string, Json>).url) ?? str((first as Record<string, Json>)['@id']);
  return null;
}
