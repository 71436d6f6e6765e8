// Checks diffCopy on the seed pair (../shared/seeds): the Straits Times copy of a Reuters story
// against the aggregator's dump of it. Text dumps: first line is the title, paragraphs are the
// non-empty lines; the aggregator's page ends at its "Hashtags" widget and the copy at its
// "See more on" link (the rest is page furniture, not the article: extraction's job, not ours).
// Run: node --import tsx bench/families/seed-diff.ts [sharedDir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffCopy, FamilyIndex } from '../../src/families/index.js';
import { fingerprint } from '../../src/fingerprint/index.js';
import type { CopyDiff } from '../../src/families/index.js';
import { formatTable } from '../report.js';
import type { Report } from '../report.js';

const ORIGINAL = 'seeds/000_bb57ac129d5420f3.txt';
const COPY = 'seeds/001_736e09f0b2d7f6d7.txt';

export function readDump(path: string, stopAt: string): { title: string; paragraphs: string[] } {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const end = lines.findIndex((l) => l.startsWith(stopAt));
  const body = lines.slice(1, end < 0 ? undefined : end);
  return { title: lines[0] ?? '', paragraphs: body };
}

/** What the seed pair must show: [description, test]. */
const EXPECTATIONS: [string, (d: CopyDiff) => boolean][] = [
  [
    'Nato house style',
    (d) =>
      someOp(
        d,
        (o) => o.kind === 'house-style' && o.before.includes('NATO') && o.after.includes('Nato'),
      ),
  ],
  [
    'US house style',
    (d) =>
      someOp(
        d,
        (o) => o.kind === 'house-style' && o.before.includes('U.S.') && o.after.includes('US'),
      ),
  ],
  ['Mr honorific', (d) => someOp(d, (o) => o.kind === 'honorific' && o.after.includes('Mr'))],
  [
    'Aug 19 date rewrite',
    (d) => someOp(d, (o) => o.kind === 'date-rewrite' && o.after.includes('Aug 19')),
  ],
  [
    'added lead paragraph',
    (d) =>
      d.paragraphs.some(
        (p) =>
          p.status === 'added' && p.ops[0]!.after.startsWith('US and European military planners'),
      ),
  ],
  [
    'REUTERS sign-off',
    (d) => someOp(d, (o) => o.kind === 'credit-line' && o.after.trim() === 'REUTERS'),
  ],
  [
    'defense -> defence',
    (d) =>
      someOp(d, (o) => o.kind === 'spelling' && o.before === 'defense' && o.after === 'defence'),
  ],
  [
    'neighbor -> neighbour',
    (d) =>
      someOp(d, (o) => o.kind === 'spelling' && o.before === 'neighbor' && o.after === 'neighbour'),
  ],
];

function someOp(
  d: CopyDiff,
  test: (op: CopyDiff['paragraphs'][number]['ops'][number]) => boolean,
): boolean {
  return (
    d.paragraphs.some((p) => p.status === 'edited' && p.ops.some(test)) || d.title.ops.some(test)
  );
}

export function seedDiff(sharedDir: string): CopyDiff {
  return diffCopy(
    readDump(join(sharedDir, ORIGINAL), 'Hashtags'),
    readDump(join(sharedDir, COPY), 'See more on'),
  );
}

/** Whether the family index puts the two seed texts in one copy family. */
function sameFamily(sharedDir: string): boolean {
  const index = new FamilyIndex();
  const texts = [
    readDump(join(sharedDir, ORIGINAL), 'Hashtags'),
    readDump(join(sharedDir, COPY), 'See more on'),
  ];
  const [a, b] = texts.map((t, i) =>
    index.assign({
      id: `seed${i}`,
      fingerprint: fingerprint(t),
      credit: 'Reuters',
      published: null,
      wordCount: 1,
    }),
  );
  return a!.familyId === b!.familyId;
}

export async function run(sharedDir: string): Promise<Report> {
  const diff = seedDiff(sharedDir);
  const rows = EXPECTATIONS.map(([name, test]) => [name, test(diff) ? 'yes' : 'NO']);
  rows.unshift(['one copy family', sameFamily(sharedDir) ? 'yes' : 'NO']);
  const counts = Object.entries(diff.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return {
    name: 'seed-diff',
    table: `${formatTable(['seed pair shows', 'found'], rows)}\nedits: ${counts}\nedited: ${diff.editedPercent}% of ${diff.copyWords} words`,
    summary: {
      counts: diff.counts,
      editedPercent: diff.editedPercent,
      found: Object.fromEntries(rows),
    },
    ok: rows.every((r) => r[1] === 'yes'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run(process.argv[2] ?? '/work/shared');
  console.log(report.table);
  if (process.argv.includes('--json'))
    console.log(JSON.stringify(seedDiff(process.argv[2] ?? '/work/shared'), null, 1));
  process.exitCode = report.ok ? 0 : 1;
}
