// The shape every evaluation and benchmark returns, so `npm run eval` and `npm run bench` can
// print one table per part and one JSON summary for all of them.

export interface Report {
  /** Short name: "extraction", "families", "clustering", "seeds", ... */
  name: string;
  /** Human-readable table, already formatted, printed as is. */
  table: string;
  /** Machine-readable figures, merged into the closing JSON summary under `name`. */
  summary: Record<string, unknown>;
  /** False when a pinned floor (baseline.json) is not met: the run exits non-zero. */
  ok: boolean;
}

/** An evaluation or benchmark: reads benchmark data from `sharedDir` (../shared). */
export type ReportRunner = (sharedDir: string) => Promise<Report>;

/** Formats rows as an aligned plain-text table with a header rule. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => String(c ?? '').padEnd(widths[i] ?? 0)).join('  ');
  return [
    line(cells[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 10 ? n.toFixed(3) : n.toFixed(1);
}
