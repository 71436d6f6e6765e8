// `storyline cluster --in ARTICLES.jsonl [--out FILE]`: groups article records into copy
// families and stories in memory and prints `{id, story, family, original}` per input line,
// in input order. Touches no database. Ids are stable within the run: the id of the record
// that founded the family or story.
import { Grouper, extractPage } from '../pipeline.js';
import { ARTICLE_RECORD_TYPE, type ArticleRecord } from '../ingest/article-records.js';

export interface ClusterLine {
  id: string;
  story: string;
  family: string;
  original: boolean;
}

export function clusterRecords(records: readonly ArticleRecord[], runStart: Date): ClusterLine[] {
  const grouper = new Grouper();
  const family = new Merges();
  const story = new Merges();
  const originals = new Map<string, string>();
  const placed: { id: string; family: string; story: string }[] = [];
  for (const record of records) {
    const body = new TextEncoder().encode(JSON.stringify(record));
    const page = {
      url: record.url ?? `record:${record.id}`,
      fetchedAt: runStart,
      body,
      contentType: ARTICLE_RECORD_TYPE,
    };
    const extraction = extractPage(page, runStart);
    if (extraction.kind !== 'article') {
      placed.push({ id: record.id, family: `f${record.id}`, story: `s${record.id}` });
      continue;
    }
    // The run's clock, as the pipeline passes the fetch time: the indexes read the publication
    // time themselves, and doubt one that lies in the future of the moment they saw it.
    const g = grouper.group(record.id, 0, extraction.article, runStart);
    for (const m of g.mergedFamilies) family.merge(m.from, m.into);
    for (const m of g.mergedStories) story.merge(m.from, m.into);
    originals.set(g.familyOriginal.familyId, g.familyOriginal.originalId);
    placed.push({ id: record.id, family: g.grouping.familyId, story: g.grouping.storyId });
  }
  return placed.map((p) => {
    const f = family.find(p.family);
    return {
      id: p.id,
      story: story.find(p.story),
      family: f,
      original: (originals.get(f) ?? p.id) === p.id,
    };
  });
}

/** Follows merge chains (a→b, b→c) to the surviving id. */
class Merges {
  private readonly into = new Map<string, string>();

  merge(from: string, to: string): void {
    if (from !== to) this.into.set(from, to);
  }

  find(id: string): string {
    let current = id;
    for (let hops = 0; this.into.has(current) && hops < 10_000; hops += 1)
      current = this.into.get(current)!;
    return current;
  }
}
