// Browsing by category and related articles: the home view lists the
// content's categories in its order with the counts its files give
// (counted here from examples/help-center, never written down), fetched
// only once the panel is open and its suggestions are on show; a category
// opens its own view by keyboard, Back comes back to the category; an
// article names its category as a link to that view; an article's related
// articles open in the panel and Back returns to it; French names and
// counts; axe in light and dark mode in each new view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { BASE_URL, launch, screenshotPath, $, axeViolations, newContextPage } from './browser.mjs';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// --- What the example content says, read from its files ---

const CONTENT = new URL('../../examples/help-center/', import.meta.url);

/** A TOML basic string's value (the example content uses no other kind). */
const tomlString = (quoted) => JSON.parse(quoted);

/** The front matter's one-line `key = "string"` or `key = number` entries of an article file. */
function frontMatter(path) {
  const text = readFileSync(path, 'utf8');
  const block = text.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+/)[1];
  const fields = {};
  for (const line of block.split('\n')) {
    const m = line.match(/^(\w+)\s*=\s*("(?:[^"\\]|\\.)*"|-?\d+)\s*$/);
    if (m) fields[m[1]] = m[2].startsWith('"') ? tomlString(m[2]) : Number(m[2]);
  }
  return { visibility: 'public', weight: 0, ...fields };
}

/** Every article of `locale`, by id. */
function articles(locale) {
  const dir = new URL(`articles/${locale}/`, CONTENT);
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.md'))
    .map((f) => frontMatter(new URL(f, dir))).map((a) => [a.id, a]));
}

/** `categories.toml`: each category's slug and names by locale, in order. */
function categories() {
  const text = readFileSync(new URL('categories.toml', CONTENT), 'utf8');
  return text.split('[[categories]]').slice(1).map((block) => ({
    slug: tomlString(block.match(/slug\s*=\s*("[^"]*")/)[1]),
    names: Object.fromEntries([...block.match(/name\s*=\s*\{([^}]*)\}/)[1]
      .matchAll(/([\w-]+)\s*=\s*("(?:[^"\\]|\\.)*")/g)].map((m) => [m[1], tomlString(m[2])])),
  }));
}

/**
 * The public articles a reader of `locale` has: its own translations, and
 * the English articles it has not translated.
 */
function publicArticles(locale) {
  const own = articles(locale);
  return [...articles('en').values()]
    .map((en) => own.get(en.id) ?? en)
    .filter((a) => a.visibility === 'public');
}

/** What the home view should list for `locale`: `name count` per category, in the content's order. */
function expectedCategories(locale, one, many) {
  const counts = new Map();
  for (const a of publicArticles(locale)) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  return categories()
    .filter((c) => counts.has(c.slug))
    .map((c) => {
      const name = c.names[locale] ?? c.names[locale.split('-')[0]] ?? c.names.en;
      const n = counts.get(c.slug);
      return `${name} ${n === 1 ? one : many.replace('{}', n)}`;
    });
}

// --- The panel ---

async function newPage(options = {}) {
  const { context, page, problems } = await newContextPage(browser, options);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  return { context, page, problems, requests };
}

async function openPanel(page, path = '/') {
  await page.goto(new URL(path, BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-panel').waitFor({ state: 'visible' });
  await $(page, '.hw-category').first().waitFor();
}

const listed = async (page) => (await $(page, '.hw-category').evaluateAll((links) =>
  links.map((a) => `${a.querySelector('.hw-category-name').textContent} ${a.querySelector('.hw-category-count').textContent}`)));

/** The focused element in the widget: its class, link and text. */
const focused = (page) => page.evaluate(() => {
  const el = document.querySelector('help-widget-root').shadowRoot.activeElement;
  return { className: el?.className ?? '', href: el?.getAttribute('href') ?? '', text: el?.textContent ?? '', id: el?.id ?? '' };
});

/** Presses Tab until focus is on `href`'s link (at most 60 times). */
async function tabTo(page, href) {
  for (let i = 0; i < 60; i += 1) {
    if ((await focused(page)).href === href) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${href}`);
}

const title = (page) => $(page, '#hw-title').textContent();

test('home lists the categories in the content\'s order with their true counts, fetched only once open and after the suggestions', async () => {
  const { context, page, problems, requests } = await newPage();
  await page.goto(new URL('/', BASE_URL).href);
  // The app loads when the browser is idle and readies the suggestions,
  // panel closed: the category list waits for the panel.
  await $(page, '.hw-suggestion').first().waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(!requests.some((p) => /\/bundle\/en-c-/.test(p)), 'no category list while closed');

  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-category').first().waitFor();
  const list = requests.findIndex((p) => /\/bundle\/en-c-/.test(p));
  const titles = requests.findIndex((p) => /\/bundle\/en-n-/.test(p));
  assert.ok(titles >= 0 && list > titles, `the list after the suggestions' title list: ${requests.join(' ')}`);
  assert.equal(requests.filter((p) => /\/bundle\/en-c-/.test(p)).length, 1, 'fetched once');

  const expected = expectedCategories('en', '1 article', '{} articles');
  assert.ok(expected.length >= 5, expected.join(', '));
  assert.deepEqual(await listed(page), expected);
  assert.equal(await $(page, '#hw-browse').textContent(), 'Browse by category');
  // Below the suggestions.
  const order = await page.evaluate(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    const s = root.querySelector('.hw-suggestions');
    const c = root.querySelector('.hw-categories');
    return Boolean(s.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'categories come after the suggestions');

  // Typing hides them; clearing the box brings them back without a new fetch.
  await $(page, '.hw-search-input').fill('payment');
  await $(page, '.hw-result').first().waitFor();
  assert.equal(await $(page, '.hw-category').count(), 0);
  await $(page, '.hw-search-input').fill('');
  await $(page, '.hw-category').first().waitFor();
  assert.equal(requests.filter((p) => /\/bundle\/en-c-/.test(p)).length, 1);
  await page.screenshot({ path: screenshotPath('browse-home.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a category opens by keyboard, lists its articles by weight, and Back returns focus where the reader was', async () => {
  const { context, page, problems } = await newPage();
  await openPanel(page, '/');
  await tabTo(page, '#category:payments');
  await page.keyboard.press('Enter');
  await $(page, '.hw-category-view .hw-suggestion').first().waitFor();
  const payments = categories().find((c) => c.slug === 'payments');
  assert.equal(await title(page), payments.names.en, 'the panel is titled by the category');
  assert.equal((await focused(page)).id, 'hw-title', 'focus on the title');

  const inCategory = publicArticles('en').filter((a) => a.category === 'payments');
  assert.equal(await $(page, '.hw-category-status').textContent(), `${inCategory.length} articles`);
  const titles = await $(page, '.hw-category-view .hw-result-title').allTextContents();
  assert.deepEqual([...titles].sort(), inCategory.map((a) => a.title).sort(), 'every article, and only those');
  const weights = titles.map((t) => inCategory.find((a) => a.title === t).weight);
  assert.deepEqual(weights, [...weights].sort((a, b) => b - a), `heaviest first: ${titles.join(', ')}`);
  assert.equal(await $(page, '.hw-category-view .hw-show-more').count(), 0, 'all on one page');
  assert.equal(await $(page, '.hw-category-view .hw-contact-link').count(), 1, 'a way to Contact');
  await page.screenshot({ path: screenshotPath('browse-category.png') });

  // The second article, by keyboard, and Back to it.
  const second = await $(page, '.hw-category-view .hw-suggestion').nth(1).getAttribute('href');
  await tabTo(page, second);
  await page.keyboard.press('Enter');
  await $(page, '.hw-article-title').waitFor();
  assert.equal(await $(page, '.hw-article-title').textContent(), titles[1]);
  assert.match((await focused(page)).className, /hw-article-title/);
  await $(page, '.hw-back').click();
  await page.waitForFunction((href) => document.querySelector('help-widget-root').shadowRoot
    .activeElement?.getAttribute('href') === href, second);
  assert.equal(await title(page), payments.names.en);

  // Back again: home, focus on the category the reader opened.
  await $(page, '.hw-back').click();
  await page.waitForFunction(() => document.querySelector('help-widget-root').shadowRoot
    .activeElement?.getAttribute('href') === '#category:payments');
  assert.equal(await title(page), 'Help');
  assert.equal(await $(page, '.hw-back').count(), 0, 'home has no Back');
  // Escape still closes: focus never left the panel.
  await page.keyboard.press('Escape');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an article names its category, a link to the category\'s view; Back returns to the article', async () => {
  const { context, page, problems } = await newPage();
  await openPanel(page, '/');
  await $(page, '.hw-search-input').fill('payment threshold');
  await $(page, '.hw-result[data-article-id="payment-threshold"]').click();
  await $(page, '.hw-article-title').waitFor();
  const article = articles('en').get('payment-threshold');
  const category = categories().find((c) => c.slug === article.category);
  const link = $(page, '.hw-breadcrumb .hw-article-category');
  assert.equal(await link.textContent(), category.names.en);
  assert.equal(await $(page, '.hw-breadcrumb').getAttribute('aria-label'), 'Category');
  // Above the title.
  assert.ok(await page.evaluate(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return Boolean(root.querySelector('.hw-breadcrumb').compareDocumentPosition(root.querySelector('.hw-article-title'))
      & Node.DOCUMENT_POSITION_FOLLOWING);
  }));
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).href, `#category:${category.slug}`, 'one Shift+Tab from the title');
  await page.keyboard.press('Enter');
  await $(page, '.hw-category-view .hw-suggestion').first().waitFor();
  assert.equal(await title(page), category.names.en);
  assert.ok((await $(page, '.hw-category-view .hw-result-title').allTextContents()).includes(article.title));
  await $(page, '.hw-back').click();
  await page.waitForFunction(() => document.querySelector('help-widget-root').shadowRoot
    .activeElement?.classList.contains('hw-article-category'));
  assert.equal(await $(page, '.hw-article-title').textContent(), article.title);
  assert.deepEqual(problems, []);
  await context.close();
});

test('related articles follow the article, open in the panel, and Back returns to the article', async () => {
  const { context, page, problems } = await newPage();
  await openPanel(page, '/');
  await page.evaluate(() => window.HelpWidget.showArticle('payment-threshold'));
  await $(page, '.hw-related-article').first().waitFor();
  assert.equal(await $(page, '#hw-related-heading').textContent(), 'Related articles');
  // After the body and the feedback question.
  assert.ok(await page.evaluate(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    const after = (a, b) => Boolean(root.querySelector(a).compareDocumentPosition(root.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
    return after('.hw-article-body', '.hw-related') && after('.hw-feedback', '.hw-related');
  }));
  const english = articles('en');
  const links = await $(page, '.hw-related-article').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
  assert.ok(links.length >= 1 && links.length <= 3, JSON.stringify(links));
  for (const { href, text } of links) {
    const id = href.replace('#article:', '');
    assert.notEqual(id, 'payment-threshold', 'never itself');
    assert.equal(english.get(id)?.title, text, `${id} is listed by its title`);
    assert.equal(english.get(id).visibility, 'public', `${id} is public`);
  }
  assert.equal(new Set(links.map((l) => l.href)).size, links.length, 'each once');

  // By keyboard: the first related article opens here.
  await tabTo(page, links[0].href);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('help-widget-root').shadowRoot
    .querySelector('.hw-article-title')?.textContent === t, links[0].text);
  assert.match((await focused(page)).className, /hw-article-title/);
  await $(page, '.hw-back').click();
  await page.waitForFunction((href) => document.querySelector('help-widget-root').shadowRoot
    .activeElement?.getAttribute('href') === href, links[0].href);
  assert.equal(await $(page, '.hw-article-title').textContent(), english.get('payment-threshold').title);
  await page.screenshot({ path: screenshotPath('browse-related.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('in French, categories, counts and an article\'s category are in French', async () => {
  const { context, page, problems } = await newPage();
  await openPanel(page, '/');
  await page.evaluate(() => window.HelpWidget.setLocale('fr'));
  await page.waitForFunction(() => document.querySelector('help-widget-root').shadowRoot
    .querySelector('#hw-browse')?.textContent === 'Parcourir par catégorie');
  const expected = expectedCategories('fr', '1 article', '{} articles');
  await page.waitForFunction((first) => document.querySelector('help-widget-root').shadowRoot
    .querySelector('.hw-category-name')?.textContent === first, expected[0].replace(/ \d+ articles?$/, ''));
  assert.deepEqual(await listed(page), expected);
  const payments = categories().find((c) => c.slug === 'payments');
  await $(page, `.hw-category[href="#category:payments"]`).click();
  await $(page, '.hw-category-view .hw-suggestion').first().waitFor();
  assert.equal(await title(page), payments.names.fr);
  await $(page, '.hw-category-view .hw-suggestion').first().click();
  await $(page, '.hw-article-category').waitFor();
  assert.equal(await $(page, '.hw-article-category').textContent(), payments.names.fr);
  assert.equal(await $(page, '.hw-breadcrumb').getAttribute('aria-label'), 'Catégorie');
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe finds no violations on the categories, a category\'s view and an article with its related articles, in light and dark mode', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await newPage({ bypassCSP: true, colorScheme });
    // Votes go nowhere: the scan is about what the reader sees.
    await context.route(/\/feedback(\/[^/?#]+)?$/, (route) => route.fulfill({ status: 503, body: '' }));
    await page.emulateMedia({ colorScheme });
    await openPanel(page, '/');
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const scan = async (name) => {
      const violations = await axeViolations(page);
      await page.screenshot({ path: screenshotPath(`browse-${name}-${colorScheme}.png`) });
      assert.deepEqual(violations, [], `${colorScheme} ${name}: ${violations.join('\n')}`);
    };
    await $(page, '.hw-categories').scrollIntoViewIfNeeded();
    await scan('home');
    await $(page, '.hw-category[href="#category:payments"]').click();
    await $(page, '.hw-category-view .hw-suggestion').first().waitFor();
    await scan('category');
    await page.evaluate(() => window.HelpWidget.showArticle('payment-threshold'));
    await $(page, '.hw-related-article').first().waitFor();
    await $(page, '.hw-related').scrollIntoViewIfNeeded();
    await scan('article');
    await context.close();
  }
});
