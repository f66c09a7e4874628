// Recent searches and recently read articles on the home view: recorded
// when the reader opens a result or pauses on a query, kept in
// localStorage across reloads (and nowhere else), run again or opened from
// the list, cleared by the reader; storage that throws breaks nothing;
// axe in light and dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { BASE_URL, launch, screenshotPath, $, axeViolations, newContextPage } from './browser.mjs';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const KEY = 'help-widget:recent:v1:en';


async function newPage(options = {}) {
  const { context, page, problems } = await newContextPage(browser, options);
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  return { context, page, problems, requests };
}

async function openPanel(page, path = '/') {
  await page.goto(new URL(path, BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-panel').waitFor({ state: 'visible' });
  await $(page, '.hw-suggestion').first().waitFor();
}

const texts = (page, selector) => $(page, selector).allTextContents();
const searches = async (page) => (await texts(page, '.hw-recent-search')).map((t) => t.replace('↺', '').trim());
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const activeClass = (page) => page.evaluate(() =>
  document.querySelector('help-widget-root').shadowRoot.activeElement?.className ?? '');

test('searches and articles are kept across a reload, run again, open, and clear; nothing is sent', async () => {
  const { context, page, problems, requests } = await newPage();
  await openPanel(page, '/');
  assert.equal(await $(page, '.hw-recent-head').count(), 0, 'no lists before any search');

  // Opening a result records the query and the article.
  await $(page, '.hw-search-input').fill('payment threshold');
  await $(page, '.hw-result[data-article-id="payment-threshold"]').click();
  await $(page, '.hw-article-title').waitFor();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('The payment threshold'), KEY);
  await $(page, '.hw-back').click();

  // Pausing on a query that found something records it, without opening.
  await $(page, '.hw-search-input').fill('  Tax   form ');
  await $(page, '.hw-result').first().waitFor();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('Tax form'), KEY);
  // A query that finds nothing is not kept.
  await $(page, '.hw-search-input').fill('zzqxv');
  await page.waitForFunction(() => document.querySelector('help-widget-root').shadowRoot
    .querySelector('.hw-status')?.textContent.includes('zzqxv'));
  await $(page, '.hw-search-input').fill('');
  assert.deepEqual(await searches(page), ['Tax form', 'payment threshold']);
  assert.deepEqual(await texts(page, '.hw-recent-article .hw-result-title'), ['The payment threshold']);

  // Kept across a reload, in this browser's localStorage only.
  await page.reload();
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-recent-search').first().waitFor();
  assert.deepEqual(await searches(page), ['Tax form', 'payment threshold']);
  assert.deepEqual(await texts(page, '.hw-recent-article .hw-result-title'), ['The payment threshold']);
  const value = await stored(page);
  assert.ok(value.startsWith('help-widget recent 1\n'), value);
  assert.ok(!value.includes('zzqxv'), value);
  await page.screenshot({ path: screenshotPath('recent-home.png') });

  // A recent search runs again, with the caret in the box.
  await $(page, '.hw-recent-search').filter({ hasText: 'payment threshold' }).click();
  assert.equal(await $(page, '.hw-search-input').inputValue(), 'payment threshold');
  await $(page, '.hw-result').first().waitFor();
  assert.match(await activeClass(page), /hw-search-input/);
  await $(page, '.hw-search-input').fill('');

  // A recent article opens.
  await $(page, '.hw-recent-article').first().click();
  assert.equal(await $(page, '.hw-article-title').textContent(), 'The payment threshold');
  await $(page, '.hw-back').click();

  // Each list clears on its own, by an accessible button.
  await page.getByRole('button', { name: 'Clear recent searches' }).click();
  assert.equal(await $(page, '.hw-recent-search').count(), 0);
  assert.match(await activeClass(page), /hw-search-input/, 'focus stays in the panel');
  assert.ok(!(await stored(page)).includes('Tax form'));
  await page.getByRole('button', { name: 'Clear recently read articles' }).click();
  assert.equal(await $(page, '.hw-recent-head').count(), 0);
  assert.equal(await stored(page), null, 'empty lists leave nothing stored');

  // Nothing recorded ever left the browser.
  for (const r of requests) {
    assert.ok(!/tax(%20|\+| )form/i.test(r), r);
    assert.ok(!/payment(%20|\+| )threshold/i.test(r), r);
    assert.ok(!r.includes('help-widget recent'), r);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a query typed further replaces the one before; each locale keeps its own lists', async () => {
  const { context, page, problems } = await newPage();
  await openPanel(page, '/');
  await $(page, '.hw-search-input').fill('pay');
  await $(page, '.hw-result').first().waitFor();
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').split('\n').includes('s\tpay'), KEY);
  await $(page, '.hw-search-input').fill('payment');
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').split('\n').includes('s\tpayment'), KEY);
  await $(page, '.hw-search-input').fill('');
  assert.deepEqual(await searches(page), ['payment']);

  await page.evaluate(() => window.HelpWidget.setLocale('fr'));
  await page.waitForFunction(() => document.querySelector('help-widget-root').shadowRoot
    .querySelector('.hw-panel')?.getAttribute('lang') === 'fr');
  await $(page, '.hw-suggestion').first().waitFor();
  assert.equal(await $(page, '.hw-recent-search').count(), 0, 'French has its own, empty, lists');
  await page.evaluate(() => window.HelpWidget.setLocale('en'));
  await $(page, '.hw-recent-search').first().waitFor();
  assert.deepEqual(await searches(page), ['payment']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a stored article the bundle no longer has is dropped quietly; a corrupt value is ignored', async () => {
  const { context, page, problems } = await newPage();
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, 'help-widget recent 1\ns\ttax\na\tno-such-article\tA removed article\na\tpayment-threshold\tThe payment threshold\nbroken line');
    }
  }, KEY);
  await openPanel(page, '/');
  await page.waitForFunction(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    const titles = [...root.querySelectorAll('.hw-recent-article')].map((e) => e.textContent);
    return titles.length === 1 && titles[0] === 'The payment threshold';
  });
  assert.deepEqual(await searches(page), ['tax']);
  assert.ok(!(await stored(page)).includes('no-such-article'), 'dropped from storage too');

  await page.evaluate((key) => localStorage.setItem(key, '{"searches": ["tax"'), KEY);
  await page.reload();
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-suggestion').first().waitFor();
  assert.equal(await $(page, '.hw-recent-head').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('localStorage that throws (private mode, a full quota) never breaks the panel', async () => {
  for (const broken of ['getter', 'quota']) {
    const { context, page, problems } = await newPage();
    await page.addInitScript((how) => {
      if (how === 'getter') {
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      } else {
        Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
      }
    }, broken);
    await openPanel(page, '/');
    await $(page, '.hw-search-input').fill('payment threshold');
    await $(page, '.hw-result[data-article-id="payment-threshold"]').click();
    await $(page, '.hw-article-title').waitFor();
    await $(page, '.hw-back').click();
    await $(page, '.hw-search-input').fill('');
    // The lists last as long as the page.
    await $(page, '.hw-recent-article').first().waitFor();
    assert.deepEqual(await searches(page), ['payment threshold'], broken);
    assert.deepEqual(problems, [], broken);
    await context.close();
  }
});

test('axe finds no violations on the home view with the lists, in light and dark mode', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await newPage({ bypassCSP: true, colorScheme });
    await page.addInitScript((key) => {
      localStorage.setItem(key, 'help-widget recent 1\ns\ttax form\ns\tpayment threshold\na\tpayment-threshold\tThe payment threshold\na\tdeep-links\tDeep links');
    }, KEY);
    await page.emulateMedia({ colorScheme });
    await openPanel(page, '/');
    await $(page, '.hw-recent-search').first().waitFor();
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await axeViolations(page);
    await page.screenshot({ path: screenshotPath(`recent-${colorScheme}.png`) });
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    await context.close();
  }
});
