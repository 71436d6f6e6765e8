// Topics of one article: people, organisations and places from the compromise tagger plus our
// own rules (wire agencies, acronyms, title-case phrases), merged across aliases.
import nlp from 'compromise';
import type { Article, Topic } from '../types.js';
import {
  findAcronyms,
  findAgencies,
  findTitleCasePhrases,
  isNotName,
  type RawEntity,
} from './entity-rules.js';
import { mergeAliases } from './aliases.js';
import { cleanName } from './names.js';

/**
 * Characters of body text given to the tagger after the title. compromise costs ~0.3 ms per
 * 100 characters on this machine (7 ms for a 2,100-character sample, measured with
 * `node --import tsx` over 20 runs), so a 20,000-character feature would cost 60 ms. The
 * entities a reader follows are named in the first paragraphs (news is written as an inverted
 * pyramid), so 3,000 characters (about 4-6 paragraphs) keeps findTopics near 10 ms.
 */
export const TAGGED_TEXT_CHARS = 3000;

/** Languages the English tagger understands; other languages get only the rule-based entities. */
const TAGGER_LANGUAGES = new Set(['en']);

type Tagger = typeof nlp;
type Doc = ReturnType<Tagger>;

/**
 * A staff credit paragraph ("(Reporting by Ana Ferreira; Editing by Mark Dunmore)"): the people
 * it names wrote or edited the article, they are not what it is about.
 */
const STAFF_CREDIT =
  /^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research)\s+by\b/i;

export function findTopics(
  article: Pick<Article, 'title' | 'text' | 'language'> & { byline?: string | null },
): Topic[] {
  const body = article.text
    .split(/\n+/)
    .filter((p) => !STAFF_CREDIT.test(p.trim()))
    .join('\n\n');
  const sample = taggedSample(article.title, body);
  const mentions: RawEntity[] = [
    ...findAgencies(sample),
    ...findAcronyms(sample),
    ...findTitleCasePhrases(sample),
  ];
  const language = (article.language ?? 'en').toLowerCase().slice(0, 2);
  if (TAGGER_LANGUAGES.has(language)) mentions.push(...taggerEntities(nlp(sample)));
  return withoutAuthors(mergeAliases(mentions), article.byline ?? null);
}

/** The article's own writers are not its subject: drop people named in its byline. */
function withoutAuthors(topics: Topic[], byline: string | null): Topic[] {
  if (!byline) return topics;
  const writers = byline.toLowerCase();
  return topics.filter((t) => t.kind !== 'person' || !writers.includes(t.name.toLowerCase()));
}

/** The title on its own line (so it never runs into the first sentence), then the body head. */
function taggedSample(title: string | null, text: string): string {
  const head = text.length > TAGGED_TEXT_CHARS ? cutAtSpace(text, TAGGED_TEXT_CHARS) : text;
  return title ? `${title}.\n${head}` : head;
}

function cutAtSpace(text: string, limit: number): string {
  const space = text.lastIndexOf(' ', limit);
  return text.slice(0, space > limit / 2 ? space : limit);
}

function taggerEntities(doc: Doc): RawEntity[] {
  const out: RawEntity[] = [];
  const add = (kind: RawEntity['kind'], spans: string[]) => {
    for (const span of spans) {
      const name = cleanName(span, kind as 'person' | 'organisation' | 'place');
      if (name && !isNotName(name)) out.push({ kind, name });
    }
  };
  add('person', doc.people().out('array') as string[]);
  add('organisation', doc.organizations().out('array') as string[]);
  add('place', doc.places().out('array') as string[]);
  return out;
}
