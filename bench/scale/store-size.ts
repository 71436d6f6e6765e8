// Bytes a PostgreSQL store takes on disk: every table of its schema with indexes and TOAST.
import pg from 'pg';

export async function storeBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{
      bytes: string | null;
    }>(`SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'm')`);
    return Number(r.rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}
