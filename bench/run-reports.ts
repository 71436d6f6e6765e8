// Runs a list of report runners (evaluations or benchmarks) against ../shared, prints each
// table and then one JSON summary line, and sets the exit code when a pinned floor is missed.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report, ReportRunner } from './report.js';

/** Where the benchmark data lives: `$STORYLINE_SHARED`, else `../shared` beside the checkout. */
export function sharedDir(): string {
  return resolve(
    process.env.STORYLINE_SHARED ?? resolve(import.meta.dirname, '..', '..', 'shared'),
  );
}

/**
 * Runs the modules that exist (parts land at different times; a missing module is reported,
 * not fatal). `only` filters by name, from the command line: `npm run eval -- extraction`.
 */
export async function runReports(
  kind: 'eval' | 'bench',
  names: readonly string[],
  only: readonly string[],
): Promise<number> {
  const shared = sharedDir();
  if (!existsSync(shared)) {
    process.stderr.write(`${kind}: benchmark data not found at ${shared} (set STORYLINE_SHARED)\n`);
    return 1;
  }
  const summary: Record<string, unknown> = {};
  let ok = true;
  for (const name of names.filter((n) => only.length === 0 || only.includes(n))) {
    const file = resolve(import.meta.dirname, name, `${kind}.ts`);
    if (!existsSync(file)) {
      process.stdout.write(`\n== ${name}: no ${kind} yet (${file})\n`);
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as { run: ReportRunner };
    const started = performance.now();
    let report: Report;
    try {
      report = await mod.run(shared);
    } catch (error) {
      process.stdout.write(`\n== ${name}: FAILED: ${(error as Error).stack ?? String(error)}\n`);
      ok = false;
      continue;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `\n== ${report.name} (${seconds} s)${report.ok ? '' : '  BELOW PINNED FLOOR'}\n${report.table}\n`,
    );
    summary[report.name] = { ...report.summary, ok: report.ok };
    ok &&= report.ok;
  }
  process.stdout.write(`\n${JSON.stringify({ kind, ok, results: summary })}\n`);
  return ok ? 0 : 1;
}
