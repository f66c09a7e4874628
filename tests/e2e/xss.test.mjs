// The XSS corpus in a real browser: an article made of hostile payloads
// (examples/xss), sanitized by the builder, opened in the widget. The page
// runs WITHOUT its CSP here, so only the sanitizer stands in the way: no
// script may run and no request may leave for a payload URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, screenshotPath, $ } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an article of XSS payloads runs nothing and loads nothing from a payload URL', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  const payloadRequests = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  context.on('request', (r) => { if (r.url().includes('xss.invalid')) payloadRequests.push(r.url()); });
  await page.addInitScript(() => {
    window.__ran = [];
    for (const name of ['alert', 'confirm', 'prompt']) {
      window[name] = (...args) => { window.__ran.push(`${name}(${args.join(',')})`); };
    }
  });
  const origin = new URL(BASE_URL).origin;
  await context.route(`${origin}/`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-bundle="/bundle/"', 'data-bundle="/bundle-xss/"');
    await route.fulfill({ response, body: html });
  });

  await page.goto(`${origin}/`);
  await page.evaluate(() => window.HelpWidget.showArticle('xss-payloads'));
  const body = $(page, '.hw-article-body');
  await body.waitFor();
  // The safe text around every payload is there, so the article did render.
  const text = await body.textContent();
  for (const n of ['00', '01', '05', '10', '20']) assert.ok(text.includes(`Safe text ${n}b.`), `section ${n}`);
  // Give anything that would fire (onerror, onload, refresh) time to.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: screenshotPath('xss-article.png'), fullPage: true });

  const inside = await body.evaluate((el) => ({
    scripts: el.querySelectorAll('script, iframe, object, embed, svg, style, form, meta, base').length,
    handlers: [...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on') || n === 'style'),
  }));
  assert.deepEqual(inside, { scripts: 0, handlers: [] });

  // Clicking every link in the article runs nothing either.
  const links = await body.locator('a').count();
  for (let i = 0; i < links; i += 1) await body.locator('a').nth(i).click({ timeout: 2000 }).catch(() => {});
  await page.waitForTimeout(300);

  assert.deepEqual(await page.evaluate(() => window.__ran), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(payloadRequests, []);
  assert.deepEqual(problems, []);
  await context.close();
});
