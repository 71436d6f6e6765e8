// The reader as a person uses it, in Debian's Chromium driven by playwright-core: the bundled
// sample corpus ingested through the real pipeline (plus one hostile page of our own), served
// on loopback, then read, followed, searched and checked for accessibility (axe-core) and for
// anything executing. Screenshots at phone and desktop width go to test-artifacts/browser/.
// Runs when Chromium is present; otherwise says SKIP loudly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import axe from 'axe-core';
import { ingestPaths } from '../../src/cli/ingest.js';
import { Pipeline } from '../../src/pipeline.js';
import { openStore, type Store } from '../../src/store/index.js';
import { buildApp, startServer } from '../../src/serve/index.js';
import { diffCopy } from '../../src/families/index.js';
import { summarise } from '../../src/enrich/index.js';
import { seedStore } from '../../src/serve/testing/seed-store.js';
import { CORPUS } from '../../src/serve/testing/seed-corpus.js';
import { HOSTILE } from '../../src/serve/testing/fixture-rows.js';
import { ROOT } from '../helpers/run-cli.js';
import { chromiumPresent, launchChromium, CHROMIUM_PATH } from './chromium.js';

/** Where screenshots go (gitignored): test-artifacts/browser/<page>-<width>.png. */
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
/** The pipeline's clock for the sample corpus (pages keep their files' times). */
const INGESTED_AT = new Date('2026-06-01T00:00:00Z');
/** axe impacts that fail the test (WCAG 2.1 A and AA rules plus axe's best practices). */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

// Browser globals, for the callbacks given to page.evaluate: those run in the page, not in Node.
declare const document: {
  activeElement: { textContent: string | null } | null;
  addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void;
};
declare const window: object;
declare const localStorage: { setItem(key: string, value: string): void };

interface Incidents {
  dialogs: string[];
  errors: string[];
}

if (!chromiumPresent()) {
  process.stderr.write(
    `\nSKIP: browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set STORYLINE_CHROMIUM)\n\n`,
  );
}

describe('the reader in a real browser', { skip: !chromiumPresent() && 'no Chromium' }, () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const incidents: Incidents = { dialogs: [], errors: [] };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-browser-'));
    await mkdir(ARTIFACTS, { recursive: true });
    store = await openStore(`sqlite:${join(dir, 'reader.db')}`, { now: () => INGESTED_AT });
    const log: string[] = [];
    await ingestPaths(await Pipeline.open(store), [join(ROOT, 'sample')], {
      maxPageBytes: 10 * 1024 * 1024,
      now: () => INGESTED_AT,
      log: (line: string) => log.push(line),
      progress: false,
    });
    // Our hostile page and friends, dated a year back so the sample's stories lead the list.
    await seedStore(
      store,
      CORPUS.map((p) => ({ ...p, fetchedAt: p.fetchedAt.replace(/^2026/, '2025') })),
    );
    app = buildApp({ store, diff: diffCopy, summarise, config: {} });
    origin = await startServer(app, { host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: WIDTHS[1] });
    page = await context.newPage();
    watch(page, incidents);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function visit(path: string): Promise<void> {
    const res = await page.goto(origin + path, { waitUntil: 'load' });
    assert.equal(res?.status(), 200, path);
  }

  it('a reader opens the front page: ranked stories with summary lines, accessible', async () => {
    await visit('/');
    assert.equal(await page.textContent('h1'), 'Top stories');
    const items = page.locator('ol.stories > li');
    assert.ok((await items.count()) >= 10);
    assert.ok((await page.locator('ol.stories > li p.lead').count()) >= 10);
    await shoot(page, 'front');
    await assertAccessible(page, 'front');
  });

  it('moves through headlines with j and k, and the skip link comes first', async () => {
    await visit('/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('j');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), first);
    assert.equal(first, await page.locator('ol.stories h2 a').first().textContent());
  });

  it('follows the top story: summary with sources, families, timeline, outlets', async () => {
    await visit('/');
    const headline = (await page.locator('ol.stories h2 a').first().textContent()) ?? '';
    await page.locator('ol.stories h2 a').first().click();
    await page.waitForURL(/\/stories\//);
    assert.equal(await page.textContent('h1'), headline);
    for (const id of ['summary', 'coverage', 'timeline', 'outlets']) {
      assert.equal(await page.locator(`h2#${id}`).count(), 1, id);
    }
    assert.ok((await page.locator('ul.summary .sources a').count()) >= 3);
    assert.ok((await page.locator('section.family').count()) >= 1);
    await shoot(page, 'story');
    await assertAccessible(page, 'story');
  });

  it('sees the edit view of a copy against its likely original', async () => {
    await page
      .locator('ul.copies a', { hasText: /^edits$/ })
      .first()
      .click();
    await page.waitForURL(/\/edits$/);
    assert.match((await page.textContent('h1')) ?? '', /^How .* edited the text$/);
    assert.ok((await page.locator('table.diff tbody tr').count()) >= 2);
    assert.ok((await page.locator('table.diff ins, table.diff del').count()) >= 1);
    await shoot(page, 'edits');
    await assertAccessible(page, 'edits');
  });

  it('opens an article with its facts, copy family and source link', async () => {
    await page.locator('p.meta a').first().click();
    await page.waitForURL(/\/articles\/[^/]+$/);
    assert.ok(await page.locator('dl.facts').isVisible());
    assert.equal(await page.locator('h2#versions').count(), 1);
    await shoot(page, 'article');
    await assertAccessible(page, 'article');
  });

  it('says what is new since the last visit, and nothing the time after', async () => {
    await visit('/');
    await page.locator('ol.stories h2 a').first().click();
    await page.waitForURL(/\/stories\//);
    const id = await page.getAttribute('article.story', 'data-story');
    await page.evaluate(
      (key) => localStorage.setItem(key, '2000-01-01T00:00:00.000Z'),
      `storyline:seen:${id}`,
    );
    await page.reload();
    assert.match(
      (await page.textContent('p.since')) ?? '',
      /^\d+ new articles? since your last visit/,
    );
    assert.ok((await page.locator('.new-badge').count()) >= 1);
    await page.reload();
    assert.equal(await page.textContent('p.since'), 'Nothing new since your last visit.');
    await visit('/');
    assert.equal(await page.locator('.new-badge').count(), 0);
  });

  it('searches from the keyboard and sees the matches marked', async () => {
    await visit('/');
    await page.keyboard.press('/');
    await page.waitForURL(/\/search$/);
    await page.locator('#q').fill('earthquake');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=earthquake/);
    assert.match((await page.textContent('h1')) ?? '', /Search: earthquake/);
    assert.ok((await page.locator('ol.stories mark').count()) >= 2);
    await shoot(page, 'search');
    await assertAccessible(page, 'search');
  });

  it('opens a topic from a story and follows its Atom feed', async () => {
    await visit('/');
    await page.locator('ol.stories h2 a').first().click();
    await page.waitForURL(/\/stories\//);
    await page.locator('ul.tags a').first().click();
    await page.waitForURL(/\/topics\//);
    assert.ok((await page.locator('ol.stories > li').count()) >= 1);
    await shoot(page, 'topic');
    await assertAccessible(page, 'topic');
    const feedHref = await page.getAttribute('p.meta a[type="application/atom+xml"]', 'href');
    const feed = await page.request.get(origin + feedHref);
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type'] ?? '', /^application\/atom\+xml/);
    assert.match(await feed.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">[^]*<entry>/);
  });

  it('lists outlets and sources', async () => {
    await visit('/outlets');
    await page.locator('ul.topics a').first().click();
    await page.waitForURL(/\/outlets\//);
    assert.ok((await page.locator('ol.stories > li').count()) >= 1);
    await shoot(page, 'outlet');
    await assertAccessible(page, 'outlet');
    await visit('/sources');
    await shoot(page, 'sources');
    await assertAccessible(page, 'sources');
  });

  it('reads well in the dark theme too (system setting and the switch)', async () => {
    const dark = await browser.newContext({ viewport: WIDTHS[0], colorScheme: 'dark' });
    const darkPage = await dark.newPage();
    try {
      await darkPage.goto(`${origin}/`);
      await assertAccessible(darkPage, 'front (dark)');
      await darkPage.screenshot({ path: join(ARTIFACTS, 'front-phone-dark.png'), fullPage: true });
      await darkPage.locator('button.theme').click();
      assert.equal(await darkPage.getAttribute('html', 'data-theme'), 'dark');
      await darkPage.locator('button.theme').click();
      assert.equal(await darkPage.getAttribute('html', 'data-theme'), 'light');
      await assertAccessible(darkPage, 'front (light by switch)');
    } finally {
      await dark.close();
    }
  });

  it('runs nothing from hostile titles, bylines, bodies, links and queries', async () => {
    const hostilePaths = [
      '/',
      '/stories/story-hostile',
      '/articles/hostile',
      `/search?q=${encodeURIComponent(HOSTILE.script)}`,
      `/search?q=${encodeURIComponent('script alert pwned')}`,
      '/topics/theme:hostile',
      `/outlets/${encodeURIComponent(HOSTILE.singleQuote)}`,
    ];
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(e.violatedDirective),
      );
    });
    for (const path of hostilePaths) {
      await visit(path);
      // Hover and focus everything a payload could hang a handler on.
      for (const sel of ['h1', 'p.meta', 'dl.facts', 'figure', 'ul.tags a']) {
        const el = page.locator(sel).first();
        if ((await el.count()) > 0) await el.hover({ timeout: 2000 }).catch(() => undefined);
      }
      for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
      const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      assert.deepEqual(csp, [], `${path}: something tried to run and was blocked`);
    }
    await visit('/articles/hostile');
    assert.equal(await page.textContent('h1'), HOSTILE.script + HOSTILE.attribute);
    assert.equal(await page.locator('a[href^="javascript:"], [onclick], [onerror]').count(), 0);
    await shoot(page, 'hostile-article');
    assert.deepEqual(incidents.dialogs, [], 'no alert, confirm or prompt opened');
    assert.deepEqual(incidents.errors, [], 'no script error on any page');
  });
});

function watch(page: Page, incidents: Incidents): void {
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.errors.push(error.message));
  page.on('console', (message) => {
    // Missing images (the hostile page's "x") are the only expected console noise.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      incidents.errors.push(message.text());
    }
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.name}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
}

/** axe-core, evaluated through the DevTools protocol (the page's CSP forbids inline scripts). */
async function assertAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    }),
  )) as AxeResult;
  const failing = result.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  assert.deepEqual(
    failing.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
    ),
    [],
    `${label}: serious or critical accessibility violations`,
  );
}
