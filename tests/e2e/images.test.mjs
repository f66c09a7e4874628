// Images in articles: served from the bundle, lazy, never wider than the
// panel, named by their alt text, and opened full size in a viewer that
// Escape or Close shuts, giving focus back to the image; axe in light and
// dark mode with the viewer open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { BASE_URL, launch, screenshotPath, $, axeViolations } from './browser.mjs';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ALT = /^Bar chart: a payable balance of 12/;

async function openArticle(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`${m.text()} ${m.location().url}`); });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-search-input').fill('payment threshold');
  await $(page, '.hw-result[data-article-id="payment-threshold"]').click();
  await $(page, '.hw-article-body img').waitFor({ state: 'attached' });
  return { context, page, problems };
}

const active = (page) => page.evaluate(() => {
  const el = document.querySelector('help-widget-root').shadowRoot.activeElement;
  return el ? `${el.tagName.toLowerCase()}.${el.className}` : '';
});

test('an article image is lazy, keeps its alt text, loads from the bundle and fits the panel', async () => {
  const { context, page, problems } = await openArticle({ viewport: { width: 1280, height: 800 } });
  const img = $(page, '.hw-article-body img');
  assert.equal(await img.getAttribute('loading'), 'lazy');
  assert.equal(await img.getAttribute('decoding'), 'async');
  assert.match(await img.getAttribute('alt'), ALT);
  assert.match(await img.getAttribute('src'), /^(http:\/\/127\.0\.0\.1:\d+)?\/bundle\/images\/balance-carry-over-[0-9a-f]{16}\.svg$/);
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const i = document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-article-body img');
    return i.complete && i.naturalWidth > 0;
  });
  const natural = await img.evaluate((i) => i.naturalWidth);
  assert.equal(natural, 960, 'the file served is the example SVG');
  const shown = await img.boundingBox();
  const body = await $(page, '.hw-article-body').boundingBox();
  assert.ok(shown.width <= body.width + 0.5, `${shown.width} > ${body.width}`);
  assert.ok(shown.width < natural, 'scaled down to the panel');
  await page.screenshot({ path: screenshotPath('article-image.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking an image opens it full size; Escape and Close shut it and focus returns to it', async () => {
  const { context, page, problems } = await openArticle({ viewport: { width: 1280, height: 800 } });
  const button = $(page, 'button.hw-image-button');
  assert.match(await button.getAttribute('aria-label'), /^View image full size: Bar chart: a payable balance of 12/);
  const inPanel = (await $(page, '.hw-article-body img').boundingBox()).width;

  // By mouse.
  await $(page, '.hw-article-body img').click();
  const viewer = $(page, 'dialog.hw-image-viewer');
  await viewer.waitFor({ state: 'visible' });
  assert.match(await viewer.getAttribute('aria-label'), ALT);
  const big = $(page, 'dialog.hw-image-viewer img');
  await page.waitForFunction(() => {
    const i = document.querySelector('help-widget-root').shadowRoot.querySelector('dialog.hw-image-viewer img');
    return i.complete && i.naturalWidth > 0;
  });
  const full = await big.boundingBox();
  assert.ok(full.width > inPanel * 1.5, `full size ${full.width} vs ${inPanel} in the panel`);
  assert.equal(Math.round(full.width), 960, 'shown at its own size when the window allows');
  assert.match(await big.getAttribute('alt'), ALT);
  assert.equal(await active(page), 'button.hw-image-close', 'focus moves into the viewer');
  await page.screenshot({ path: screenshotPath('image-viewer.png') });
  await page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'hidden' });
  assert.ok(await $(page, '.hw-panel').isVisible(), 'Escape closed the image, not the panel');
  assert.equal(await active(page), 'button.hw-image-button');

  // By keyboard, closed with its button.
  await page.keyboard.press('Enter');
  await viewer.waitFor({ state: 'visible' });
  await $(page, '.hw-image-close').click();
  await viewer.waitFor({ state: 'hidden' });
  assert.equal(await active(page), 'button.hw-image-button');
  // A second Escape, from the image, still closes the panel as before.
  await page.keyboard.press('Escape');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a phone-sized window fits the image to the screen', async () => {
  const { context, page } = await openArticle({ viewport: { width: 360, height: 740 } });
  const body = await $(page, '.hw-article-body').boundingBox();
  const shown = await $(page, '.hw-article-body img').boundingBox();
  assert.ok(shown.width <= body.width + 0.5 && shown.width <= 360, `${shown.width}`);
  await $(page, '.hw-article-body img').click();
  const full = await $(page, 'dialog.hw-image-viewer img').boundingBox();
  assert.ok(full.x >= 0 && full.x + full.width <= 360.5, `${full.x} + ${full.width}`);
  await context.close();
});

test('axe finds no violations in the article with its image, and in the viewer, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await openArticle({ bypassCSP: true, colorScheme });
    await page.emulateMedia({ colorScheme });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const scan = () => axeViolations(page);
    const article = await scan();
    await $(page, '.hw-article-body img').click();
    await $(page, 'dialog.hw-image-viewer').waitFor({ state: 'visible' });
    const viewer = await scan();
    assert.deepEqual({ article, viewer }, { article: [], viewer: [] }, colorScheme);
    await context.close();
  }
});
