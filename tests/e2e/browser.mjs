// Shared setup for the end-to-end tests: Debian's Chromium, driven by
// playwright-core. No test tool ever downloads a browser of its own.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

export const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) throw new Error('BASE_URL is not set: run the end-to-end tests through `cargo xtask test`');

export const OUT_DIR = process.env.E2E_OUT ?? 'target/e2e';
mkdirSync(OUT_DIR, { recursive: true });

export { CHROMIUM_ARGS } from './chromium.mjs';

export function launch() {
  return launchChromium();
}

/** A new page that records what would hurt the host: uncaught errors and CSP violations. */
export async function openPage(browser, path = '/') {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ||= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(new URL(path, BASE_URL).href);
  return { page, problems };
}

export function screenshotPath(name) {
  return join(OUT_DIR, name);
}

/** A locator inside the widget's shadow root. */
export const $ = (page, selector) => page.locator(`help-widget-root >> ${selector}`);

/** A page in a new browser context (`options` as playwright's), with the uncaught errors it meets. */
export async function newContextPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page, problems };
}

/** Waits for the widget's animations (the panel rising into place) to end: what the reader sees once it settles. */
export async function settled(page) {
  await page.evaluate(() => Promise.all(
    document.querySelector('help-widget-root').shadowRoot.getAnimations().map((a) => a.finished),
  ));
}

/** axe's violations over the widget once it has settled, one `rule: target` line per element, in the scheme the page emulates. */
export async function axeViolations(page) {
  await settled(page);
  return page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector('help-widget-root'), { resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}
