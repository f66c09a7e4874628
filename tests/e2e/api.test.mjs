// The JS API as a dashboard developer uses it: the launcher's label
// follows setLocale, an unknown article id is an error with a clear view,
// and `search` events come once the reader pauses, trimmed, with a count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, $, newContextPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function newPage(options = {}) {
  const { context, page, problems } = await newContextPage(browser, options);
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').waitFor();
  return { context, page, problems };
}

test('the launcher speaks the locale set with setLocale', async () => {
  const { context, page, problems } = await newPage({ locale: 'en-US' });
  const launcher = $(page, 'button.hw-launcher');
  assert.equal(await launcher.textContent(), 'Help');
  for (const [locale, word] of [['de', 'Hilfe'], ['fr-CA', 'Aide'], ['pt-BR', 'Ajuda'], ['en', 'Help']]) {
    await page.evaluate((l) => window.HelpWidget.setLocale(l), locale);
    await page.waitForFunction((w) =>
      document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-launcher').textContent === w, word, { timeout: 5000 })
      .catch(async () => assert.fail(`${locale}: the launcher says ${await launcher.textContent()}`));
  }
  // And the panel follows too.
  await page.evaluate(() => window.HelpWidget.setLocale('de'));
  await launcher.click();
  await $(page, '.hw-heading').filter({ hasText: 'Hilfe' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('showArticle with an unknown id shows "not found" with search and Contact, and fires error, not article', async () => {
  const { context, page, problems } = await newPage({ locale: 'en-US' });
  const events = await page.evaluate(async () => {
    const seen = [];
    for (const name of ['article', 'error', 'open']) {
      window.HelpWidget.on(name, (detail) => seen.push([name, detail && typeof detail === 'object'
        ? { code: detail.code, id: detail.id, message: typeof detail.message === 'string' } : detail]));
    }
    window.HelpWidget.showArticle('no-such-id');
    await new Promise((resolve) => {
      const check = () => (seen.some(([n]) => n === 'error' || n === 'article') ? resolve() : setTimeout(check, 50));
      check();
    });
    await new Promise((r) => setTimeout(r, 300));
    return seen;
  });
  assert.deepEqual(events, [['open', undefined], ['error', { code: 'article-not-found', id: 'no-such-id', message: true }]]);
  const view = $(page, '.hw-not-found');
  await view.waitFor();
  assert.match(await view.textContent(), /not found|couldn’t find|could not find/i);
  assert.doesNotMatch(await view.textContent(), /^Sign in to the dashboard to read this article\.$/);
  assert.equal(await $(page, '.hw-not-found .hw-search-input').count(), 1, 'a search box');
  assert.equal(await $(page, '.hw-article .hw-contact-link').count(), 1, 'a way to Contact');
  // Searching from there goes home with the query.
  await $(page, '.hw-not-found .hw-search-input').fill('site id');
  await $(page, '.hw-result').first().waitFor();
  assert.equal(await $(page, '.hw-search-input').inputValue(), 'site id');

  // A known article still fires `article`, and no error.
  const known = await page.evaluate(async () => {
    const seen = [];
    window.HelpWidget.on('article', (id) => seen.push(['article', id]));
    window.HelpWidget.on('error', (e) => seen.push(['error', e && e.code]));
    window.HelpWidget.showArticle('find-site-id');
    await new Promise((r) => setTimeout(r, 800));
    return seen;
  });
  assert.deepEqual(known, [['article', 'find-site-id']]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('`search` fires once the reader pauses, trimmed, with the result count, and not twice for one query', async () => {
  const { context, page, problems } = await newPage({ locale: 'en-US' });
  await page.evaluate(() => {
    window.__searches = [];
    window.HelpWidget.on('search', (detail) => window.__searches.push(detail));
  });
  await $(page, 'button.hw-launcher').click();
  const input = $(page, '.hw-search-input');
  await input.waitFor({ state: 'visible' });
  await input.pressSequentially('tax ', { delay: 60 });
  await $(page, '.hw-result').first().waitFor();
  await page.waitForTimeout(1500);
  const shown = await $(page, '.hw-result').count();
  let searches = await page.evaluate(() => window.__searches);
  assert.equal(searches.length, 1, JSON.stringify(searches));
  assert.equal(searches[0].query, 'tax');
  assert.equal(typeof searches[0].count, 'number');
  assert.ok(searches[0].count >= shown && shown > 0, JSON.stringify(searches[0]));

  // The same query again, and an empty box: nothing new.
  await input.fill('tax');
  await page.waitForTimeout(1200);
  await input.fill('');
  await page.waitForTimeout(1200);
  searches = await page.evaluate(() => window.__searches);
  assert.equal(searches.length, 1, JSON.stringify(searches));

  // Opening a result before the pause reports the query at once.
  await input.pressSequentially('site id', { delay: 30 });
  await page.waitForFunction(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return /found/.test(root.querySelector('.hw-status')?.textContent ?? '');
  });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await $(page, '.hw-article-title').waitFor();
  searches = await page.evaluate(() => window.__searches);
  assert.equal(searches.length, 2, JSON.stringify(searches));
  assert.equal(searches[1].query, 'site id');
  await page.waitForTimeout(1200);
  assert.equal((await page.evaluate(() => window.__searches)).length, 2, 'not again after the pause');
  assert.deepEqual(problems, []);
  await context.close();
});
