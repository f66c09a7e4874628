// The walking skeleton, end to end: the real dashboard page, its one script
// tag, a click on the launcher, a query, a result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshotPath } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the dashboard embeds the widget with exactly one script tag', async () => {
  const { page } = await openPage(browser, '/');
  const tags = await page.$$eval('script[src*="help-widget"]', (els) =>
    els.map((el) => ({ src: el.getAttribute('src'), bundle: el.dataset.bundle, defer: el.defer })));
  assert.deepEqual(tags, [{ src: '/widget/help-widget.js', bundle: '/bundle/', defer: true }]);
  await page.close();
});

test('typing "site id" lists the Site ID article', async () => {
  const { page, problems } = await openPage(browser, '/');
  const launcher = page.locator('help-widget-root >> button.hw-launcher');
  await launcher.waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');

  await launcher.click();
  const input = page.locator('help-widget-root >> .hw-search-input');
  await input.waitFor({ state: 'visible' });
  assert.equal(await launcher.getAttribute('aria-expanded'), 'true');

  await input.pressSequentially('site id', { delay: 30 });
  const first = page.locator('help-widget-root >> .hw-result-title').first();
  await first.waitFor();
  assert.equal(await first.textContent(), 'Find your Site ID (SID)');
  const status = await page.locator('help-widget-root >> .hw-status').textContent();
  assert.match(status, /articles? found\.$/);

  await page.screenshot({ path: screenshotPath('panel-site-id.png') });

  // The host page is unharmed: its own button still works, nothing threw,
  // and the strict CSP it is served with was never violated.
  await page.click('#host-button');
  assert.equal(await page.textContent('#host-counter'), '1');
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations ?? []), []);
  await page.close();
});

test('Escape closes the panel and focus returns to the launcher', async () => {
  const { page } = await openPage(browser, '/');
  const launcher = page.locator('help-widget-root >> button.hw-launcher');
  await launcher.click();
  const input = page.locator('help-widget-root >> .hw-search-input');
  await input.waitFor({ state: 'visible' });
  await page.waitForFunction(() =>
    document.querySelector('help-widget-root').shadowRoot.activeElement?.classList.contains('hw-search-input'));
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden' });
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() =>
    document.querySelector('help-widget-root').shadowRoot.activeElement?.className), 'hw-launcher');
  await page.close();
});
