// Steadiness and loading: the panel keeps one size while the reader
// types, the loader draws a working search box at once on a slow network
// and hands what was typed to the app, clicks during loading open the
// panel, and on a phone the panel fills the screen and views open at
// their top.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, screenshotPath, $, newContextPage, settled } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const newPage = (options) => newContextPage(browser, options);

/** 1.6 Mbps down, 750 kbps up, 150 ms latency: a slow mobile network. */
async function slowNetwork(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}

const appMounted = (page) => page.evaluate(() =>
  !!document.querySelector('help-widget-root')?.shadowRoot.querySelector('.hw-panel'));

test('the search box stays put while the reader types', async () => {
  const { context, page, problems } = await newPage();
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  const input = $(page, '.hw-search-input');
  await input.waitFor({ state: 'visible' });
  await $(page, '.hw-suggestion').first().waitFor();
  await settled(page);
  const start = await input.boundingBox();
  const panelStart = await $(page, '.hw-panel').boundingBox();
  for (const query of ['2', '2fa', '2fa setup', 'zzqx', 'payment', 'site id', '']) {
    await input.fill(query);
    await page.waitForFunction((q) => {
      const root = document.querySelector('help-widget-root').shadowRoot;
      const status = root.querySelector('.hw-status')?.textContent ?? '';
      return q === '' ? root.querySelector('.hw-suggestion') : status && !/…$/.test(status);
    }, query);
    const box = await input.boundingBox();
    assert.deepEqual(box, start, `the box moved for "${query}"`);
    assert.deepEqual(await $(page, '.hw-panel').boundingBox(), panelStart, `the panel changed size for "${query}"`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a slow network the loader shows a working search box at once and hands the query to the app', async () => {
  const { context, page, problems } = await newPage();
  await slowNetwork(page);
  await page.goto(new URL('/', BASE_URL).href, { waitUntil: 'domcontentloaded' });
  await $(page, 'button.hw-launcher').waitFor();
  assert.equal(await appMounted(page), false, 'the app is still downloading');
  await $(page, 'button.hw-launcher').click();

  // At once, before the app has arrived: a dialog, busy, with a focused search box.
  const shell = await page.evaluate(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    const dialog = root.querySelector('[role="dialog"]');
    const input = dialog?.querySelector('input');
    const box = input?.getBoundingClientRect();
    return {
      mounted: !!root.querySelector('.hw-panel'),
      busy: dialog?.getAttribute('aria-busy'),
      visible: !!box && box.width > 0 && box.height > 0,
      focused: root.activeElement === input,
      expanded: root.querySelector('.hw-launcher').getAttribute('aria-expanded'),
    };
  });
  assert.deepEqual(shell, { mounted: false, busy: 'true', visible: true, focused: true, expanded: 'true' });
  await page.screenshot({ path: screenshotPath('loading-shell.png') });
  const shellBox = await page.evaluate(() => {
    const r = document.querySelector('help-widget-root').shadowRoot.querySelector('[role="dialog"] input').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

  await page.keyboard.type('thresh');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await appMounted(page), false, 'typed while the app was still loading');

  // The app takes over: the same text, the caret where it was, focus kept.
  const input = $(page, '.hw-panel .hw-search-input');
  await input.waitFor({ state: 'visible', timeout: 60000 });
  await page.waitForFunction(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return root.querySelectorAll('input').length === 1;
  }, null, { timeout: 10000 });
  const after = await page.evaluate(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    const el = root.activeElement;
    return { value: el?.value, start: el?.selectionStart, end: el?.selectionEnd, app: !!el?.closest('.hw-panel') };
  });
  assert.deepEqual(after, { value: 'thresh', start: 4, end: 4, app: true });
  const box = await input.boundingBox();
  for (const key of ['x', 'y', 'width', 'height']) {
    assert.ok(Math.abs(box[key] - shellBox[key]) < 1, `the box jumped: ${key} ${shellBox[key]} → ${box[key]}`);
  }
  await page.keyboard.press('End');
  await page.keyboard.type('old');
  await $(page, '.hw-result').first().waitFor({ timeout: 60000 });
  assert.equal(await input.inputValue(), 'threshold');
  assert.equal(await $(page, '.hw-result').first().getAttribute('data-article-id'), 'payment-threshold');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a second click while the app loads keeps the panel open', async () => {
  const { context, page, problems } = await newPage();
  await slowNetwork(page);
  await page.goto(new URL('/', BASE_URL).href, { waitUntil: 'domcontentloaded' });
  const launcher = $(page, 'button.hw-launcher');
  await launcher.waitFor();
  assert.equal(await appMounted(page), false, 'the app is still downloading');
  await launcher.click();
  await launcher.click();
  assert.equal(await appMounted(page), false, 'both clicks came while loading');
  await $(page, '.hw-panel .hw-search-input').waitFor({ state: 'visible', timeout: 60000 });
  await page.waitForTimeout(300);
  assert.equal(await $(page, '.hw-panel').isVisible(), true);
  assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
  // Once loaded, a click closes it as before.
  await launcher.click();
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the loading panel closes with Escape, and the app does not reopen it', async () => {
  const { context, page, problems } = await newPage();
  await slowNetwork(page);
  await page.goto(new URL('/', BASE_URL).href, { waitUntil: 'domcontentloaded' });
  const launcher = $(page, 'button.hw-launcher');
  await launcher.click();
  await $(page, '[role="dialog"] input').waitFor({ state: 'visible' });
  assert.equal(await appMounted(page), false, 'the app is still downloading');
  await page.keyboard.press('Escape');
  assert.equal(await $(page, '[role="dialog"] input').first().isVisible(), false);
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.querySelector('help-widget-root').shadowRoot.activeElement?.className), 'hw-launcher');
  await page.waitForFunction(() => !!document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-panel'), null, { timeout: 60000 });
  await page.waitForTimeout(300);
  assert.equal(await $(page, '.hw-panel').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 360 px the panel fills the screen and its input does not make iOS zoom', async () => {
  const { context, page, problems } = await newPage({ viewport: { width: 360, height: 640 } });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-search-input').waitFor({ state: 'visible' });
  const panel = await $(page, '.hw-panel').boundingBox();
  assert.deepEqual(panel, { x: 0, y: 0, width: 360, height: 640 });
  const style = await $(page, '.hw-panel').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
  assert.equal(style, '0px');
  const size = await $(page, '.hw-search-input').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 16, `input font size ${size}px`);
  await page.screenshot({ path: screenshotPath('panel-360.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone, Contact opens at its top with the phone hours in sight', async () => {
  const { context, page, problems } = await newPage({ viewport: { width: 360, height: 640 }, locale: 'en-US' });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-suggestion').first().waitFor();
  await $(page, '.hw-contact-link').click();
  const heading = $(page, '#hw-hours-title');
  await heading.waitFor();
  await $(page, '.hw-open-status').waitFor();
  await page.waitForTimeout(200);
  const body = await $(page, '.hw-body').evaluate((el) => el.scrollTop);
  assert.equal(body, 0, 'the view opens scrolled to its top');
  const header = await $(page, '.hw-header').boundingBox();
  for (const el of [heading, $(page, '.hw-open-status')]) {
    const box = await el.boundingBox();
    assert.ok(box.y >= header.y + header.height - 1 && box.y + box.height <= 640, `hidden: ${box.y}`);
  }
  await page.screenshot({ path: screenshotPath('contact-360.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
