// Lists split to fit one statement. PostgreSQL takes at most 65,535 parameters a statement and
// SQLite 32,766; a save's lists are far shorter, but a big reprocess must not fail on them.

/** Rows (or ids) per statement: a few parameters each, well inside both limits. */
export const ROWS_PER_STATEMENT = 500;

export function chunks<T>(all: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < all.length; at += ROWS_PER_STATEMENT)
    out.push(all.slice(at, at + ROWS_PER_STATEMENT));
  return out;
}
