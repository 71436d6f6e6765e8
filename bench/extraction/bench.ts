// Extraction speed: our extractor against @mozilla/readability on linkedom over the 181
// benchmark pages, each in its own process: median and p95 ms per page, pages per second and
// peak RSS. Target (issue 3): our median at most half of Readability's.
//   node --import tsx bench/extraction/bench.ts [sharedDir]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable, type Report } from '../report.js';

/** Our median time per page may be at most this share of Readability's (issue 3). */
const MAX_MEDIAN_SHARE = 0.5;

interface Timing {
  times: number[];
  peakRssMb: number;
}

function time(tool: string, sharedDir: string): Timing {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'time-one.ts'), tool, sharedDir],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out) as Timing;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

export async function run(sharedDir: string): Promise<Report> {
  const ours = time('storyline', sharedDir);
  const theirs = time('readability', sharedDir);
  const rows = [
    ['storyline (ours)', ours],
    ['readability + linkedom', theirs],
  ].map(([name, t]) => {
    const timing = t as Timing;
    const total = timing.times.reduce((a, b) => a + b, 0);
    return [
      name as string,
      quantile(timing.times, 0.5),
      quantile(timing.times, 0.95),
      (timing.times.length / total) * 1000,
      timing.peakRssMb,
    ];
  });
  const share = quantile(ours.times, 0.5) / quantile(theirs.times, 0.5);
  const ok = share <= MAX_MEDIAN_SHARE;
  const table =
    formatTable(['extractor', 'median ms', 'p95 ms', 'pages/s', 'peak RSS MB'], rows) +
    `\nour median is ${(share * 100).toFixed(0)}% of Readability's (target <= ${MAX_MEDIAN_SHARE * 100}%): ${ok ? 'met' : 'NOT MET'}`;
  return {
    name: 'extraction-speed',
    table,
    summary: {
      medianMs: rows[0]![1],
      p95Ms: rows[0]![2],
      pagesPerSecond: rows[0]![3],
      readabilityMedianMs: rows[1]![1],
      medianShare: share,
    },
    ok,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run(
    process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', 'shared'),
  );
  console.log(report.table);
  process.exitCode = report.ok ? 0 : 1;
}
