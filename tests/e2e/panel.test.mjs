// The panel as a publisher uses it: suggestions that follow the dashboard's
// routes, search with the keyboard, articles read inline, feedback (also
// offline), the contact view in several time zones and languages, and an
// accessibility scan. Failures are in failures.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { BASE_URL, launch, screenshotPath, $, newContextPage } from './browser.mjs';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openPanel(page, path = '/') {
  await page.goto(new URL(path, BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-panel').waitFor({ state: 'visible' });
}

const newPage = (options) => newContextPage(browser, options);

test('suggestions follow the dashboard as it navigates with pushState', async () => {
  const { context, page, problems } = await newPage();
  await openPanel(page, '/');
  const titles = () => $(page, '.hw-suggestion .hw-result-title').allTextContents();
  await $(page, '.hw-suggestion').first().waitFor();
  const home = await titles();
  assert.ok(home.includes('First steps for a new publisher'), home.join(' | '));

  // The dashboard's own link: a pushState route change, no reload.
  await page.click('nav a[href="/links"]');
  await page.waitForFunction(() => location.pathname === '/links');
  await page.waitForFunction(async () => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return [...root.querySelectorAll('.hw-suggestion .hw-result-title')].some((e) => e.textContent === 'Create a tracking link');
  });
  const links = await titles();
  assert.ok(!links.includes('First steps for a new publisher'), links.join(' | '));
  await page.screenshot({ path: screenshotPath('suggestions-links.png') });

  await page.goBack();
  await page.waitForFunction(async () => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return [...root.querySelectorAll('.hw-suggestion .hw-result-title')].some((e) => e.textContent === 'First steps for a new publisher');
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard searches, opens an article, follows a link inside it, and comes back', async () => {
  const { context, page, problems } = await newPage();
  await openPanel(page, '/');
  const input = $(page, '.hw-search-input');
  await page.waitForFunction(() =>
    document.querySelector('help-widget-root').shadowRoot.activeElement?.classList.contains('hw-search-input'));
  await page.keyboard.type('paymnet threshold');
  await $(page, '.hw-result').first().waitFor();
  const marks = await $(page, '.hw-result mark').allTextContents();
  assert.ok(marks.length > 0, 'matched words are marked');
  await page.keyboard.press('ArrowDown');
  assert.equal(await $(page, '.hw-result').first().getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  const title = $(page, '.hw-article-title');
  await title.waitFor();
  assert.equal(await title.textContent(), 'The payment threshold');
  await $(page, '.hw-article-body p').first().waitFor();
  await page.screenshot({ path: screenshotPath('article.png') });

  // A link to another article opens inside the widget.
  const inner = $(page, '.hw-article-body a[href^="#article:"]').first();
  const target = (await inner.getAttribute('href')).slice('#article:'.length);
  await inner.click();
  await page.waitForFunction((t) => {
    const el = document.querySelector('help-widget-root').shadowRoot.querySelector('.hw-article-title');
    return el && el.textContent !== 'The payment threshold';
  }, target);
  assert.equal(new URL(page.url()).hash, '', 'the host page did not navigate');

  // Back, twice, returns to the search with the query kept.
  await $(page, '.hw-back').click();
  await title.filter({ hasText: 'The payment threshold' }).waitFor();
  await $(page, '.hw-back').click();
  await input.waitFor();
  assert.equal(await input.inputValue(), 'paymnet threshold');

  // Escape clears the box, then closes the panel.
  await input.focus();
  await page.keyboard.press('Escape');
  assert.equal(await input.inputValue(), '');
  await page.keyboard.press('Escape');
  await $(page, '.hw-panel').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('feedback is posted, and a vote cast offline is sent once back online', async () => {
  const { context, page, problems } = await newPage();
  const posted = [];
  let networkDown = false;
  await context.route('**/feedback', async (route) => {
    if (networkDown) return route.abort('internetdisconnected');
    posted.push(JSON.parse(route.request().postData()));
    await route.fulfill({ status: 204 });
  });
  await openPanel(page, '/');
  await HelpWidget_showArticle(page, 'find-site-id');
  await $(page, '.hw-feedback[data-article-id="find-site-id"] button').first().click();
  await $(page, '.hw-thanks').waitFor();
  await waitFor(() => posted.length === 1);
  assert.equal(posted[0].article, 'find-site-id');
  assert.equal(posted[0].helpful, true);
  assert.equal(posted[0].sid, '3141592');

  await HelpWidget_showArticle(page, 'create-links');
  networkDown = true;
  await context.setOffline(true);
  await $(page, '.hw-feedback[data-article-id="create-links"] button').nth(1).click();
  await $(page, '.hw-thanks').waitFor();
  await page.waitForFunction(() => (localStorage.getItem('help-widget:feedback-queue') || '').includes('create-links'));
  assert.equal(posted.length, 1, 'nothing was sent while offline');
  networkDown = false;
  await context.setOffline(false);
  await waitFor(() => posted.length === 2);
  assert.equal(posted[1].article, 'create-links');
  assert.equal(posted[1].helpful, false);
  await page.waitForFunction(() => !localStorage.getItem('help-widget:feedback-queue'));
  assert.deepEqual(problems, []);
  await context.close();
});

async function HelpWidget_showArticle(page, id) {
  await page.evaluate((i) => window.HelpWidget.showArticle(i), id);
  await $(page, `.hw-feedback[data-article-id="${id}"] button`).first().waitFor();
}

async function waitFor(condition, ms = 5000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Each zone with an instant to freeze the clock at, and what the live
// status must then say (support is open 09:00 to 02:00 UTC).
const ZONES = [
  ['Asia/Kolkata', '2026-03-10T12:00:00Z', /^Open now: closes at 07:30 tomorrow \(in 14 h\)$/],
  ['America/Los_Angeles', '2026-03-10T05:00:00Z', /^Closed: opens at 02:00 tomorrow$/],
  ['Europe/Berlin', '2026-03-28T22:00:00Z', /^Open now: closes at 04:00 tomorrow \(in 4 h\)$/],
  ['Europe/Berlin', '2026-03-21T22:00:00Z', /^Open now: closes at 03:00 tomorrow \(in 4 h\)$/],
  ['Pacific/Auckland', '2026-03-10T03:00:00Z', /^Closed: opens at 22:00$/],
  ['America/St_Johns', '2026-07-01T10:00:00Z', /^Open now: closes at 23:30 \(in 16 h\)$/],
];

for (const [zone, at, expected] of ZONES) {
  test(`support hours in ${zone} at ${at}`, async () => {
    const { context, page, problems } = await newPage({ timezoneId: zone, locale: 'en-US' });
    await page.clock.setFixedTime(new Date(at));
    await openPanel(page, '/');
    await $(page, '.hw-contact-link').click();
    const status = $(page, '.hw-open-status');
    await status.waitFor();
    const text = (await status.textContent()).replace(/\s+/g, ' ').trim()
      .replace(/\u202f/g, ' ').replace(/ (AM|PM)/g, '$1');
    // en-US formats 07:30 as "7:30 AM": compare on a 24-hour reading.
    const normalized = text.replace(/(\d{1,2}):(\d{2})(AM|PM)/g, (_, h, m, p) =>
      `${String((Number(h) % 12) + (p === 'PM' ? 12 : 0)).padStart(2, '0')}:${m}`);
    assert.match(normalized, expected);
    // Every time shown carries its UTC instant, and shows it in the zone.
    const times = await $(page, '.hw-hours time').evaluateAll((els) => els.map((e) => [e.getAttribute('datetime'), e.textContent]));
    assert.ok(times.length >= 3);
    for (const [datetime, shown] of times) {
      assert.match(datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
      const local = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(datetime));
      assert.ok(shown.replace(/\u202f/g, ' ').startsWith(local.replace(/\u202f/g, ' ')) || shown.includes(local.split(' ')[0]), `${shown} vs ${local}`);
    }
    const resolved = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    // Under its current name: Chromium resolves Asia/Kolkata as Asia/Calcutta.
    const current = { 'Asia/Calcutta': 'Asia/Kolkata', 'Europe/Kiev': 'Europe/Kyiv' }[resolved] ?? resolved;
    assert.equal(await $(page, '#hw-zone').inputValue(), current, 'the picker starts on the browser zone');
    await page.screenshot({ path: screenshotPath(`contact-${zone.replace('/', '-')}-${at.slice(0, 10)}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [locale, zone, heading, region] of [
  ['fr-FR', 'Europe/Paris', 'Aide', 'france'],
  ['de-DE', 'Europe/Berlin', 'Hilfe', 'germany'],
  ['pt-BR', 'America/Sao_Paulo', 'Ajuda', 'brazil'],
]) {
  test(`the panel speaks ${locale} and preselects the region`, async () => {
    const { context, page, problems } = await newPage({ locale, timezoneId: zone });
    await openPanel(page, '/');
    assert.equal(await $(page, 'button.hw-launcher').textContent(), heading);
    assert.equal(await $(page, '.hw-heading').textContent(), heading);
    await $(page, '.hw-search-input').fill(locale === 'fr-FR' ? "l'identifiant du site" : locale === 'de-DE' ? 'Site-ID' : 'ID do site');
    const first = $(page, '.hw-result').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-article-id'), 'find-site-id');
    await $(page, '.hw-search-input').fill('');
    await $(page, '.hw-contact-link').click();
    await $(page, '#hw-region').waitFor();
    assert.equal(await $(page, '#hw-region').inputValue(), region);
    await page.screenshot({ path: screenshotPath(`contact-${locale}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Each region's own phone hours, in the reader's zone and language: the
// week on the reader's own days, and no phone hours where a region has
// only an email address. The German line is open Mon–Fri 08:00–17:00 in
// Berlin; Wednesday 15 July 2026 is summer time in Berlin and California.
for (const [locale, zone, region, at, status, week] of [
  ['de-DE', 'Europe/Berlin', 'germany', '2026-07-15T10:00:00Z',
    /^Jetzt geöffnet: schließt um 17:00 \(in 5 h\)$/, ['Mo–Fr, 08:00–17:00, Ihre Ortszeit']],
  ['en-US', 'America/Los_Angeles', 'germany', '2026-07-17T16:00:00Z',
    /^Closed: opens at (Sunday )?11:00 PM( Sunday)?$/, ['Sun–Thu, 11:00 PM–8:00 AM your time']],
  // The panel's English is "en", whose clock has AM and PM.
  ['en-GB', 'Asia/Kolkata', 'americas', '2026-03-10T12:00:00Z',
    /^Open now: closes at 7:30 AM tomorrow \(in 14 h\)$/, ['Every day, 2:30 PM–7:30 AM your time']],
]) {
  test(`the ${region} phone hours in ${zone} read in ${locale}`, async () => {
    const { context, page, problems } = await newPage({ locale, timezoneId: zone });
    await page.clock.setFixedTime(new Date(at));
    await openPanel(page, '/');
    await $(page, '.hw-contact-link').click();
    await $(page, '#hw-region').selectOption(region);
    const clean = (t) => t.replace(/\s+/g, ' ').replace(/\u202f/g, ' ').trim();
    await $(page, '.hw-open-status').waitFor();
    assert.match(clean(await $(page, '.hw-open-status').textContent()), status);
    assert.deepEqual((await $(page, '.hw-week').allTextContents()).map(clean), week);
    await page.screenshot({ path: screenshotPath(`contact-${region}-${zone.replace('/', '-')}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a region with only an email address shows no phone hours', async () => {
  const { context, page, problems } = await newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await openPanel(page, '/');
  await $(page, '.hw-contact-link').click();
  await $(page, '#hw-region').waitFor();
  assert.equal(await $(page, '#hw-region').inputValue(), 'france');
  assert.equal(await $(page, '.hw-hours').count(), 0);
  assert.equal(await $(page, '.hw-open-status').count(), 0);
  await $(page, '#hw-region').selectOption('americas');
  await $(page, '.hw-open-status').waitFor();
  assert.match(await $(page, '.hw-week').first().textContent(), /^Tous les jours, de /);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the request helper carries the SID, the browser and the page', async () => {
  const { context, page } = await newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await openPanel(page, '/reports');
  await $(page, '.hw-contact-link').click();
  assert.equal(await $(page, '.hw-sid').textContent(), '3141592');
  const mailto = await $(page, 'a.hw-email').getAttribute('href');
  assert.ok(mailto.startsWith('mailto:support-fr@example.com?subject='), mailto);
  const body = decodeURIComponent(mailto.split('&body=')[1]);
  assert.match(decodeURIComponent(mailto), /SID 3141592/);
  assert.match(body, /Navigateur : Chrome \d+/);
  assert.match(body, /Page : http:\/\/127\.0\.0\.1:\d+\/reports/);
  assert.match(await $(page, '.hw-tip').textContent(), /example\.com/);
  const phone = $(page, '#hw-region');
  await phone.selectOption('americas');
  assert.equal(await $(page, '.hw-contacts a').nth(1).getAttribute('href'), 'tel:+16469438200,7');
  await context.close();
});

test('axe finds no accessibility violations in the panel, results, article and contact views', async () => {
  const { context, page } = await newPage({ bypassCSP: true });
  await openPanel(page, '/');
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const scan = async (name) => {
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('help-widget-root'), { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(result, [], `${name}: ${result.join('\n')}`);
  };
  await $(page, '.hw-suggestion').first().waitFor();
  await scan('open panel');
  await $(page, '.hw-search-input').fill('deep link');
  await $(page, '.hw-result').first().waitFor();
  await scan('search results');
  await $(page, '.hw-result').first().click();
  await $(page, '.hw-article-body').waitFor();
  await scan('article view');
  await $(page, '.hw-back').click();
  await $(page, '.hw-search-input').fill('');
  await $(page, '.hw-contact-link').click();
  await $(page, '.hw-open-status').waitFor();
  await scan('contact view');
  await context.close();
});

test('the JS API searches and reports events', async () => {
  const { context, page } = await newPage();
  await page.goto(new URL('/', BASE_URL).href);
  const results = await page.evaluate(async () => {
    const events = [];
    window.HelpWidget.on('open', () => events.push('open'));
    const off = window.HelpWidget.on('article', (id) => events.push(`article:${id}`));
    const hits = await window.HelpWidget.search('deep link');
    window.HelpWidget.showArticle('deep-links');
    await new Promise((r) => setTimeout(r, 300));
    off();
    window.HelpWidget.showArticle('find-site-id');
    await new Promise((r) => setTimeout(r, 300));
    return { first: hits[0], keys: Object.keys(hits[0]).sort(), events };
  });
  assert.ok(['deep-links', 'video-create-deep-link'].includes(results.first.id), results.first.id);
  assert.deepEqual(results.keys, ['category', 'id', 'score', 'snippet', 'title']);
  // `article` comes once the article is found, so after `open`.
  assert.deepEqual(results.events, ['open', 'article:deep-links']);
  await context.close();
});
