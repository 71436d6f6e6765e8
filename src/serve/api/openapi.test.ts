import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { seedStore } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { diffCopy } from '../../families/index.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';

type Schema = Record<string, unknown>;
const schemas = OPENAPI_DOCUMENT.components.schemas as Record<string, Schema>;

/** The subset of JSON Schema the document uses: $ref, allOf, type, enum, required, properties, items. */
function check(value: unknown, schema: Schema, path: string): void {
  if (typeof schema.$ref === 'string')
    return check(value, schemas[schema.$ref.split('/').pop()!]!, path);
  if (Array.isArray(schema.allOf))
    return schema.allOf.forEach((s) => check(value, s as Schema, path));
  if (Array.isArray(schema.enum))
    assert.ok(schema.enum.includes(value), `${path}: ${String(value)} not in enum`);
  const types = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type);
  if (types.length > 0) {
    const actual =
      value === null
        ? 'null'
        : Array.isArray(value)
          ? 'array'
          : Number.isInteger(value)
            ? 'integer'
            : typeof value;
    assert.ok(
      types.includes(actual) || (actual === 'integer' && types.includes('number')),
      `${path}: ${actual} is not ${types.join('|')}`,
    );
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => check(v, schema.items as Schema, `${path}[${i}]`));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? [])
      assert.ok(key in obj, `${path}: missing ${key}`);
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [key, sub] of Object.entries(props))
      if (key in obj) check(obj[key], sub, `${path}.${key}`);
  }
}

/** Full paths of the app's routes, read from Fastify's route tree. */
function routePaths(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│\s]*)[└├]── (\S+) \(/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const full = parent === '/' ? `/${m[2]}` : parent + m[2];
    stack[depth] = full;
    out.push(full);
  }
  return out;
}

describeEachDialect('OpenAPI document', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    app = buildApp({ store, diff: diffCopy });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('is served as JSON and describes exactly the API routes the app has', async () => {
    const res = await app.inject('/api/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().openapi, '3.1.0');
    const described = Object.keys(OPENAPI_DOCUMENT.paths).map((p) =>
      p.replace(/\{(\w+)\}/g, ':$1'),
    );
    const served = routePaths(app).filter(
      (p) => p.startsWith('/api/v1/') && p !== '/api/v1/openapi.json',
    );
    assert.deepEqual([...served].sort(), [...described].sort());
  });

  it('matches what the routes actually return', async () => {
    const cases: [string, string][] = [
      ['/api/v1/stories', '/api/v1/stories'],
      ['/api/v1/stories/story-bridge', '/api/v1/stories/{id}'],
      ['/api/v1/articles/gazette-bridge', '/api/v1/articles/{id}'],
      ['/api/v1/articles/hostile', '/api/v1/articles/{id}'],
      ['/api/v1/topics', '/api/v1/topics'],
      ['/api/v1/topics/place:port-elwyn', '/api/v1/topics/{key}'],
      ['/api/v1/search?q=bridge', '/api/v1/search'],
      ['/api/v1/stories/nope', '/api/v1/stories/{id}'],
      ['/api/v1/articles/gazette-bridge/edits', '/api/v1/articles/{id}/edits'],
      ['/api/v1/articles/gazette-bridge/diff', '/api/v1/articles/{id}/diff'],
      ['/api/v1/families/fam-bridge', '/api/v1/families/{id}'],
      ['/api/v1/families/nope', '/api/v1/families/{id}'],
      ['/api/v1/articles/wire-bridge/revisions', '/api/v1/articles/{id}/revisions'],
      ['/api/v1/outlets', '/api/v1/outlets'],
      ['/api/v1/outlets/Lantern%20Wire', '/api/v1/outlets/{name}'],
      ['/api/v1/outlets/nobody', '/api/v1/outlets/{name}'],
      ['/api/v1/stories/story-bridge/related', '/api/v1/stories/{id}/related'],
      ['/api/v1/stories/story-bridge/related?page=2', '/api/v1/stories/{id}/related'],
      ['/api/v1/stories?limit=1', '/api/v1/stories'],
      ['/api/v1/stories?page=2', '/api/v1/stories'],
      ['/api/v1/topics?limit=1', '/api/v1/topics'],
      ['/api/v1/outlets?limit=1', '/api/v1/outlets'],
    ];
    const paths = OPENAPI_DOCUMENT.paths as Record<
      string,
      { get: { responses: Record<number, Schema> } }
    >;
    for (const [url, path] of cases) {
      const res = await app.inject(url);
      const response = paths[path]!.get.responses[res.statusCode];
      assert.ok(response, `${url}: status ${res.statusCode} is not described`);
      const content = response.content as Record<string, { schema: Schema }>;
      check(res.json(), content['application/json']!.schema, url);
    }
  });

  it('catches a reply that lacks a required field (the check has teeth)', () => {
    assert.throws(
      () => check({ id: 'x' }, { $ref: '#/components/schemas/StorySummary' }, 'x'),
      /missing headline/,
    );
    assert.throws(
      () => check({ error: { code: 1, status: 1, message: '' } }, schemas.Error!, 'e'),
      /integer is not string/,
    );
  });
});
