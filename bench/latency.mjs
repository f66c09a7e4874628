// Query latency and first-query transfer in headless Chromium.
//
//   node bench/latency.mjs CONFIG.json
//
// CONFIG: { base, mode: "latency" | "transfer", bundle, queries,
//           ours?: bool (default true), minisearch?: bool, docs?: url of
//           the MiniSearch docs, repeat?: bool (time ours a second time,
//           every file already fetched) }
// Prints one JSON object on stdout; progress goes to stderr.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/chromium.mjs';


const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

async function openBench(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  // Requests still open when a call gets stuck tell a hung fetch from a hung engine.
  const pending = new Set();
  let requests = 0;
  page.on('request', (req) => {
    pending.add(req.url());
    requests += 1;
  });
  page.on('requestfinished', (req) => pending.delete(req.url()));
  page.on('requestfailed', (req) => pending.delete(req.url()));
  errors.pending = pending;
  errors.requests = () => requests;
  const url = new URL(`/page/bench.html?bundle=${encodeURIComponent(config.bundle)}&locale=en`, config.base);
  await page.goto(url.href);
  await page.waitForFunction(() => window.bench && window.HelpWidget, null, { timeout: 30000 });
  return { context, page, errors };
}

async function latency(browser) {
  const out = {};
  const errors = [];
  if (config.ours !== false) {
    const ours = await openBench(browser);
    try {
      out.warmup_ms = await ours.page.evaluate(() => window.bench.warmUp());
      log(`ours: ${config.queries.length} typed queries on ${config.bundle}`);
      out.ours = await ours.page.evaluate((qs) => window.bench.ours(qs), config.queries);
      if (out.ours.firstError) {
        const open = [...ours.errors.pending];
        ours.errors.push(
          `${ours.errors.requests()} requests in all; ` +
            (open.length > 0 ? `still open: ${open.join(' ')}` : 'none still open'),
        );
      }
      if (config.repeat) {
        log('ours: the same queries again, every file already fetched');
        out.ours_cached = await ours.page.evaluate((qs) => window.bench.ours(qs), config.queries);
      }
    } catch (err) {
      out.ours_error = String(err.message || err);
    }
    await ours.context.close();
    errors.push(...ours.errors);
  }
  if (config.minisearch && config.docs) {
    // A page of its own, so a slow or failed MiniSearch leaves ours intact.
    const mini = await openBench(browser);
    try {
      log(`minisearch: building over ${config.docs}`);
      out.minisearch_build = await mini.page.evaluate((u) => window.bench.miniBuild(u), config.docs);
      log(`minisearch: built in ${Math.round(out.minisearch_build.ms)} ms; searching`);
      out.minisearch = await mini.page.evaluate((qs) => window.bench.miniSearch(qs), config.queries);
    } catch (err) {
      out.minisearch_error = String(err.message || err);
    }
    await mini.context.close();
    errors.push(...mini.errors);
  }
  out.page_errors = errors;
  return out;
}

/** `promise`, or a rejection after `ms`. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function transfer(browser) {
  const runs = [];
  for (const q of config.queries) {
    // A fresh context each time: an empty cache, as on a first visit. A
    // page whose search never settles is retried twice.
    let run = null;
    for (let attempt = 1; attempt <= 3 && !(run && !run.error); attempt += 1) {
      const { context, page, errors } = await openBench(browser);
      try {
        const hits = await within(
          page.evaluate((query) => window.HelpWidget.search(query), q),
          30000,
          `search(${JSON.stringify(q)})`,
        );
        const files = await page.evaluate((b) => window.bench.bundleTransfer(b), config.bundle);
        const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
        run = { query: q, hits: hits.length, bytes, files, attempts: attempt };
      } catch (err) {
        const open = [...errors.pending];
        run = {
          query: q,
          error: `${err.message || err} (attempt ${attempt}; ${errors.requests()} requests, ${open.length} still open)`,
        };
        log(run.error);
      }
      await context.close();
    }
    runs.push(run);
  }
  return { runs };
}

const browser = await launchChromium();
try {
  const result = config.mode === 'transfer' ? await transfer(browser) : await latency(browser);
  result.chromium = browser.version();
  process.stdout.write(JSON.stringify(result) + '\n');
} finally {
  await browser.close();
}
