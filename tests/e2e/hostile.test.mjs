// A hostile host page: aggressive global CSS, a <base href> pointing
// elsewhere, Array.prototype and JSON patched the way old libraries did,
// and the script tag included twice. The widget still renders and works,
// and there is exactly one of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, screenshotPath, $ } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HOSTILE_CSS = '\n* { all: unset !important; }\ndiv { display: none !important; }\n';

test('the widget survives a hostile host page, and a doubled script tag gives one widget', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  const elsewhere = [];
  page.on('request', (r) => { if (r.url().includes('elsewhere.invalid')) elsewhere.push(r.url()); });

  // Old libraries (Prototype.js 1.6 among them) gave arrays a toJSON that
  // returns a string, which makes JSON.stringify double-encode them; others
  // add enumerable methods to Array.prototype or wrap JSON.
  await page.addInitScript(() => {
    Array.prototype.toJSON = function () { return JSON.stringify(this.slice()); };
    Array.prototype.hostHelper = function () { return 'host'; };
    const parse = JSON.parse;
    const stringify = JSON.stringify;
    JSON.parse = function (text, reviver) { return parse.call(JSON, text, reviver); };
    JSON.stringify = function (value, replacer, space) { return stringify.call(JSON, value, replacer, space); };
  });
  const origin = new URL(BASE_URL).origin;
  await context.route(`${origin}/`, async (route) => {
    const response = await route.fetch();
    let html = await response.text();
    // Absolute URLs, as a real host would write them next to a <base>.
    html = html.replace(/(src|href)="\//g, `$1="${origin}/`);
    const tag = html.match(/<script src="[^"]*help-widget\.js"[^>]*><\/script>/)[0];
    html = html
      .replace('<head>', '<head>\n    <base href="https://elsewhere.invalid/app/" />')
      .replace(tag, `${tag}\n    ${tag}`);
    // The host's own policy allows its <base>; the rest stays strict.
    const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'";
    await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  await context.route(`${origin}/dashboard.css`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()) + HOSTILE_CSS });
  });

  await page.goto(`${origin}/`);
  await $(page, 'button.hw-launcher').waitFor();
  assert.equal(await page.locator('script[src*="help-widget.js"]').count(), 2, 'the tag is in the page twice');
  assert.equal(await page.locator('help-widget-root').count(), 1, 'one widget, not two');
  assert.equal(await page.evaluate(() => typeof window.HelpWidget.open), 'function');

  // It looks like itself: the host's CSS does not reach into the shadow root.
  const launcherStyle = await $(page, 'button.hw-launcher').evaluate((el) => {
    const s = getComputedStyle(el);
    return { position: s.position, display: s.display, cursor: s.cursor };
  });
  assert.deepEqual(launcherStyle, { position: 'fixed', display: 'flex', cursor: 'pointer' });

  await $(page, 'button.hw-launcher').click();
  const input = $(page, '.hw-search-input');
  await input.waitFor({ state: 'visible' });
  assert.equal(await $(page, '.hw-panel').evaluate((el) => getComputedStyle(el).display !== 'none'), true);
  await input.fill('site id');
  await $(page, '.hw-result-title').first().waitFor();
  assert.equal(await $(page, '.hw-result-title').first().textContent(), 'Find your Site ID (SID)');
  await $(page, '.hw-result').first().click();
  await $(page, '.hw-article-body').waitFor();
  await page.screenshot({ path: screenshotPath('hostile-host.png') });

  // A vote cast offline is queued as proper JSON despite the patched
  // Array.prototype.toJSON, and sent once back online.
  const posted = [];
  let offline = false;
  await context.route('**/feedback', async (route) => {
    if (offline) return route.abort('internetdisconnected');
    posted.push(JSON.parse(route.request().postData()));
    await route.fulfill({ status: 204 });
  });
  offline = true;
  await context.setOffline(true);
  await $(page, '.hw-feedback button').first().click();
  await $(page, '.hw-thanks').waitFor();
  await page.waitForFunction(() => window.localStorage.getItem('help-widget:feedback-queue'));
  const queued = await page.evaluate(() => window.localStorage.getItem('help-widget:feedback-queue'));
  assert.ok(queued && queued.startsWith('[{'), `queued as a JSON array of votes: ${queued}`);
  offline = false;
  await context.setOffline(false);
  const end = Date.now() + 5000;
  while (posted.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.equal(posted.length, 1);
  assert.equal(posted[0].article, 'find-site-id');

  // The contact view reads the support data the loader carries too.
  await $(page, '.hw-back').click();
  await input.fill('');
  await $(page, '.hw-contact-link').click();
  await $(page, '.hw-contacts a').first().waitFor();

  await page.click('#host-button');
  assert.equal(await page.textContent('#host-counter'), '1');
  assert.deepEqual(elsewhere, [], 'nothing was requested from the <base> origin');
  assert.deepEqual(problems, []);
  await context.close();
});
