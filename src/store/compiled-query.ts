// Statements of the save path, built by Kysely once and then run with each call's values.
// Building and compiling a query costs Kysely 10-15 microseconds (frozen operation nodes, a
// visitor pass), and a saved article runs about fifteen: that was 2.1 s of the save thread's
// 9.1 s at 10k articles (bench/scale lane, 2026-12-07), more than SQLite's own work on the
// smaller statements. The SQL of a statement depends only on the dialect and on the shape of
// its values (which keys, how long each list), so it is compiled once per dialect and shape
// with a marker standing in for each value, and each call only puts its values in place.
import type { CompiledQuery, Compilable, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

type Scalar = string | number | bigint | boolean | null | Uint8Array;
/** A statement's values: named scalars, or lists of them (an IN list, a multi-row insert). */
export type QueryValues = Record<string, Scalar | readonly Scalar[]>;

/** Where one parameter of the compiled statement comes from. */
type Slot = { key: string; index: number | null } | { constant: unknown };

interface Template {
  query: CompiledQuery<unknown>;
  slots: Slot[];
}

const MARK = '\u0000storyline-value\u0000';

/**
 * A statement whose values are given by name: `build` receives markers in their place and must
 * not branch on them (a branch belongs outside, choosing between two statements).
 */
export function compiledQuery<V extends QueryValues, R>(
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
): (db: Kysely<Database>, values: V) => Promise<QueryResult<R>> {
  // Keyed by the dialect's adapter, which a transaction shares with its database.
  const byDialect = new WeakMap<object, Map<string, Template>>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let templates = byDialect.get(adapter);
    if (templates === undefined) byDialect.set(adapter, (templates = new Map()));
    const shape = shapeOf(values);
    let template = templates.get(shape);
    if (template === undefined) templates.set(shape, (template = compile(db, build, values)));
    const parameters = template.slots.map((slot) => valueOf(slot, values));
    const result = await db.executeQuery({ ...template.query, parameters });
    return result as QueryResult<R>;
  };
}

function shapeOf(values: QueryValues): string {
  let shape = '';
  for (const key in values) {
    const value = values[key];
    shape += Array.isArray(value) ? `${key}[${value.length}],` : `${key},`;
  }
  return shape;
}

function compile<V extends QueryValues>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, values: V) => Compilable<unknown>,
  values: V,
): Template {
  const markers: QueryValues = {};
  for (const key in values) {
    const value = values[key];
    markers[key] = Array.isArray(value)
      ? value.map((_, i) => `${MARK}${key}\u0000${i}`)
      : `${MARK}${key}`;
  }
  const query = build(db, markers as V).compile();
  const slots = query.parameters.map((p): Slot => {
    if (typeof p !== 'string' || !p.startsWith(MARK)) return { constant: p };
    const [key, index] = p.slice(MARK.length).split('\u0000');
    return { key: key!, index: index === undefined ? null : Number(index) };
  });
  return { query, slots };
}

function valueOf(slot: Slot, values: QueryValues): unknown {
  if ('constant' in slot) return slot.constant;
  const value = values[slot.key];
  return slot.index === null ? value : (value as readonly Scalar[])[slot.index];
}
