// Results that jump to the answer: a hit lists the sections its words
// point to ("Change your email or password › Forgot your password?"),
// opening one scrolls the article to that section with focus on its
// heading and the query's words marked in the body, long articles have a
// table of contents, and links to a section land on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { BASE_URL, launch, $, newContextPage, axeViolations } from './browser.mjs';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openPanel(options = {}) {
  const { context, page, problems } = await newContextPage(browser, { viewport: { width: 1280, height: 700 }, ...options });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-search-input').waitFor({ state: 'visible' });
  return { context, page, problems };
}

/** Where the section's heading sits in the panel's scrolling body, the body's scroll, and what has focus. */
function sectionPlace(page, anchor) {
  return page.evaluate((anchor) => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    const body = root.querySelector('.hw-body');
    const heading = root.getElementById(`hw-s-${anchor}`);
    if (!heading) return null;
    const offset = heading.getBoundingClientRect().top - body.getBoundingClientRect().top;
    return { offset, scroll: body.scrollTop, focused: root.activeElement === heading, text: heading.textContent };
  }, anchor);
}

async function waitForSection(page, anchor) {
  await page.waitForFunction((anchor) => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return root.activeElement?.id === `hw-s-${anchor}`;
  }, anchor, { timeout: 15000 });
  const place = await sectionPlace(page, anchor);
  assert.ok(place, `the article has the section ${anchor}`);
  assert.ok(place.scroll > 0, `the body is scrolled down to ${anchor}: ${JSON.stringify(place)}`);
  assert.ok(place.offset >= 0 && place.offset < 40, `${anchor} is at the top of the panel: ${JSON.stringify(place)}`);
  return place;
}

test('a hit lists its sections; the keyboard opens one at its heading with the words marked', async () => {
  const { context, page, problems } = await openPanel();
  await page.keyboard.type('forgot password');
  const sub = $(page, '.hw-subresult[data-article-id="change-email-password"][data-section="forgot-your-password"]');
  await sub.waitFor();
  const text = await sub.textContent();
  assert.match(text, /›/, 'the sub-result names its article');
  assert.match(text, /Forgot your password/, text);
  assert.ok((await sub.locator('mark').count()) > 0, 'its matched words are marked');

  // Its row comes right after its article's, for the arrow keys too.
  const ids = await $(page, '.hw-results > li').evaluateAll((rows) =>
    rows.map((r) => `${r.className} ${r.dataset.articleId} ${r.dataset.section ?? ''}`.trim()));
  const at = ids.indexOf('hw-subresult change-email-password forgot-your-password');
  assert.ok(at > 0 && ids[at - 1].startsWith('hw-result change-email-password'), ids.join('\n'));
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await sub.getAttribute('aria-selected'), 'true');
  const active = await $(page, '.hw-search-input').getAttribute('aria-activedescendant');
  assert.equal(active, await sub.getAttribute('id'));

  await page.keyboard.press('Enter');
  await waitForSection(page, 'forgot-your-password');
  const marked = await $(page, '.hw-article-body mark.hw-found').allTextContents();
  assert.ok(marked.some((m) => /^password/i.test(m)), `the query's words are marked in the body: ${marked}`);
  assert.ok(marked.some((m) => /^forgot/i.test(m)), `${marked}`);
  assert.ok(marked.every((m) => /^(password|forgot)/i.test(m)), `only the query's words: ${marked}`);

  // Back returns to the results, on the sub-result.
  await $(page, '.hw-back').click();
  await page.waitForFunction(() =>
    document.querySelector('help-widget-root').shadowRoot.activeElement?.classList.contains('hw-search-input')
    || document.querySelector('help-widget-root').shadowRoot.activeElement?.classList.contains('hw-subresult'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a click on a sub-result opens its section; an article opened from its own row is marked at its top', async () => {
  const { context, page, problems } = await openPanel();
  await $(page, '.hw-search-input').fill('last click wins');
  await $(page, '.hw-subresult[data-section="last-click-wins"]').click();
  await waitForSection(page, 'last-click-wins');
  await $(page, '.hw-back').click();
  await $(page, '.hw-result[data-article-id="cookies-attribution"]').click();
  await $(page, '.hw-article-title').waitFor();
  await page.waitForFunction(() =>
    document.querySelector('help-widget-root').shadowRoot.querySelectorAll('.hw-article-body mark.hw-found').length > 0);
  const scroll = await page.evaluate(() => document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-body').scrollTop);
  assert.equal(scroll, 0, 'its own row opens the article at its top');
  // A suggestion opens an article with nothing marked.
  await page.evaluate(() => window.HelpWidget.showArticle('cookies-attribution'));
  await $(page, '.hw-back').click();
  await $(page, '.hw-search-input').fill('');
  await $(page, '.hw-suggestion').first().click();
  await $(page, '.hw-article-body').waitFor();
  assert.equal(await $(page, '.hw-article-body mark').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long article has a table of contents whose links land on their sections', async () => {
  const { context, page, problems } = await openPanel();
  await page.evaluate(() => window.HelpWidget.showArticle('change-email-password'));
  const toc = $(page, 'nav.hw-toc');
  await toc.waitFor();
  assert.equal(await toc.getAttribute('aria-labelledby'), 'hw-toc-title');
  assert.equal(await $(page, '#hw-toc-title').textContent(), 'On this page');
  const entries = await toc.locator('a').allTextContents();
  const headings = await $(page, '.hw-article-body h2, .hw-article-body h3').allTextContents();
  assert.deepEqual(entries, headings, 'one entry per section, in order');
  assert.ok(entries.length >= 4, entries.join(', '));
  const url = page.url();
  await toc.locator('a', { hasText: 'Forgot your password?' }).click();
  await waitForSection(page, 'forgot-your-password');
  assert.equal(page.url(), url, 'the host page keeps its address');
  // An article with few sections has none.
  await page.evaluate(() => window.HelpWidget.showArticle('find-site-id'));
  await $(page, '.hw-article-body').waitFor();
  const sections = await $(page, '.hw-article-body h2, .hw-article-body h3').count();
  assert.ok(sections < 4, `find-site-id has ${sections} sections`);
  assert.equal(await $(page, 'nav.hw-toc').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('showArticle("id#section") opens the article at that section, and an unknown section at its top', async () => {
  const { context, page, problems } = await openPanel();
  await page.evaluate(() => window.HelpWidget.showArticle('change-email-password#change-your-email-address'));
  await waitForSection(page, 'change-your-email-address');
  await page.evaluate(() => window.HelpWidget.showArticle('cookies-attribution#no-such-section'));
  await page.waitForFunction(() =>
    document.querySelector('help-widget-root').shadowRoot.activeElement?.classList.contains('hw-article-title'));
  const scroll = await page.evaluate(() => document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-body').scrollTop);
  assert.equal(scroll, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe passes on sub-results and the table of contents, ${colorScheme} mode`, async () => {
    const { context, page } = await openPanel({ bypassCSP: true });
    await page.emulateMedia({ colorScheme });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    await $(page, '.hw-search-input').fill('forgot password');
    await $(page, '.hw-subresult').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
    await page.keyboard.press('Enter');
    await $(page, 'nav.hw-toc').waitFor();
    await $(page, '.hw-article-body mark.hw-found').first().waitFor();
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
    await context.close();
  });
}

test('a link to a section of another article lands on it, and Back returns to the link', async () => {
  const { context, page, problems } = await openPanel();
  await page.evaluate(() => window.HelpWidget.showArticle('two-factor-sign-in'));
  const link = $(page, '.hw-article-body a[href="#article:change-email-password#forgot-your-password"]');
  await link.click();
  await waitForSection(page, 'forgot-your-password');
  assert.equal(await $(page, '.hw-article-body mark').count(), 0, 'a link marks nothing');
  await $(page, '.hw-back').click();
  await page.waitForFunction(() =>
    document.querySelector('help-widget-root').shadowRoot.activeElement?.getAttribute('href')
      === '#article:change-email-password#forgot-your-password');
  assert.deepEqual(problems, []);
  await context.close();
});
