// Copy families end to end: HTML pages of our own invention through the real pipeline
// (extract -> fingerprint -> families -> stories) into a real store, then read back.
// Pins the promises of issue 4 that only the whole flow can show: identical text from two
// outlets is one family; the original is the wire-credited copy, then the earliest; a changed
// text at the same URL is a revision of the same article; a one-sentence brief never glues two
// unrelated reports together.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_RECORD_TYPE } from '../../src/ingest/article-records.js';
import { Pipeline } from '../../src/pipeline.js';
import { openStore, type ArticleRow, type Store } from '../../src/store/index.js';
import { describeEachDialect } from '../helpers/dialects.js';

const NOW = new Date('2026-03-02T18:00:00Z');

const PIER = [
  'The harbour authority of Velmora said on Monday that the northern pier would close for repairs for most of the spring season.',
  'Officials expect the work to last until May, with ferries diverted to the old quay while divers inspect the piles.',
  'Local traders said the closure would hurt the market that depends on morning deliveries from the islands.',
  'The authority said a temporary pontoon would be built for fishing boats before the end of the month.',
];

/** The stock line both unrelated reports end with, and the whole text of the brief. */
const STOCK = 'The council will publish its decision on its website next week, a spokeswoman said.';

const LIBRARY = [
  'Velmora library will stay open until midnight during the exam season, the city council announced on Tuesday.',
  'Students had petitioned for longer hours after the reading rooms filled by mid-morning every day last winter.',
  'The extra hours will be staffed by volunteers from the university and paid for by a local foundation.',
  STOCK,
];

const TRAMS = [
  'Tram line four will be extended to the airport by 2028 under plans approved by regional planners on Thursday.',
  'The extension adds six stops and a depot, and construction is due to start once land purchases are complete.',
  'Residents near the planned depot have objected to night work and asked for noise barriers along the route.',
  STOCK,
];

function page(url: string, outlet: string, title: string, paragraphs: string[], published: string) {
  const body = `<!doctype html><html><head><title>${title}</title>
<meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="${published}"></head>
<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
  return {
    url,
    fetchedAt: new Date(published),
    body: new TextEncoder().encode(body),
    contentType: 'text/html',
  };
}

/** A one-sentence brief as an article record (the HTML extractor rightly refuses so little). */
function brief(url: string, title: string, text: string, published: string) {
  const record = { id: url, text, title, url, outlet: 'Courier', published, html: null, line: 1 };
  return {
    url,
    fetchedAt: new Date(published),
    body: new TextEncoder().encode(JSON.stringify(record)),
    contentType: ARTICLE_RECORD_TYPE,
  };
}

describeEachDialect('copy families through the pipeline and the store', (dialect) => {
  let store: Store;
  let pipeline: Pipeline;

  before(async () => {
    store = await openStore(await dialect.url());
    pipeline = await Pipeline.open(store);
  });
  after(async () => {
    await store.close();
  });

  async function ingest(p: ReturnType<typeof page> | ReturnType<typeof brief>) {
    const outcome = await pipeline.processPage(p, null, NOW);
    assert.equal(outcome.status, 'processed', `${p.url}: ${JSON.stringify(outcome)}`);
    return outcome;
  }

  /** Every stored article, by its URL. */
  async function articlesByUrl(): Promise<Map<string, ArticleRow>> {
    const out = new Map<string, ArticleRow>();
    for (const summary of await store.listStories({ limit: 100 })) {
      const view = await store.getStory(summary.id);
      for (const f of view?.families ?? [])
        for (const a of f.articles) out.set(a.url ?? a.pageUrl, a);
    }
    return out;
  }

  it('makes identical text from two outlets one family, original the earliest', async () => {
    await ingest(
      page(
        'https://gazette.example/pier',
        'Gazette',
        'Pier to close',
        PIER,
        '2026-03-02T09:00:00Z',
      ),
    );
    await ingest(
      page(
        'https://courier.example/pier',
        'Courier',
        'Northern pier shut',
        PIER,
        '2026-03-02T09:30:00Z',
      ),
    );
    const a = await articlesByUrl();
    const gazette = a.get('https://gazette.example/pier')!;
    const courier = a.get('https://courier.example/pier')!;
    assert.equal(courier.familyId, gazette.familyId);
    assert.equal(gazette.isOriginal, true);
    assert.equal(courier.isOriginal, false);
  });

  it('prefers the wire-credited copy as original, even published later than the others', async () => {
    const credited = [`VELMORA, March 2 (Reuters) - ${PIER[0]}`, ...PIER.slice(1)];
    await ingest(
      page('https://wire.example/pier', 'Wire', 'Velmora pier', credited, '2026-03-02T10:00:00Z'),
    );
    const a = await articlesByUrl();
    const wire = a.get('https://wire.example/pier')!;
    assert.equal(wire.credit, 'Reuters');
    assert.equal(wire.familyId, a.get('https://gazette.example/pier')!.familyId);
    assert.equal(wire.isOriginal, true);
    assert.equal(a.get('https://gazette.example/pier')!.isOriginal, false);
    const family = await store.getFamily(wire.familyId);
    assert.equal(family?.originalId, wire.id);
    assert.equal(family?.articles.length, 3);
  });

  it('stores a changed text at the same URL as a revision of the same article', async () => {
    const before = await articlesByUrl();
    const old = before.get('https://gazette.example/pier')!;
    const counts = await store.stats();
    const updated = [
      ...PIER.slice(0, 3),
      'Update: the pontoon opened on Tuesday afternoon, the authority said.',
    ];
    const outcome = await ingest(
      page(
        'https://gazette.example/pier',
        'Gazette',
        'Pier to close',
        updated,
        '2026-03-02T09:00:00Z',
      ),
    );
    assert.deepEqual(
      {
        inserted: outcome.status === 'processed' && outcome.inserted,
        revised: outcome.status === 'processed' && outcome.revised,
      },
      { inserted: 0, revised: 1 },
    );
    const after = await articlesByUrl();
    const now = after.get('https://gazette.example/pier')!;
    assert.equal(now.id, old.id);
    assert.equal(now.revision, old.revision + 1);
    assert.equal(now.familyId, old.familyId);
    assert.equal((await store.stats()).articles, counts.articles);
    const revisions = await store.articleRevisions(old.id);
    assert.equal(revisions.length, 1);
    assert.match(revisions[0]!.text, /temporary pontoon/);
  });

  it('never lets a one-sentence brief glue two unrelated reports together', async () => {
    await ingest(
      page(
        'https://gazette.example/library',
        'Gazette',
        'Library hours',
        LIBRARY,
        '2026-03-02T11:00:00Z',
      ),
    );
    await ingest(
      brief('https://courier.example/brief', 'Council to decide', STOCK, '2026-03-02T11:30:00Z'),
    );
    await ingest(
      page(
        'https://courier.example/trams',
        'Courier',
        'Tram extension',
        TRAMS,
        '2026-03-02T12:00:00Z',
      ),
    );
    const a = await articlesByUrl();
    const library = a.get('https://gazette.example/library')!;
    const short = a.get('https://courier.example/brief')!;
    const trams = a.get('https://courier.example/trams')!;
    assert.notEqual(library.familyId, trams.familyId);
    assert.notEqual(short.familyId, library.familyId);
    assert.notEqual(short.familyId, trams.familyId);
  });
});
