// Alias merging: the many spellings of one entity in one article become one topic.
// "Zelenskiy" / "Zelensky" / "Volodymyr Zelenskiy" -> one person; "NATO" / "Nato" -> one
// organisation; "Mr Trump" / "Trump" / "Donald Trump" -> one person (honorifics are already gone).
import type { Topic } from '../types.js';
import type { RawEntity } from './entity-rules.js';
import { looseWord, slugify } from './slug.js';

interface Group {
  looseKey: string;
  words: string[];
  /** Mentions per kind: the tagger sometimes calls one name a person here and a place there. */
  kinds: Map<Topic['kind'], number>;
  /** Display variants with their mention counts. */
  variants: Map<string, number>;
  count: number;
  first: number;
}

const KIND_PRIORITY: readonly Topic['kind'][] = ['organisation', 'person', 'place', 'theme'];

/** Merges raw mentions into topics, most-mentioned first (ties: first mention first). */
export function mergeAliases(mentions: readonly RawEntity[]): Topic[] {
  const groups = groupByLooseName(mentions);
  const merged = foldSurnamesIntoFullNames(groups);
  return merged
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map(toTopic)
    .filter(uniqueKeys());
}

function looseName(name: string): string {
  return name.split(/\s+/).map(looseWord).join(' ');
}

function groupByLooseName(mentions: readonly RawEntity[]): Group[] {
  const byKey = new Map<string, Group>();
  mentions.forEach((m, index) => {
    const looseKey = looseName(m.name);
    if (looseKey.length === 0) return;
    let group = byKey.get(looseKey);
    if (!group) {
      group = {
        looseKey,
        words: looseKey.split(' '),
        kinds: new Map(),
        variants: new Map(),
        count: 0,
        first: index,
      };
      byKey.set(looseKey, group);
    }
    group.kinds.set(m.kind, (group.kinds.get(m.kind) ?? 0) + 1);
    group.variants.set(m.name, (group.variants.get(m.name) ?? 0) + 1);
    group.count += 1;
  });
  return [...byKey.values()];
}

/**
 * A one-word name that is the surname of exactly one longer person name joins it ("Trump" ->
 * "Donald Trump"). With two candidates ("Donald Trump", "Melania Trump") it joins the most
 * mentioned, which is what a reader means by the bare surname in that article.
 */
function foldSurnamesIntoFullNames(groups: Group[]): Group[] {
  const fullPeople = groups.filter((g) => g.words.length > 1 && kindOf(g) === 'person');
  const kept: Group[] = [];
  for (const group of groups) {
    const target = group.words.length === 1 ? bestFullName(fullPeople, group.words[0]!) : undefined;
    if (!target || kindOf(group) === 'organisation') {
      kept.push(group);
      continue;
    }
    target.count += group.count;
    target.first = Math.min(target.first, group.first);
    for (const [kind, n] of group.kinds) target.kinds.set(kind, (target.kinds.get(kind) ?? 0) + n);
  }
  return kept;
}

function bestFullName(fullPeople: Group[], surname: string): Group | undefined {
  let best: Group | undefined;
  for (const g of fullPeople) {
    if (g.words[g.words.length - 1] !== surname) continue;
    if (!best || g.count > best.count) best = g;
  }
  return best;
}

function kindOf(group: Group): Topic['kind'] {
  let best: Topic['kind'] = 'theme';
  let bestCount = -1;
  for (const kind of KIND_PRIORITY) {
    const n = group.kinds.get(kind) ?? 0;
    if (n > bestCount) [best, bestCount] = [kind, n];
  }
  return best;
}

/** The display name: an all-caps variant for acronyms ("NATO" over "Nato"), else the most used. */
function displayName(group: Group): string {
  const variants = [...group.variants.entries()];
  const caps = variants.find(([v]) => /^[\p{Lu}.&]{2,6}$/u.test(v));
  if (caps) return caps[0];
  variants.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  return unshout(variants[0]![0]);
}

function toTopic(group: Group): Topic {
  const kind = kindOf(group);
  const name = displayName(group);
  return { kind, name, key: `${kind}:${slugify(name)}` };
}

function uniqueKeys(): (topic: Topic) => boolean {
  const seen = new Set<string>();
  return (topic) => {
    if (topic.key.endsWith(':') || seen.has(topic.key)) return false;
    seen.add(topic.key);
    return true;
  };
}

/** Datelines shout place names ("WASHINGTON"); words longer than an acronym get title case. */
function unshout(name: string): string {
  return name.replace(/\p{Lu}{7,}/gu, (w) => w[0] + w.slice(1).toLowerCase());
}
