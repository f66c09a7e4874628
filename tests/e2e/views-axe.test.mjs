// axe in light and dark mode over the views the focus work touches: the
// loading panel, home, results, an article, "not found", Contact, and the
// full-screen phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { BASE_URL, launch, $, axeViolations } from './browser.mjs';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Every axe rule, contrast included, in the scheme the page emulates.
async function scan(page, name) {
  const result = await axeViolations(page);
  assert.deepEqual(result, [], `${name}: ${result.join('\n')}`);
}

for (const colorScheme of ['light', 'dark']) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 640 }]) {
    test(`axe passes in every view, ${colorScheme} mode, ${viewport.width} px`, async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport, locale: 'en-US' });
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(new URL('/', BASE_URL).href);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      await $(page, 'button.hw-launcher').click();
      await $(page, '.hw-suggestion').first().waitFor();
      await scan(page, 'home');
      await $(page, '.hw-search-input').fill('payment');
      await $(page, '.hw-result').nth(3).waitFor();
      await page.keyboard.press('ArrowDown');
      await scan(page, 'results');
      await page.keyboard.press('Enter');
      await $(page, '.hw-article-body').waitFor();
      await scan(page, 'article');
      await page.evaluate(() => window.HelpWidget.showArticle('no-such-id'));
      await $(page, '.hw-not-found').waitFor();
      await scan(page, 'not found');
      await $(page, '.hw-article .hw-contact-link').click();
      await $(page, '.hw-contact').waitFor();
      await scan(page, 'contact');
      await context.close();
    });
  }

  test(`axe passes on the loading panel, ${colorScheme} mode`, async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    // Hold the app back so the loader's own panel stays on show.
    let release;
    const held = new Promise((r) => { release = r; });
    await context.route(/\/widget\/.*\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(new URL('/', BASE_URL).href);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    await $(page, 'button.hw-launcher').click();
    await $(page, '[role="dialog"][aria-busy="true"] input').waitFor({ state: 'visible' });
    await scan(page, 'loading');
    release();
    await $(page, '.hw-panel .hw-search-input').waitFor({ state: 'visible' });
    await context.close();
  });
}
