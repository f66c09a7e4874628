// The widget as a dashboard serves it: the loader's weight, what a first
// open transfers before search is interactive, and how long a reader waits
// from the click on the launcher to results, in headless Chromium.
//
//   node bench/widget.mjs CONFIG.json
//
// CONFIG: { base (the demo site: dashboard, /widget/, /bundle/), site (the
//           folder it serves), runs, query, loaderTemplate (the minified
//           loader before the app's names and the contacts are filled in),
//           locales: [{ locale, query }] (one more cold open each, in a
//           browser set to that locale, for its bytes), slow: { runs,
//           latencyMs, downKbps, upKbps } (cold opens under emulated slow
//           4G, for their times) }
// Every run is a fresh browser context, so nothing is cached. The browser's
// idle callback is removed, so the app is fetched on the click (the hover
// just before it, which the loader answers by fetching the app), never
// ahead of it: the worst case a reader meets. What the hover fetches counts
// as the open's.
// Bytes are counted as gzip -9 and as brotli at quality 11 of each response
// body, as a CDN would serve them; the test server itself sends them
// uncompressed. The bytes are read from the served folder, and every file
// must be one of it. The loader counted is the one served, as every
// dashboard page fetches it: its template with the app's file names and
// the help center's fallback contacts filled in; the template alone is
// measured beside it, to tell the code's bytes from the contacts'.
// Prints one JSON object on stdout; progress goes to stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/chromium.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const root = 'help-widget-root';

function kind(path) {
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.startsWith('/widget/') && path.endsWith('help-widget.js')) return 'loader';
  if (path.startsWith('/widget/') && path.endsWith('.js')) return 'glue';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('manifest.json') || /support-[0-9a-f]+\.json$/.test(path)) return 'manifest and support';
  if (/-(root|t\d+|v\d+)-[0-9a-f]+\.bin$/.test(path)) return 'index (root, term shards, term list)';
  if (/-d\d+-[0-9a-f]+\.bin$/.test(path)) return 'doc chunks';
  if (/-n-[0-9a-f]+\.bin$/.test(path)) return 'title list';
  if (/-c-[0-9a-f]+\.bin$/.test(path)) return 'category list';
  return 'other';
}

/** A served file's bytes, read from the site folder the server serves
 * verbatim (response bodies are not always available to Playwright, for
 * instance for a wasm module compiled while streaming). */
function sized({ path, afterClick, status }) {
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  const file = join(config.site, path.endsWith('/') ? `${path}index.html` : path);
  let body;
  try { body = readFileSync(file); } catch { throw new Error(`${path} is not a file of ${config.site}`); }
  return { path, afterClick, ...compressed(body) };
}

/** `body`'s length raw, as gzip -9 and as brotli at quality 11. */
function compressed(body) {
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli.length };
}

async function once(browser, run, { locale = 'en-US', query = config.query, network = null } = {}) {
  const context = await browser.newContext({ locale });
  await context.addInitScript(() => { delete window.requestIdleCallback; window.requestIdleCallback = undefined; });
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: (network.downKbps * 1000) / 8,
      uploadThroughput: (network.upKbps * 1000) / 8,
    });
  }
  const errors = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  const responses = [];
  let clicked = false;
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(config.base).origin) return;
    responses.push({ path: url.pathname, afterClick: clicked, status: response.status() });
  });
  await page.goto(new URL('/', config.base).href);
  const launcher = page.locator(`${root} >> button.hw-launcher`);
  await launcher.waitFor();
  // Anything the loader fetched so far would be the page's, not the open's.
  await page.waitForLoadState('networkidle');
  // Before the click only the page's own files count; a favicon 404 is not ours.
  const before = responses.filter((r) => r.status === 200).map(sized);
  if (before.some((r) => r.path.endsWith('.wasm'))) throw new Error('the wasm was fetched before the click');

  // The hover starts the app's fetch (the loader listens for
  // pointerenter): from here on, every file is the open's.
  clicked = true;
  await launcher.hover();
  const t0 = await page.evaluate(() => performance.now());
  await launcher.click();
  const input = page.locator(`${root} >> .hw-search-input`);
  await input.waitFor({ state: 'visible' });
  await page.locator(`${root} >> .hw-suggestion`).first().waitFor({ state: 'visible', timeout: 30000 });
  const tSuggestions = await page.evaluate(() => performance.now());
  await input.fill(query);
  await page.locator(`${root} >> .hw-result-title`).first().waitFor({ state: 'visible', timeout: 30000 });
  const tResults = await page.evaluate(() => performance.now());
  const all = responses.map(sized);
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  const open = all.filter((r) => r.afterClick);
  log(`${locale}${network ? ', slow 4G' : ''} run ${run + 1}: suggestions ${(tSuggestions - t0).toFixed(0)} ms, results ${(tResults - t0).toFixed(0)} ms, ${open.length} files`);
  return {
    loader: before.find((r) => kind(r.path) === 'loader') ?? null,
    open,
    suggestionsMs: tSuggestions - t0,
    resultsMs: tResults - t0,
  };
}

function byKindOf(open) {
  const byKind = {};
  for (const r of open) {
    const k = kind(r.path);
    byKind[k] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 };
    byKind[k].files += 1;
    byKind[k].raw += r.raw;
    byKind[k].gzip += r.gzip;
    byKind[k].brotli += r.brotli;
  }
  return byKind;
}

const sum = (open, key) => open.reduce((total, r) => total + r[key], 0);

const browser = await launchChromium();
try {
  const runs = [];
  for (let i = 0; i < config.runs; i += 1) runs.push(await once(browser, i));
  const byKind = byKindOf(runs[0].open);
  const locales = [];
  for (const { locale, query } of config.locales ?? []) {
    const r = await once(browser, 0, { locale, query });
    locales.push({
      locale,
      files: r.open.map((f) => ({ ...f, kind: kind(f.path) })),
      byKind: byKindOf(r.open),
      gzip: sum(r.open, 'gzip'),
      brotli: sum(r.open, 'brotli'),
    });
  }
  const slow = { suggestionsMs: [], resultsMs: [] };
  for (let i = 0; i < (config.slow?.runs ?? 0); i += 1) {
    const r = await once(browser, i, { network: config.slow });
    slow.suggestionsMs.push(r.suggestionsMs);
    slow.resultsMs.push(r.resultsMs);
  }
  process.stdout.write(JSON.stringify({
    locales,
    slow,
    loader: runs[0].loader,
    loaderTemplate: compressed(readFileSync(config.loaderTemplate)),
    openFiles: runs[0].open.map((r) => ({ ...r, kind: kind(r.path) })),
    openByKind: byKind,
    openGzip: runs[0].open.reduce((sum, r) => sum + r.gzip, 0),
    openBrotli: runs[0].open.reduce((sum, r) => sum + r.brotli, 0),
    openRaw: runs[0].open.reduce((sum, r) => sum + r.raw, 0),
    suggestionsMs: runs.map((r) => r.suggestionsMs),
    resultsMs: runs.map((r) => r.resultsMs),
  }));
} finally {
  await browser.close();
}
