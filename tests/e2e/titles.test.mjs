// Suggestions and first results without doc chunks: a first open shows
// the route's suggestions and the category list from the locale's title
// list, fetching no doc chunk at all; a first search lists its titles from
// the title list and fills in the snippets from the chunks of the hits on
// screen; an opened article fetches its own chunk and body, and its
// related articles come from the title list, no other chunk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, $, newContextPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const CHUNK = /\/bundle\/en-d\d+-[0-9a-f]+\.bin$/;
const TITLES = /\/bundle\/en-n-[0-9a-f]+\.bin$/;
/** What a first open may fetch from the bundle: no doc chunk, no body. */
const FIRST_OPEN = [
  /\/bundle\/manifest\.json$/,
  /\/bundle\/support-[0-9a-f]+\.json$/,
  /\/bundle\/en-root-[0-9a-f]+\.bin$/,
  /\/bundle\/en-t\d+-[0-9a-f]+\.bin$/,
  TITLES,
  /\/bundle\/en-c-[0-9a-f]+\.bin$/,
];

async function newPage() {
  const { context, page, problems } = await newContextPage(browser);
  const requests = [];
  const bytes = new Map();
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('response', async (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/bundle/')) return;
    try { bytes.set(path, (await r.body()).length); } catch { /* gone with the page */ }
  });
  return { context, page, problems, requests, bytes };
}

const bundle = (requests) => requests.filter((p) => p.startsWith('/bundle/'));
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('a first open shows the suggestions and categories from the title list, fetching no doc chunk', async (t) => {
  const { context, page, problems, requests, bytes } = await newPage();
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-suggestion').first().waitFor();
  await $(page, '.hw-category').first().waitFor();
  await frames(page);
  const titles = await $(page, '.hw-suggestions .hw-suggestion .hw-result-title').allTextContents();
  assert.ok(titles.length >= 3 && titles.every((s) => s.trim().length > 0), titles.join(' | '));
  const summaries = await $(page, '.hw-suggestions .hw-suggestion .hw-result-snippet').allTextContents();
  assert.ok(summaries.some((s) => s.trim().length > 20), `summaries shown: ${summaries.join(' | ')}`);
  const fetched = bundle(requests);
  assert.deepEqual(fetched.filter((p) => CHUNK.test(p)), [], `no doc chunk: ${fetched.join(' ')}`);
  assert.deepEqual(fetched.filter((p) => !FIRST_OPEN.some((re) => re.test(p))), [], fetched.join(' '));
  assert.equal(fetched.filter((p) => TITLES.test(p)).length, 1, 'the title list, once');
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  t.diagnostic(`first open to suggestions, bundle files as sent: ${total} bytes: ${[...bytes].map(([p, n]) => `${p.replace('/bundle/', '')} ${n}`).join(', ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a first search lists titles from the title list, then the snippets of the hits on screen from their chunks', async (t) => {
  const { context, page, problems, requests, bytes } = await newPage();
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-suggestion').first().waitFor();
  const before = bundle(requests).length;
  await $(page, '.hw-search-input').fill('payment');
  await $(page, '.hw-result').first().waitFor();
  // Once the chunks are in, every result has its snippet.
  await page.waitForFunction(() => {
    const rows = [...document.querySelector('help-widget-root').shadowRoot.querySelectorAll('.hw-result')];
    return rows.length > 0 && rows.every((r) => r.querySelector('.hw-result-snippet')?.textContent.trim());
  });
  const rows = await $(page, '.hw-result .hw-result-title').allTextContents();
  assert.ok(rows.length >= 2 && rows.every((s) => s.trim()), rows.join(' | '));
  const fetched = bundle(requests);
  const chunks = fetched.filter((p) => CHUNK.test(p));
  assert.ok(chunks.length >= 1, `the hits' chunks, for snippets: ${fetched.join(' ')}`);
  assert.equal(new Set(chunks).size, chunks.length, 'no chunk twice');
  assert.equal(fetched.filter((p) => TITLES.test(p)).length, 1, 'the title list, once, from the first open');
  assert.ok(fetched.findIndex((p) => TITLES.test(p)) < before, 'fetched before the search');
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  t.diagnostic(`first open and first search "payment", bundle files as sent: ${total} bytes; chunks: ${chunks.length}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an opened article fetches its own chunk and body; its related articles come from the title list', async () => {
  const { context, page, problems, requests } = await newPage();
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-suggestion').first().click();
  await $(page, '.hw-article-body').waitFor();
  await $(page, '.hw-related-article').first().waitFor();
  await frames(page);
  const fetched = bundle(requests);
  assert.equal(fetched.filter((p) => CHUNK.test(p)).length, 1, `the article's own chunk only: ${fetched.join(' ')}`);
  assert.equal(fetched.filter((p) => /\/bundle\/en\/.*\.html$/.test(p)).length, 1, 'its body');
  const related = await $(page, '.hw-related-article .hw-result-title').allTextContents();
  assert.ok(related.length >= 1 && related.every((s) => s.trim()), related.join(' | '));
  assert.deepEqual(problems, []);
  await context.close();
});
