// Failing networks and strict hosts. In every case the panel still opens
// with the contact details and a Retry, a single clear console warning is
// logged, the dashboard's own button keeps counting, and no uncaught
// exception or unhandled rejection reaches the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, screenshotPath, $ } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The policy the issue names, served on the dashboard's page. */
const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** A fresh context whose page records everything that could hurt the host. */
async function watchedPage({ csp } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.addInitScript(() => {
    window.__problems = [];
    window.addEventListener('unhandledrejection', (e) => window.__problems.push(`unhandled rejection: ${e.reason}`));
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__problems.push(`CSP: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (csp) {
    await context.route(new URL('/', BASE_URL).href, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  }
  return { context, page, problems, warnings };
}

async function hostStillWorks(page, problems) {
  const before = Number(await page.textContent('#host-counter'));
  await page.click('#host-button');
  assert.equal(await page.textContent('#host-counter'), String(before + 1));
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__problems), []);
}

const widgetWarnings = (warnings) => warnings.filter((w) => w.startsWith('help widget'));

/** Serves `file` of the bundle with its bytes cut in half. */
async function truncated(route) {
  const response = await route.fetch();
  const body = await response.body();
  await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
}

// Each way the bundle can fail: which request, and what it gets instead.
const BUNDLE_FAILURES = [
  ['a 404', '**/bundle/manifest.json', (route) => route.fulfill({ status: 404, body: 'gone' })],
  ['a 500', '**/bundle/manifest.json', (route) => route.fulfill({ status: 500, body: 'oops' })],
  ['a 5-second stall', '**/bundle/manifest.json', async (route) => {
    await new Promise((r) => setTimeout(r, 5000));
    try { await route.continue(); } catch { /* the widget gave up first */ }
  }],
  ['a truncated file', '**/bundle/en-root-*.bin', truncated],
  ['an unknown format version', '**/bundle/manifest.json', async (route) => {
    const response = await route.fetch();
    const manifest = JSON.parse(await response.text());
    manifest.format_version = 99;
    await route.fulfill({ response, body: JSON.stringify(manifest) });
  }],
];

for (const [name, pattern, handler] of BUNDLE_FAILURES) {
  test(`the bundle fails with ${name}: contacts, Retry, one warning, host unharmed`, async () => {
    const { context, page, problems, warnings } = await watchedPage();
    let failing = true;
    await context.route(pattern, (route) => (failing ? handler(route) : route.continue()));
    await page.goto(new URL('/', BASE_URL).href);
    await $(page, 'button.hw-launcher').click();
    await $(page, '.hw-error').first().waitFor({ timeout: 15000 });
    assert.match(await $(page, '.hw-error').first().textContent(), /unavailable/);
    await $(page, '.hw-contacts a').first().waitFor();
    assert.match(await $(page, '.hw-contacts a').first().getAttribute('href'), /^(tel|mailto):/);
    await page.screenshot({ path: screenshotPath(`bundle-${name.replace(/\W+/g, '-')}.png`) });
    const ours = widgetWarnings(warnings);
    assert.equal(ours.length, 1, ours.join('\n'));
    await hostStillWorks(page, problems);

    failing = false;
    await $(page, '.hw-error button').click();
    await $(page, '.hw-suggestion').first().waitFor();
    await hostStillWorks(page, problems);
    await context.close();
  });
}

test('going offline after the page loaded: the loader shows the contacts and a Retry', async () => {
  const { context, page, problems, warnings } = await watchedPage();
  await page.addInitScript(() => { window.requestIdleCallback = undefined; });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').waitFor();
  await context.setOffline(true);
  await page.click('#host-button');
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-fallback').waitFor();
  assert.match(await $(page, '.hw-fallback').textContent(), /unavailable/);
  assert.ok(await $(page, '.hw-fallback a[href^="tel:"]').count() > 0);
  assert.equal(widgetWarnings(warnings).length, 1, warnings.join('\n'));
  await hostStillWorks(page, problems);

  await context.setOffline(false);
  await $(page, '.hw-fallback button').click();
  await $(page, '.hw-search-input').waitFor({ state: 'visible' });
  await $(page, '.hw-suggestion').first().waitFor();
  await hostStillWorks(page, problems);
  await context.close();
});

test('the wasm blocked by the host\'s CSP: the loader shows the contacts, nothing else breaks', async () => {
  const { context, page, problems, warnings } = await watchedPage({ csp: "script-src 'self'; style-src 'self'" });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-fallback').waitFor();
  assert.ok(await $(page, '.hw-fallback a').count() > 0);
  await page.screenshot({ path: screenshotPath('wasm-blocked-by-csp.png') });
  assert.equal(widgetWarnings(warnings).length, 1, warnings.join('\n'));
  // The only violation is the wasm compile the policy forbids.
  const violations = await page.evaluate(() => window.__problems.splice(0));
  assert.ok(violations.every((v) => v.startsWith('CSP: script-src')), violations.join('\n'));
  await hostStillWorks(page, problems);
  await context.close();
});

test('under the strict CSP the widget is used with zero violations', async () => {
  const { context, page, problems } = await watchedPage({ csp: STRICT_CSP });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-suggestion').first().waitFor();
  await $(page, '.hw-search-input').fill('payment threshold');
  await $(page, '.hw-result').first().click();
  await $(page, '.hw-article-body').waitFor();
  await $(page, '.hw-back').click();
  await $(page, '.hw-search-input').fill('');
  await $(page, '.hw-contact-link').click();
  await $(page, '.hw-open-status').waitFor();
  await hostStillWorks(page, problems);
  await context.close();
});
