// The benchmark page: embeds the widget's loader for the bundle named in
// the URL (`?bundle=/bundle/gnome/`), and offers `window.bench` for
// bench/latency.mjs to time our search and MiniSearch's on the same queries.
import MiniSearch from '/vendor/minisearch.js';

const params = new URLSearchParams(location.search);

const loader = document.createElement('script');
loader.src = '/widget/help-widget.js';
loader.dataset.bundle = params.get('bundle') || '/bundle/';
loader.dataset.locale = params.get('locale') || 'en';
document.head.appendChild(loader);

let mini = null;

/** How long one call may take before the pass is abandoned as hung. */
const CALL_TIMEOUT_MS = 20000;

/** `promise`, or a rejection if it has not settled within `ms`. */
function settle(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Times `fn(q)` for every query, one call after the other. `times[i]` is
 * the i-th query's time in ms, or null if the call failed. A call that
 * never settles ends the pass: the engine behind it is stuck.
 */
async function timeEach(queries, fn) {
  const times = [];
  let empty = 0;
  const emptyQueries = [];
  let errors = 0;
  let firstError = null;
  for (const q of queries) {
    const t0 = performance.now();
    try {
      const hits = await settle(fn(q), CALL_TIMEOUT_MS, `search(${JSON.stringify(q)})`);
      times.push(performance.now() - t0);
      if (!hits || hits.length === 0) {
        empty += 1;
        if (emptyQueries.length < 12) emptyQueries.push(q);
      }
    } catch (err) {
      times.push(null);
      errors += 1;
      firstError ??= String(err && err.message ? err.message : err);
      if (performance.now() - t0 >= CALL_TIMEOUT_MS) break;
    }
  }
  return { times, empty, emptyQueries, errors, firstError };
}

window.bench = {
  /** Waits until the wasm app and the bundle's root are loaded. */
  async warmUp() {
    const t0 = performance.now();
    await settle(window.HelpWidget.search(''), 60000, 'the warm-up call');
    return performance.now() - t0;
  },
  /** Our search through the public API, as a host page would call it. */
  ours(queries) {
    return timeEach(queries, (q) => window.HelpWidget.search(q));
  },
  /** Builds MiniSearch over the docs at `url`; returns the build time in ms. */
  async miniBuild(url) {
    const docs = await (await fetch(url)).json();
    const t0 = performance.now();
    mini = new MiniSearch({ fields: ['title', 'tags', 'summary', 'body'], idField: 'id' });
    mini.addAll(docs);
    return { ms: performance.now() - t0, docs: docs.length };
  },
  /** MiniSearch as the issue configures it: prefix, fuzzy 0.2, title boost 2. */
  miniSearch(queries) {
    const options = { prefix: true, fuzzy: 0.2, boost: { title: 2 } };
    return timeEach(queries, async (q) => mini.search(q, options).slice(0, 10));
  },
  /** Bytes of bundle files the page has fetched so far, as served. */
  bundleTransfer(prefix) {
    const base = new URL(prefix, location.href).href;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.name.startsWith(base))
      .map((e) => ({ name: e.name.slice(base.length), bytes: e.encodedBodySize, transfer: e.transferSize }));
  },
};
