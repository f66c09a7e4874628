// axe in both colour schemes, in every view: home with suggestions,
// results with marked words, an article, each feedback state, the contact
// view with its region and time zone pickers, an article that does not
// exist, and the bundle failing to load. Contrast is axe's to judge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch, screenshotPath, $, settled } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function newPage(scheme) {
  const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
  // Votes go nowhere: the scan is about what the reader sees.
  await context.route(/\/feedback(\/[^/?#]+)?$/, (route) => route.fulfill({ status: 503, body: '' }));
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page, problems };
}

async function scan(page, scheme, name) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: AXE });
  await settled(page);
  // The scheme really applies inside the shadow root.
  const background = await page.evaluate(() => {
    const panel = document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-panel');
    return getComputedStyle(panel).backgroundColor;
  });
  assert.equal(background, scheme === 'dark' ? 'rgb(22, 27, 38)' : 'rgb(255, 255, 255)', `${scheme} ${name}`);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector('help-widget-root'), { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any.map((a) => a.message).join(' ')}`).join(', ')}`);
  });
  assert.deepEqual(result, [], `${scheme} ${name}: ${result.join('\n')}`);
  await page.screenshot({ path: screenshotPath(`axe-${scheme}-${name.replace(/\W+/g, '-')}.png`) });
}

for (const scheme of ['light', 'dark']) {
  test(`axe passes in every view in the ${scheme} scheme`, async () => {
    const { context, page, problems } = await newPage(scheme);
    await page.goto(new URL('/payments', BASE_URL).href);
    await $(page, 'button.hw-launcher').click();
    await $(page, '.hw-suggestion').first().waitFor();
    await scan(page, scheme, 'home with suggestions');

    await $(page, '.hw-search-input').fill('payment threshold');
    await $(page, '.hw-result mark').first().waitFor();
    await scan(page, scheme, 'results with marked words');

    await $(page, '.hw-result').first().click();
    await $(page, '.hw-article-body').waitFor();
    await scan(page, scheme, 'article');

    // Feedback: a No asks what was missing and offers Contact.
    await $(page, '.hw-vote-no').click();
    await $(page, '.hw-still-stuck').waitFor();
    await scan(page, scheme, 'feedback after no');
    await $(page, '.hw-send-comment').click();
    await $(page, '.hw-change-vote').click();
    await $(page, '.hw-vote-yes').waitFor();
    await scan(page, scheme, 'feedback changing');
    await $(page, '.hw-vote-yes').click();
    await $(page, '#hw-comment').waitFor();
    await scan(page, scheme, 'feedback after yes');

    // Contact, with the region picker and a searched time zone list.
    await $(page, '.hw-article .hw-contact-link').first().click();
    await $(page, '#hw-region').selectOption('americas');
    await $(page, '.hw-open-status').waitFor();
    await $(page, '#hw-zone-search').fill('europe');
    await scan(page, scheme, 'contact');
    await $(page, '#hw-region').selectOption('germany');
    await $(page, '.hw-contacts a').first().waitFor();
    await scan(page, scheme, 'contact germany');

    // Returning to an article voted on shows the vote.
    await $(page, '.hw-back').click();
    await $(page, '.hw-voted').waitFor();
    await scan(page, scheme, 'feedback on return');

    await page.evaluate(() => window.HelpWidget.showArticle('no-such-article'));
    await $(page, '.hw-article .hw-not-found').waitFor();
    await scan(page, scheme, 'article not found');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`axe passes on the load error in the ${scheme} scheme`, async () => {
    const { context, page } = await newPage(scheme);
    await context.route('**/bundle/manifest.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
    await page.goto(new URL('/', BASE_URL).href);
    await $(page, 'button.hw-launcher').click();
    await $(page, '.hw-error').first().waitFor();
    await scan(page, scheme, 'load error');
    await context.close();
  });
}
