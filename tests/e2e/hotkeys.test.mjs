// Hotkeys, as DocSearch has them: Ctrl/Cmd+K and "/" open the panel with
// the caret in the search box; "/" is left alone while the reader types in
// the host's own fields; `data-hotkey` changes or disables them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, $, newContextPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The dashboard, with the widget's tag given `data-hotkey` if set, and a text field and an editor of its own. */
async function newPage(hotkey) {
  const { context, page, problems } = await newContextPage(browser);
  const origin = new URL(BASE_URL).origin;
  await context.route(`${origin}/`, async (route) => {
    const response = await route.fetch();
    let html = await response.text();
    if (hotkey !== undefined) html = html.replace('data-bundle="/bundle/"', `data-bundle="/bundle/" data-hotkey="${hotkey}"`);
    html = html.replace('</main>', '<input id="host-field" aria-label="Host field"><div id="host-editor" contenteditable="true">Editor</div></main>');
    await route.fulfill({ response, body: html });
  });
  await page.goto(`${origin}/`);
  await $(page, 'button.hw-launcher').waitFor();
  return { context, page, problems };
}

const panelOpen = (page) => page.evaluate(() => {
  const panel = document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-panel');
  return !!panel && !panel.hidden;
});

async function caretInSearch(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('help-widget-root').shadowRoot.activeElement;
    return el && el.classList.contains('hw-search-input') && el.closest('.hw-panel') && !el.closest('.hw-panel').hidden;
  }, null, { timeout: 10000 });
}

test('Ctrl+K and Cmd+K open the panel with the caret in the search box, and close it again', async () => {
  const { context, page, problems } = await newPage();
  await page.keyboard.press('Control+k');
  await caretInSearch(page);
  await page.keyboard.type('site id');
  await $(page, '.hw-result').first().waitFor();
  await page.keyboard.press('Control+k');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  await page.keyboard.press('Meta+k');
  await caretInSearch(page);
  assert.equal(await $(page, '.hw-search-input').inputValue(), 'site id', 'the query is kept');
  // From an article, the hotkey brings the reader back to search.
  await page.evaluate(() => window.HelpWidget.showArticle('find-site-id'));
  await $(page, '.hw-article-title').waitFor();
  await page.keyboard.press('Escape');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+k');
  await caretInSearch(page);
  // Ctrl+K works from the host's own text field too, as in DocSearch.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  await page.focus('#host-field');
  await page.keyboard.press('Control+k');
  await caretInSearch(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"/" opens the panel, but not while the reader types in the host page', async () => {
  const { context, page, problems } = await newPage();
  await page.focus('#host-field');
  await page.keyboard.type('a/b');
  assert.equal(await page.inputValue('#host-field'), 'a/b');
  await page.focus('#host-editor');
  await page.keyboard.press('End');
  await page.keyboard.type('/');
  assert.match(await page.textContent('#host-editor'), /\/$/);
  await page.waitForTimeout(300);
  assert.equal(await panelOpen(page), false);

  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('/');
  await caretInSearch(page);
  assert.equal(await $(page, '.hw-search-input').inputValue(), '', 'the "/" is not typed into the box');
  await page.keyboard.type('tax/');
  assert.equal(await $(page, '.hw-search-input').inputValue(), 'tax/', '"/" is typed in the panel as usual');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a host page that handles Ctrl+K itself keeps it', async () => {
  const { context, page, problems } = await newPage();
  await page.evaluate(() => document.getElementById('host-editor').addEventListener('keydown', (e) => {
    if (e.key === 'k' && e.ctrlKey) e.preventDefault();
  }));
  await page.focus('#host-editor');
  await page.keyboard.press('Control+k');
  await page.waitForTimeout(500);
  assert.equal(await panelOpen(page), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('data-hotkey="mod+j" replaces the hotkeys, and "none" disables them', async () => {
  {
    const { context, page, problems } = await newPage('mod+j');
    await page.keyboard.press('Control+k');
    await page.keyboard.press('/');
    await page.waitForTimeout(500);
    assert.equal(await panelOpen(page), false);
    await page.keyboard.press('Control+j');
    await caretInSearch(page);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { context, page, problems } = await newPage('none');
    for (const key of ['Control+k', 'Meta+k', '/']) await page.keyboard.press(key);
    await page.waitForTimeout(500);
    assert.equal(await panelOpen(page), false);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
