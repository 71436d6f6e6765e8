// The seed case of DESIGN.md, checked on the two real pages in ../shared/seeds: clean text
// with none of the clutter, the aggregator's related articles split out with their outlets,
// and, after ingest, the two main articles in one copy family and the unrelated Fed piece in
// a story of its own. The pages are read at eval time; none of their text lives in the repo.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '../../src/cli/extract.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { Pipeline } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import { formatTable, type Report } from '../report.js';

/** Lines of page furniture that must not survive into any article text (DESIGN.md). */
const CLUTTER = [
  'Hashtags',
  'Try Our AI Features',
  'Explore what',
  'Comments',
  'No comments yet',
  'Related Articles',
  'Sign up now',
  'Follow topic:',
  'See more on',
  'PHOTO:',
  'ATTENTION EDITORS',
];

interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export async function run(sharedDir: string): Promise<Report> {
  const dir = join(sharedDir, 'seeds');
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const checks: Check[] = [];
  const extracted = await Promise.all(
    files.map((f) => extractFile(f, 10 * 1024 * 1024, new Date())),
  );
  extracted.forEach((page, i) => checks.push(...pageChecks(`page ${i}`, page)));
  const aggregator = extracted.find(
    (p) => Array.isArray(p.related) && (p.related as unknown[]).length > 0,
  );
  const related = (aggregator?.related ?? []) as {
    outlet: string | null;
    title: string | null;
    published: string | null;
  }[];
  checks.push({
    name: 'aggregator splits 3 related articles',
    pass: related.length === 3,
    detail: `${related.length}`,
  });
  checks.push({
    name: 'related articles keep their outlets',
    pass: related.length > 0 && related.every((r) => !!r.outlet && !!r.title),
    detail: related.map((r) => r.outlet).join(', '),
  });
  checks.push({
    name: 'related ages resolve to times',
    pass: related.length > 0 && related.every((r) => !!r.published),
    detail: related.map((r) => r.published).join(', '),
  });
  checks.push(...(await groupingChecks(dir)));
  const passed = checks.filter((c) => c.pass).length;
  return {
    name: 'seeds',
    table: formatTable(
      ['check', 'result', 'detail'],
      checks.map((c) => [c.name, c.pass ? 'pass' : 'FAIL', c.detail.slice(0, 90)]),
    ),
    summary: {
      passed,
      total: checks.length,
      failed: checks.filter((c) => !c.pass).map((c) => c.name),
    },
    ok: passed === checks.length,
  };
}

function pageChecks(label: string, page: Record<string, unknown>): Check[] {
  const texts = [page, ...((page.related as Record<string, unknown>[]) ?? [])].map((a) =>
    String(a.text ?? ''),
  );
  const lines = texts.flatMap((t) => t.split('\n'));
  const found = CLUTTER.filter((c) => lines.some((l) => l.trim().startsWith(c)));
  const paragraphs = (page.paragraphs as string[] | undefined)?.length ?? 0;
  return [
    {
      name: `${label}: extracted a titled article`,
      pass: !page.error && !!page.title && paragraphs >= 10,
      detail: `${paragraphs} paragraphs, title: ${page.title}`,
    },
    {
      name: `${label}: no clutter lines in any text`,
      pass: found.length === 0,
      detail: found.join(', ') || 'none',
    },
  ];
}

async function groupingChecks(seedDir: string): Promise<Check[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'storyline-seeds-'));
  const store = await openStore(`sqlite:${join(dataDir, 'seeds.db')}`);
  try {
    const pipeline = await Pipeline.open(store);
    await ingestPaths(pipeline, [seedDir], {
      maxPageBytes: 10 * 1024 * 1024,
      now: () => new Date(),
      log: () => {},
      progress: false,
    });
    const stories = await store.listStories({ limit: 100 });
    const views = (await Promise.all(stories.map((s) => store.getStory(s.id)))).filter(
      (v) => v !== null,
    );
    const articles = views.flatMap((v) =>
      v.families.flatMap((f) => f.articles.map((a) => ({ ...a, familySize: f.articles.length }))),
    );
    const mains = articles.filter((a) => a.position === 0);
    const fed = articles.find(
      (a) => a.position > 0 && /\bFed(eral Reserve)?\b/.test(`${a.title} ${a.text}`),
    );
    const mainStory = mains[0]?.storyId;
    const related = mainStory ? await store.relatedStories(mainStory, 10) : [];
    const fedRelated = related.find((r) => r.story.id === fed?.storyId);
    return [
      {
        name: 'two main articles form one copy family',
        pass: mains.length === 2 && mains[0]!.familyId === mains[1]!.familyId,
        detail: mains.map((m) => m.familyId).join(' / '),
      },
      {
        name: 'the family names one original',
        pass: mains.filter((m) => m.isOriginal).length === 1,
        detail: mains.map((m) => `${m.outlet}:${m.isOriginal}`).join(', '),
      },
      {
        name: 'the Fed piece is in a story of its own',
        pass: !!fed && fed.storyId !== mainStory,
        detail: fed ? `${fed.storyId} vs ${mainStory}` : 'not found',
      },
      {
        name: 'the Fed piece is not a related story',
        pass: !!fed && !fedRelated,
        detail: fedRelated
          ? `related, sharing ${fedRelated.shared.map((t) => t.name).join(', ')}`
          : `${related.length} related: ${related.map((r) => r.story.id).join(', ') || 'none'}`,
      },
      {
        name: 'stories stored',
        pass: stories.length >= 2,
        detail: `${stories.length} stories, ${articles.length} articles`,
      },
    ];
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
