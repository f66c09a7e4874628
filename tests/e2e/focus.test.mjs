// Keyboard and focus in the panel: focus follows the reader into an
// article and back to where they were, never falls out onto the host page
// while the panel is open, the selected result stays in sight, Back keeps
// the list's scroll position, and Escape always closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, screenshotPath, $, newContextPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function newPage(options = {}) {
  const { context, page, problems } = await newContextPage(browser, options);
  await page.goto(new URL('/', BASE_URL).href);
  return { context, page, problems };
}

/** Where focus is: inside the widget's panel (with the element's class), or on the host page. */
function focusNow(page) {
  return page.evaluate(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    const el = root.activeElement;
    if (!el) return { where: 'host', tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.slice(0, 40) };
    const inPanel = !!el.closest('.hw-panel');
    return { where: inPanel ? 'panel' : 'widget', cls: el.className, tag: el.tagName, text: el.textContent.slice(0, 60) };
  });
}

async function waitForFocus(page, selector) {
  await page.waitForFunction((s) => {
    const el = document.querySelector('help-widget-root').shadowRoot.activeElement;
    return el && el.matches(s);
  }, selector, { timeout: 15000 }).catch(async () => {
    assert.fail(`focus is not on ${selector}: ${JSON.stringify(await focusNow(page))}`);
  });
}

async function openWithKeyboard(page) {
  await $(page, 'button.hw-launcher').focus();
  await page.keyboard.press('Enter');
  await $(page, '.hw-panel').waitFor({ state: 'visible' });
  await waitForFocus(page, '.hw-search-input');
}

test('keyboard only: an article opened with Enter takes focus to its heading, Tab stays in the panel, Escape closes', async () => {
  const { context, page, problems } = await newPage();
  await openWithKeyboard(page);
  await page.keyboard.type('threshold');
  await $(page, '.hw-result').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await $(page, '.hw-article-title').waitFor();
  await waitForFocus(page, '.hw-article-title');
  assert.equal(await $(page, '.hw-article-title').getAttribute('tabindex'), '-1');

  await page.keyboard.press('Tab');
  assert.equal((await focusNow(page)).where, 'panel', 'Tab stays in the panel');
  await page.keyboard.press('Escape');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  await waitForFocus(page, '.hw-launcher');
  assert.deepEqual(problems, []);
  await context.close();
});

test('focus follows an in-article link, a vote, and Back, to where the reader was', async () => {
  const { context, page, problems } = await newPage();
  await context.route('**/feedback', (route) => route.fulfill({ status: 204 }));
  await openWithKeyboard(page);
  await page.keyboard.type('paymnet threshold');
  await $(page, '.hw-result').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitForFocus(page, '.hw-article-title');
  const first = await $(page, '.hw-article-title').textContent();

  // Follow a link inside the article with the keyboard.
  const link = $(page, '.hw-article-body a[href^="#article:"]').first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => {
    const el = document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-article-title');
    return el && el.textContent !== t;
  }, first);
  await waitForFocus(page, '.hw-article-title');

  // A vote replaces its buttons: focus must not fall out onto the page.
  const yes = $(page, '.hw-feedback button').first();
  await yes.focus();
  await page.keyboard.press('Enter');
  await $(page, '.hw-thanks').waitFor();
  await page.waitForTimeout(100);
  assert.equal((await focusNow(page)).where, 'panel', 'focus after a vote');
  await page.keyboard.press('Tab');
  assert.equal((await focusNow(page)).where, 'panel', 'Tab after a vote');

  // Back returns to the link the reader followed, then to the search box.
  await $(page, '.hw-back').focus();
  await page.keyboard.press('Enter');
  await $(page, '.hw-article-title').filter({ hasText: first }).waitFor();
  await waitForFocus(page, `.hw-article-body a[href="${href}"]`);
  await $(page, '.hw-back').focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, '.hw-search-input');
  assert.equal(await $(page, '.hw-search-input').inputValue(), 'paymnet threshold');
  assert.equal(await $(page, '.hw-result').first().getAttribute('aria-selected'), 'true', 'the row stays selected');

  await page.keyboard.press('Escape'); // clears the box
  await page.keyboard.press('Escape'); // closes
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  await waitForFocus(page, '.hw-launcher');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Back from an article opened from a suggestion returns focus to that suggestion', async () => {
  const { context, page, problems } = await newPage();
  await openWithKeyboard(page);
  const second = $(page, '.hw-suggestion').nth(1);
  await second.waitFor();
  const href = await second.getAttribute('href');
  await second.focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, '.hw-article-title');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focusNow(page)).where, 'panel');
  await $(page, '.hw-back').click();
  await waitForFocus(page, `.hw-suggestion[href="${href}"]`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Tab and Shift+Tab cycle inside the open panel, and Escape closes from anywhere in it', async () => {
  const { context, page, problems } = await newPage();
  await openWithKeyboard(page);
  await $(page, '.hw-suggestion').first().waitFor();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const at = await focusNow(page);
    assert.equal(at.where, 'panel', `Tab ${i + 1}: ${JSON.stringify(at)}`);
  }
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Shift+Tab');
    const at = await focusNow(page);
    assert.equal(at.where, 'panel', `Shift+Tab ${i + 1}: ${JSON.stringify(at)}`);
  }
  // Contact: the view's heading takes focus, Escape closes.
  await $(page, '.hw-contact-link').focus();
  await page.keyboard.press('Enter');
  await $(page, '.hw-open-status, .hw-contact').first().waitFor();
  await page.waitForTimeout(100);
  assert.equal((await focusNow(page)).where, 'panel', 'focus after opening Contact');
  await page.keyboard.press('Escape');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  await waitForFocus(page, '.hw-launcher');
  assert.deepEqual(problems, []);
  await context.close();
});

/** The element that scrolls the results: the nearest ancestor that overflows. */
function scrollerOf(page, selector) {
  return page.evaluate((s) => {
    let el = document.querySelector('help-widget-root').shadowRoot.querySelector(s);
    while (el && !(el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, scrollTop: el.scrollTop };
  }, selector);
}

test('the arrow keys keep the selected result in sight', async () => {
  const { context, page, problems } = await newPage({ viewport: { width: 1280, height: 600 } });
  await openWithKeyboard(page);
  await page.keyboard.type('payment');
  await $(page, '.hw-result').nth(5).waitFor();
  // Every option: the hits and the sections listed under them.
  const count = await $(page, '.hw-results [role="option"]').count();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('ArrowDown');
    const row = $(page, `#hw-result-${i}`);
    assert.equal(await row.getAttribute('aria-selected'), 'true');
    await page.waitForTimeout(50);
    const box = await row.boundingBox();
    const scroller = await scrollerOf(page, '.hw-results');
    assert.ok(scroller, 'the results scroll inside the panel');
    const input = await $(page, '.hw-search-input').boundingBox();
    const top = Math.max(scroller.top, input.y + input.height);
    assert.ok(box.y >= top - 1 && box.y + box.height <= scroller.bottom + 1,
      `row ${i} at ${box.y}..${box.y + box.height} is outside ${top}..${scroller.bottom}`);
  }
  // Wrapping around to the first row brings it back.
  await page.keyboard.press('ArrowDown');
  const box = await $(page, '#hw-result-0').boundingBox();
  const scroller = await scrollerOf(page, '.hw-results');
  const input = await $(page, '.hw-search-input').boundingBox();
  assert.ok(box.y >= Math.max(scroller.top, input.y + input.height) - 1, 'the first row is in sight again');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an article opens at its top, and Back returns the list to where it was scrolled', async () => {
  const { context, page, problems } = await newPage({ viewport: { width: 1280, height: 600 } });
  await openWithKeyboard(page);
  await page.keyboard.type('payment');
  await $(page, '.hw-result').nth(7).waitFor();
  // The eighth hit's own row (sections are rows under their hit, and open
  // the article at the section).
  const rowId = await $(page, '.hw-result').nth(7).getAttribute('id');
  const rowIndex = Number(rowId.replace('hw-result-', ''));
  for (let i = 0; i <= rowIndex; i++) await page.keyboard.press('ArrowDown');
  const row = $(page, `#${rowId}`);
  await row.scrollIntoViewIfNeeded();
  const before = await scrollerOf(page, '.hw-results');
  assert.ok(before && before.scrollTop > 0, `the list is scrolled: ${JSON.stringify(before)}`);
  const rowBefore = await row.boundingBox();
  await page.keyboard.press('Enter');
  await $(page, '.hw-article-body').waitFor();
  await waitForFocus(page, '.hw-article-title');
  const title = await $(page, '.hw-article-title').boundingBox();
  const panel = await $(page, '.hw-panel').boundingBox();
  assert.ok(title.y >= panel.y && title.y < panel.y + 160, `the article's title is at its top: ${title.y} vs panel ${panel.y}`);

  await $(page, '.hw-back').click();
  await row.waitFor();
  await page.waitForFunction(([id, want]) => {
    const el = document.querySelector('help-widget-root').shadowRoot.getElementById(id);
    return el && Math.abs(el.getBoundingClientRect().y - want) < 2;
  }, [rowId, rowBefore.y], { timeout: 5000 }).catch(() => {});
  const rowAfter = await row.boundingBox();
  assert.ok(Math.abs(rowAfter.y - rowBefore.y) < 2, `the row was at ${rowBefore.y}, is at ${rowAfter.y}`);
  await page.screenshot({ path: screenshotPath('focus-back-scroll.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
